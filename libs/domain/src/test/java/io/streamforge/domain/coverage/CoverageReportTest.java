package io.streamforge.domain.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamforge.domain.Interval;
import io.streamforge.domain.Micros;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoverageReportTest {
    static final long DAY = Micros.of(LocalDate.of(2024, 1, 1));
    static final long MIN = 60_000_000L;
    static final long HOUR = 60 * MIN;
    static final CoverageKey K = CoverageKey.klines(Symbol.of("BTCUSDT"), Interval.M1);
    static final CoverageKey AGG = CoverageKey.aggTrades(Symbol.of("XRPETH"));

    @Test
    void rendersCoveredRangesWithSourcesAndGapsWithStatus() {
        KeyCoverage klines =
                KeyCoverage.of(
                        K,
                        List.of(
                                new Received(
                                        K, new TimeRange(DAY, DAY + 6 * HOUR), Source.REST, "q"),
                                new Received(
                                        K, new TimeRange(DAY, DAY + 3 * HOUR), Source.DUMP, "")),
                        List.of(
                                new Gap(
                                        K,
                                        new TimeRange(DAY + 6 * HOUR, DAY + 6 * HOUR + 2 * MIN),
                                        GapStatus.EXPECTED,
                                        "rest has no data here (maintenance or halt)",
                                        null,
                                        "q")));
        KeyCoverage trades =
                KeyCoverage.of(
                        AGG,
                        List.of(),
                        List.of(
                                new Gap(
                                        AGG,
                                        new TimeRange(DAY, DAY + 1_500_001),
                                        GapStatus.MISSING,
                                        "2 aggTrade id(s) missing: ids 11..12",
                                        new IdRange(11, 12),
                                        "q")));
        TimeRange range = new TimeRange(DAY, DAY + 8 * HOUR);
        String text = CoverageReport.render(List.of(klines, trades), range);
        assertThat(text)
                .isEqualTo(
                        "BTCUSDT klines 1m: covered 6h 00m 00s (75.00% of [2024-01-01T00:00:00Z .."
                                + " 2024-01-01T08:00:00Z)), gaps: 0 missing, 0 filled, 1 expected\n"
                                + "  covered  [2024-01-01T00:00:00Z .. 2024-01-01T03:00:00Z)  dump\n"
                                + "  covered  [2024-01-01T03:00:00Z .. 2024-01-01T06:00:00Z)  rest\n"
                                + "  gap      [2024-01-01T06:00:00Z .. 2024-01-01T06:02:00Z)  expected"
                                + " rest has no data here (maintenance or halt)\n"
                                + "XRPETH agg_trades: covered 0s (0.00% of [2024-01-01T00:00:00Z .."
                                + " 2024-01-01T08:00:00Z)), gaps: 1 missing, 0 filled, 0 expected\n"
                                + "  gap      [2024-01-01T00:00:00Z .. 2024-01-01T00:00:01.500001Z)"
                                + "  missing  2 aggTrade id(s) missing: ids 11..12\n");
    }

    @Test
    void withoutARangeTheCoveredTimeIsShownAlone() {
        KeyCoverage v =
                KeyCoverage.of(
                        K,
                        List.of(
                                new Received(
                                        K,
                                        new TimeRange(DAY, DAY + 26 * HOUR + 90_000_000L),
                                        Source.WS,
                                        "q")),
                        List.of());
        assertThat(CoverageReport.render(List.of(v), null))
                .startsWith("BTCUSDT klines 1m: covered 1d 02h 01m 30s, gaps: 0 missing");
        assertThat(CoverageReport.render(List.of(), null)).isEqualTo("no coverage recorded\n");
    }

    @Test
    void durationsAreReadable() {
        assertThat(CoverageReport.duration(1)).isEqualTo("0.000001s");
        assertThat(CoverageReport.duration(0)).isEqualTo("0s");
        assertThat(CoverageReport.duration(59_000_000L)).isEqualTo("59s");
        assertThat(CoverageReport.duration(MIN)).isEqualTo("1m 00s");
    }

    @Test
    void keyCoverageRejectsEntriesOfAnotherKey() {
        Received other = new Received(AGG, new TimeRange(DAY, DAY + 1), Source.WS, "");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> KeyCoverage.of(K, List.of(other), List.of()))
                .hasMessageContaining("XRPETH agg_trades");
    }
}
