package io.streamforge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What people read while long work runs and when it ends: rates, ETA, plain lines, tables. */
class ProgressTest {
    @Test
    void aRunningStepWithATotalShowsPercentRateAndEta() {
        var s = new Progress.Step("loader-api-candles", "running", 50_000, 200_000, 5.0);
        assertThat(Progress.numbers(s))
                .isEqualTo("50,000/200,000 (25%) records, 10,000 records/s, ETA 15 s");
        assertThat(TerminalProgress.bar(s)).startsWith("[██████·").hasSize(26);
    }

    @Test
    void withoutATotalThereIsNoEtaAndAFinishedStepShowsItsDuration() {
        assertThat(Progress.numbers(new Progress.Step("graph-builder", "running", 10, -1, 2.0)))
                .isEqualTo("10 records, 5 records/s");
        assertThat(Progress.numbers(new Progress.Step("connector", "finished", 600, 600, 125.0)))
                .isEqualTo("600/600 (100%) records, 5 records/s, 2 min 05 s");
        assertThat(Progress.duration(3_720)).isEqualTo("1 h 02 min");
    }

    @Test
    void plainLinesOnEachStatusChangeNotOnEveryPoll() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Progress p = new PlainProgress(new PrintStream(buf, true, StandardCharsets.UTF_8), 60_000);
        p.show(List.of(new Progress.Step("a", "pending", 0, 10, 0)));
        p.show(List.of(new Progress.Step("a", "running", 1, 10, 1)));
        p.show(List.of(new Progress.Step("a", "running", 2, 10, 2))); // within the interval
        p.finish(List.of(new Progress.Step("a", "finished", 10, 10, 3)));
        assertThat(buf.toString(StandardCharsets.UTF_8).lines())
                .containsExactly(
                        "  a pending: 0/10 (0%) records",
                        "  a running: 1/10 (10%) records, 1 records/s, ETA 9 s",
                        "  a finished: 10/10 (100%) records, 3 records/s, 3 s");
    }

    @Test
    void aFileOrPipeGetsPlainLinesUnlessOverridden() {
        PrintStream captured = new PrintStream(new ByteArrayOutputStream());
        assertThat(Progress.forOutput(new CliContext(captured, captured, Map.of())))
                .isInstanceOf(PlainProgress.class);
        assertThat(
                        Progress.forOutput(
                                new CliContext(
                                        captured, captured, Map.of("STREAMFORGE_PROGRESS", "bar"))))
                .isInstanceOf(TerminalProgress.class);
    }

    @Test
    void tablesAlignNumbersRightAndTextLeft() {
        String t =
                new Table("symbol", "candles", "rho")
                        .row("BTCUSDT", 43_200L, 0.8412)
                        .row("total", 1_000_000L, null)
                        .render();
        assertThat(t.lines())
                .containsExactly(
                        "  symbol     candles    rho",
                        "  -------  ---------  -----",
                        "  BTCUSDT     43,200  0.841",
                        "  total    1,000,000      -");
    }
}
