package io.streamforge.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.streamforge.app.cli.CliRun;
import io.streamforge.domain.Symbol;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pure parts of the ingestion benchmarks: percentiles, efficiency arithmetic, options. */
class BenchPartsTest {

    @Test
    void percentilesUseNearestRank() {
        long[] v = new long[100];
        for (int i = 0; i < 100; i++) {
            v[i] = 100 - i; // 100 .. 1, unsorted
        }
        Percentiles p = new Percentiles(v, 100);
        assertThat(p.percentile(50)).isEqualTo(50);
        assertThat(p.percentile(99)).isEqualTo(99);
        assertThat(p.percentile(99.5)).isEqualTo(100);
        assertThat(p.percentile(0)).isEqualTo(1);
        assertThat(p.max()).isEqualTo(100);
    }

    @Test
    void percentilesOfAPrefixIgnoreTheRestAndDoNotChangeTheInput() {
        long[] v = {5, 3, 9, 1000, 1000};
        Percentiles p = new Percentiles(v, 3);
        assertThat(p.count()).isEqualTo(3);
        assertThat(p.percentile(50)).isEqualTo(5);
        assertThat(p.max()).isEqualTo(9);
        assertThat(v).containsExactly(5, 3, 9, 1000, 1000);
    }

    @Test
    void percentilesRejectBadInput() {
        assertThatThrownBy(() -> new Percentiles(new long[2], 3)).hasMessageContaining("count");
        assertThatThrownBy(() -> new Percentiles(new long[0], 0).percentile(50))
                .hasMessageContaining("no values");
        assertThatThrownBy(() -> new Percentiles(new long[] {1}, 1).percentile(101))
                .hasMessageContaining("[0, 100]");
    }

    @Test
    void efficiencyAgainstLimitAndAllowance() {
        // 10 windows, 2,850 weight in all: 285 per window; limit 300, margin 0.95 → allowance 285
        var e = new RestEfficiency(2_850, 10, 300, 0.95, 1.0, 600);
        assertThat(e.weightPerWindow()).isEqualTo(285.0);
        assertThat(e.allowancePerWindow()).isEqualTo(285);
        assertThat(e.ofLimit()).isEqualTo(0.95);
        assertThat(e.ofAllowance()).isEqualTo(1.0);
        assertThat(e.limitOfRaw()).isEqualTo(0.5);
        assertThat(e.meetsTarget(0)).isTrue();
        assertThat(e.meetsTarget(1)).as("a single 429 fails the target").isFalse();
        var low = new RestEfficiency(2_600, 10, 300, 0.95, 1.0, 600);
        assertThat(low.ofAllowance()).isLessThan(RestEfficiency.TARGET);
        assertThat(low.meetsTarget(0)).isFalse();
    }

    @Test
    void autoLimitIsHalfTheRawCapacityPerWindowRoundedDown() {
        assertThat(RestEfficiency.autoLimit(622, 1.0)).isEqualTo(310);
        assertThat(RestEfficiency.autoLimit(622, 2.0)).isEqualTo(620);
        assertThat(RestEfficiency.autoLimit(50, 1.0)).as("never below 100").isEqualTo(100);
    }

    @Test
    void efficiencyRejectsImpossibleSettings() {
        assertThatThrownBy(() -> new RestEfficiency(1, 0, 300, 0.95, 1, 1))
                .hasMessageContaining("windows");
        assertThatThrownBy(() -> new RestEfficiency(1, 1, 300, 1.5, 1, 1))
                .hasMessageContaining("margin");
    }

    private static RestBench.Options rest(String... args) {
        return CliRun.<RestBenchCommand>parsed(concat("rest", args)).options();
    }

    private static String[] concat(String bench, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "bench";
        all[1] = bench;
        System.arraycopy(args, 0, all, 2, args.length);
        return all;
    }

    @Test
    void restOptionsParseWithDefaults() {
        var o = rest("--symbols", "btcusdt,ETHUSDT", "--windows", "5");
        assertThat(o.symbols()).containsExactly(Symbol.of("BTCUSDT"), Symbol.of("ETHUSDT"));
        assertThat(o.windows()).isEqualTo(5);
        assertThat(o.timeScale()).isEqualTo(60.0);
        assertThat(o.weightLimit()).as("auto").isZero();
        assertThat(o.margin()).isEqualTo(0.95);
        assertThat(rest("--weight-limit", "1200").weightLimit()).isEqualTo(1200);
    }

    @Test
    void badOptionsNameTheProblem() {
        assertThatThrownBy(() -> rest("--windowz", "5"))
                .hasMessageContaining("Unknown options: '--windowz'");
        assertThatThrownBy(() -> rest("--windows"))
                .hasMessageContaining("Missing required parameter for option '--windows'");
        assertThatThrownBy(() -> rest("--windows", "ten"))
                .hasMessageContaining("'ten' is not an int");
        assertThatThrownBy(() -> rest("--windows", "0"))
                .hasMessage("--windows: must be positive, got 0");
        assertThatThrownBy(() -> rest("--margin", "1.2"))
                .hasMessage("--margin: must be in (0, 1], got 1.2");
        assertThatThrownBy(() -> rest("--weight-limit", "lots"))
                .hasMessage("--weight-limit: expected auto or a whole number, got 'lots'");
        assertThatThrownBy(() -> rest("--symbols", "BTC-USDT")).hasMessageContaining("--symbols");
        assertThatThrownBy(() -> rest("--windows", "2", "--windows", "3"))
                .hasMessageContaining("should be specified only once");
        assertThatThrownBy(() -> CliRun.parsed(concat("dump", "--days", "2024-02-01:2024-01-01")))
                .hasMessageContaining("before");
        assertThatThrownBy(
                        () ->
                                CliRun.<WsBenchCommand>parsed(
                                                concat("ws", "--agg-trades-per-day", "100"))
                                        .options())
                .hasMessageContaining("--agg-trades-per-day");
    }

    @Test
    void unknownBenchmarkOrOptionExitsWithTwoWithoutRunningAnything() {
        CliRun r = CliRun.of("bench", "latency");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Unmatched argument at index 1: 'latency'");
        r = CliRun.of("bench", "rest", "--bogus", "1");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("streamforge bench rest: Unknown options: '--bogus'");
        assertThat(CliRun.of("bench").err()).contains("missing benchmark (ingest, rest, dump");
    }

    @Test
    void wsSpeedGivesTheRequestedNominalRate() {
        var o =
                new WsBenchOptions(
                        List.of(Symbol.of("BTCUSDT"), Symbol.of("ETHUSDT")), 864_000, 5, 50_000, 1);
        // 2 symbols × 10 trades per simulated second = 20/s at speed 1 → 2,500× for 50k/s
        assertThat(o.speedFor(50_000)).isEqualTo(2_500.0);
    }

    @Test
    void ladderCountsOnlyStepsThatKeptUp() {
        var l = new WsBench.Ladder();
        assertThat(l.add(10_000, 9_990)).isTrue();
        assertThat(l.add(20_000, 19_000)).isTrue();
        assertThat(l.add(40_000, 30_000)).as("fell behind: stop climbing").isFalse();
        assertThat(l.sustained()).isEqualTo(19_000);
        assertThat(l.peak()).isEqualTo(30_000);
    }

    @Test
    void dumpPathsCoverEveryDayOfTheRangeForBothKinds() {
        var o =
                CliRun.<DumpBenchCommand>parsed(
                                concat(
                                        "dump",
                                        "--symbols",
                                        "BTCUSDT",
                                        "--days",
                                        "2024-01-30:2024-02-01"))
                        .options();
        assertThat(DumpBench.paths(o))
                .containsExactly(
                        "data/spot/daily/klines/BTCUSDT/1m/BTCUSDT-1m-2024-01-30.zip",
                        "data/spot/daily/aggTrades/BTCUSDT/BTCUSDT-aggTrades-2024-01-30.zip",
                        "data/spot/daily/klines/BTCUSDT/1m/BTCUSDT-1m-2024-01-31.zip",
                        "data/spot/daily/aggTrades/BTCUSDT/BTCUSDT-aggTrades-2024-01-31.zip",
                        "data/spot/daily/klines/BTCUSDT/1m/BTCUSDT-1m-2024-02-01.zip",
                        "data/spot/daily/aggTrades/BTCUSDT/BTCUSDT-aggTrades-2024-02-01.zip");
    }

    @Test
    void scaledClockMapsSimulatedTimeBackToTheWallClock() {
        ScaledClock c = new ScaledClock(1_000_000_000L, 60);
        long simUs = c.nowUs();
        long wall = System.nanoTime();
        // 60 simulated seconds = 1 wall second
        assertThat(c.wallNanosOf(simUs + 60_000_000L) - c.wallNanosOf(simUs))
                .isEqualTo(1_000_000_000L);
        assertThat(Math.abs(c.wallNanosOf(simUs) - wall)).isLessThan(50_000_000L);
        assertThat(c.wallNanosFor(60_000)).isEqualTo(1_000_000_000L);
        assertThatThrownBy(() -> new ScaledClock(0, 0)).hasMessageContaining("speed");
    }

    @Test
    void soakHeapSlopeIsFittedOverTheSecondHalf() {
        java.util.List<SoakBench.Sample> flatThenGrowing = new java.util.ArrayList<>();
        for (int i = 0; i <= 10; i++) {
            // first half flat at 100 MB (warm-up), second half +1 MB every 30 s = +2 MB/min
            double heap = i < 5 ? 100 : 100 + (i - 5);
            flatThenGrowing.add(new SoakBench.Sample(i * 30.0, i * 1000L, heap, 40));
        }
        assertThat(SoakBench.heapSlopeMbPerMinute(flatThenGrowing)).isCloseTo(2.0, within(1e-9));
        java.util.List<SoakBench.Sample> steady = new java.util.ArrayList<>();
        for (int i = 0; i <= 10; i++) {
            steady.add(new SoakBench.Sample(i * 30.0, i * 1000L, 120 + (i % 2), 40));
        }
        assertThat(Math.abs(SoakBench.heapSlopeMbPerMinute(steady))).isLessThan(0.2);
        assertThat(SoakBench.heapSlopeMbPerMinute(steady.subList(0, 2))).isNaN();
        assertThatThrownBy(() -> soak("--minutes", "0").options())
                .isInstanceOf(io.streamforge.app.cli.UsageError.class)
                .hasMessageContaining("--minutes");
        assertThat(soak("--rate", "5000").options().ws().rate()).isEqualTo(5000);
    }

    private static SoakBenchCommand soak(String... args) {
        return CliRun.parsed(concat("soak", args));
    }
}
