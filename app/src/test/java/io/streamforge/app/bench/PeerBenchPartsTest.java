package io.streamforge.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamforge.app.cli.CliRun;
import io.streamforge.app.cli.UsageError;
import io.streamforge.domain.AggTrade;
import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.ParameterException;

/** The pure parts of the peer benches: Connect JSON records, the hand-made COPY row, options. */
class PeerBenchPartsTest {
    static final Symbol BTC = Symbol.of("BTCUSDT");
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aggTradeInConnectJsonCarriesItsSchemaAndTheTableColumns() throws Exception {
        AggTrade a =
                new AggTrade(
                        BTC,
                        42,
                        new BigDecimal("42000.10"),
                        new BigDecimal("0.5"),
                        7,
                        9,
                        1_704_067_200_123_000L,
                        true,
                        false);
        JsonNode n = JSON.readTree(ConnectJsonRecords.encode(a));

        assertThat(n.at("/schema/type").asText()).isEqualTo("struct");
        assertThat(n.at("/schema/fields")).hasSize(11);
        assertThat(n.at("/schema/fields/2/type").asText()).isEqualTo("int64");
        assertThat(n.at("/payload/key").asText()).isEqualTo(a.key());
        assertThat(n.at("/payload/price").asText()).isEqualTo("42000.1");
        assertThat(n.at("/payload/time_us").asLong()).isEqualTo(1_704_067_200_123_000L);
        assertThat(n.at("/payload/invalidated").asBoolean()).isFalse();
        assertThat(ConnectJsonRecords.table(a)).isEqualTo("agg_trades");
    }

    @Test
    void candleInConnectJsonHasEveryCandleColumn() throws Exception {
        BigDecimal one = BigDecimal.ONE;
        Candle c =
                new Candle(
                        BTC,
                        Interval.M1,
                        0,
                        59_999_000L,
                        one,
                        one,
                        one,
                        one,
                        one,
                        one,
                        3,
                        one,
                        one);
        JsonNode n = JSON.readTree(ConnectJsonRecords.encode(c));

        assertThat(n.at("/schema/fields")).hasSize(14);
        for (String col : SinkTables.CANDLE_COLUMNS.split(",")) {
            assertThat(n.at("/payload").has(col)).as(col).isTrue();
        }
        assertThat(n.at("/payload/interval").asText()).isEqualTo("1m");
    }

    @Test
    void directCopyRowAddsKeySymbolMicrosAndTheInvalidatedFlag() {
        StringBuilder b = new StringBuilder();
        DirectCopy.row(b, BTC, "42,42000.10000000,0.50000000,7,9,1704067200123,True,True");
        DirectCopy.row(b, BTC, "43,0.00000000,0.00000000,-1,-1,1704067200124,False,True");

        assertThat(b.toString())
                .isEqualTo(
                        "BINANCE:SPOT:BTCUSDT:a:42,BTCUSDT,42,42000.10000000,0.50000000,7,9,"
                                + "1704067200123000,True,True,false\n"
                                + "BINANCE:SPOT:BTCUSDT:a:43,BTCUSDT,43,0.00000000,0.00000000,-1,-1,"
                                + "1704067200124000,False,True,true\n");
        assertThatThrownBy(() -> DirectCopy.row(b, BTC, "1,2,3"))
                .hasMessageContaining("expected 8 aggTrades columns");
    }

    @Test
    void optionsHaveTheIssueDefaultsAndNameBadValues() {
        var s = CliRun.<SinkBenchCommand>parsed("bench", "sink").options();
        assertThat(s.symbols()).hasSize(5);
        assertThat(s.batch()).isEqualTo(5_000);
        assertThat(s.warmUpDays()).isEqualTo(3);
        assertThat(s.peerLib()).isNull();
        var b =
                CliRun.<BackfillBenchCommand>parsed(
                                "bench", "backfill", "--agg-trades-per-day", "1000")
                        .options();
        assertThat(b.aggTradesPerDay()).isEqualTo(1_000);
        assertThat(b.dataDir()).isEqualTo(Path.of(".streamforge/bench"));
        assertThat(b.symbols().size() * 5 * 500_000L).isGreaterThanOrEqualTo(10_000_000L);
        assertThatThrownBy(
                        () ->
                                CliRun.<SinkBenchCommand>parsed("bench", "sink", "--batch", "0")
                                        .options())
                .isInstanceOf(UsageError.class)
                .hasMessageContaining("--batch");
        assertThatThrownBy(() -> CliRun.parsed("bench", "backfill", "--size", "1"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("--size");
        assertThatThrownBy(() -> CliRun.parsed("bench", "codec", "--days", "2024-01-01"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("--days");
    }

    @Test
    void backfillRefusesADataDirStreamforgeDidNotCreate(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("precious.txt"), "not ours");
        var cmd =
                CliRun.<BackfillBenchCommand>parsed(
                        "bench", "backfill", "--data-dir", dir.toString());
        assertThatThrownBy(cmd::options)
                .isInstanceOf(UsageError.class)
                .hasMessageContaining("not empty and was not created by streamforge");
    }

    @Test
    void aMissingPeerClasspathSaysHowToBuildIt() {
        assertThatThrownBy(() -> PeerProcess.libDir("no-such-peer", null))
                .hasMessageContaining("./mvnw -q -pl bench-peers/no-such-peer package");
    }

    @Test
    void procFieldsAreReadInKilobytes(@TempDir Path dir) throws Exception {
        Path status = dir.resolve("status");
        java.nio.file.Files.writeString(status, "Name:\tjava\nVmRSS:\t  123456 kB\nThreads:\t9\n");
        assertThat(ProcessMemory.kb(status, "VmRSS:")).isEqualTo(123_456L * 1024);
        assertThat(ProcessMemory.kb(status, "Pss:")).isZero();
        assertThat(ProcessMemory.kb(dir.resolve("gone"), "VmRSS:")).isZero();
    }

    @Test
    void theOfficialClientsResultLineIsParsedAndItsAbsenceNamed() {
        assertThat(ClientBench.result("noise\nRESULT messages=42 seconds=1.5\n"))
                .containsEntry("messages", "42")
                .containsEntry("seconds", "1.5");
        assertThatThrownBy(() -> ClientBench.result("Exception in thread main"))
                .hasMessageContaining("official client gave no result: Exception");
    }

    @Test
    void upAndClientOptionsNameBadValues(@TempDir Path dir) throws Exception {
        assertThat(up().options().analytics()).isTrue();
        assertThat(up().options().dataDir()).isNull();
        assertThat(up("--analytics", "false").options().analytics()).isFalse();
        assertThatThrownBy(() -> up("--analytics", "no"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("--analytics");
        assertThatThrownBy(() -> up("--heap", "lots").options())
                .isInstanceOf(UsageError.class)
                .hasMessageContaining("--heap");
        Files.writeString(dir.resolve("precious.txt"), "not ours");
        assertThatThrownBy(() -> up("--data-dir", dir.toString()).options())
                .isInstanceOf(UsageError.class)
                .hasMessageContaining("not created by streamforge");
        assertThat(up("--data-dir", dir.resolve("fresh").toString()).options().dataDir())
                .isEqualTo(dir.resolve("fresh"));
        var c = CliRun.<ClientBenchCommand>parsed("bench", "client").options();
        assertThat(c.weightLimit()).isEqualTo(240);
        assertThat(c.timeScale()).isEqualTo(60);
        assertThatThrownBy(() -> CliRun.parsed("bench", "client", "--seconds", "x"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("--seconds");
        assertThatThrownBy(
                        () ->
                                CliRun.<ClientBenchCommand>parsed(
                                                "bench", "client", "--time-scale", "0")
                                        .options())
                .isInstanceOf(UsageError.class)
                .hasMessageContaining("--time-scale");
    }

    @Test
    void codecAndEfficiencyHaveTheIssueDefaults() {
        var c = CliRun.<CodecBenchCommand>parsed("bench", "codec").options();
        assertThat(c.rounds()).isEqualTo(3);
        assertThat(c.days()).isEqualTo("2024-01-01:2024-01-30");
        assertThat(c.symbols()).hasSize(5);
        var e =
                CliRun.<EfficiencyBenchCommand>parsed(
                                "bench",
                                "efficiency",
                                "--symbols",
                                "btcusdt",
                                "--days",
                                "2024-02-01:2024-02-02")
                        .options();
        assertThat(e.symbols()).containsExactly(BTC);
        assertThat(e.days()).isEqualTo("2024-02-01:2024-02-02");
    }

    private static UpBenchCommand up(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "bench";
        all[1] = "up";
        System.arraycopy(args, 0, all, 2, args.length);
        return CliRun.parsed(all);
    }

    @Test
    void theBinaryPrototypeRoundTripsCandlesAndAggTradesExactly() {
        BigDecimal big = new BigDecimal("123456789012345678901234.5"); // does not fit a long
        Candle c =
                new Candle(
                        BTC,
                        Interval.H1,
                        0,
                        3_599_999_000L,
                        BigDecimal.ONE,
                        big,
                        new BigDecimal("0.00000001"),
                        BigDecimal.TEN,
                        BigDecimal.ZERO,
                        BigDecimal.ONE,
                        7,
                        BigDecimal.ONE,
                        BigDecimal.ONE);
        AggTrade a = new AggTrade(BTC, 1, BigDecimal.ZERO, BigDecimal.ZERO, -1, -1, 5, false, true);

        assertThat(BinaryCodecPrototype.decode(BinaryCodecPrototype.encode(c))).isEqualTo(c);
        assertThat(BinaryCodecPrototype.decode(BinaryCodecPrototype.encode(a))).isEqualTo(a);
        assertThatThrownBy(() -> BinaryCodecPrototype.decode(new byte[] {9, 0, 2, 'B', 'T'}))
                .hasMessageContaining("unknown kind byte 9");
    }
}
