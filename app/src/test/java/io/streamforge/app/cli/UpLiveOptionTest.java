package io.streamforge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamforge.domain.Symbol;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code up --live SYMBOLS} (ADR 3001): parsed as a symbol list; a symbol the simulator does not
 * serve or a malformed one is a usage error (exit 2) before anything starts. The running live path
 * itself is proven by {@code LiveIngestionIT}.
 */
class UpLiveOptionTest {
    @TempDir Path dir;

    @Test
    void liveTakesACommaListOfSymbols() {
        UpCli up = CliRun.parsed("up", "--live", "btcusdt,ETHUSDT");
        assertThat(up.live).containsExactly(Symbol.of("BTCUSDT"), Symbol.of("ETHUSDT"));
        assertThat(CliRun.<UpCli>parsed("up").live).isNull();
    }

    @Test
    void aSymbolTheSimulatorDoesNotServeIsRefusedBeforeAnythingStarts() throws Exception {
        Path data = dir.resolve("up");
        CliRun r = CliRun.of("up", "--live", "BTCUSDT,NOPEUSDT", "--data-dir", data.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--live", "NOPEUSDT").doesNotContain("\tat ");
        assertThat(Files.exists(data)).as("no data folder was claimed").isFalse();
    }

    @Test
    void aMalformedSymbolIsAUsageError() {
        CliRun r = CliRun.of("up", "--live", "BTC-USDT");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--live");
        assertThat(List.of(r.err().split("\n"))).hasSize(1);
    }
}
