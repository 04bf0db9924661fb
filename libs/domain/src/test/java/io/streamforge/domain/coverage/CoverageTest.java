package io.streamforge.domain.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamforge.domain.Interval;
import io.streamforge.domain.Micros;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class CoverageTest {
    static final long DAY = Micros.of(LocalDate.of(2024, 1, 1));
    static final long MIN = 60_000_000L;
    static final CoverageKey K1M = CoverageKey.klines(Symbol.of("BTCUSDT"), Interval.M1);
    static final CoverageKey AGG = CoverageKey.aggTrades(Symbol.of("BTCUSDT"));

    static long[] minutes(long from, long count) {
        return LongStream.range(0, count).map(i -> from + i * MIN).toArray();
    }

    @Test
    void contiguousKlinesCoverOneRangeAndHaveNoGaps() {
        long[] opens = minutes(DAY, 60);
        assertThat(Coverage.klineCovered(Interval.M1, opens))
                .containsExactly(new TimeRange(DAY, DAY + 60 * MIN));
        assertThat(Coverage.klineGaps(K1M, new TimeRange(DAY, DAY + 60 * MIN), opens, "q"))
                .isEmpty();
    }

    @Test
    void oneMissingOpenTimeIsAGapOfOneInterval() {
        long[] opens = LongStream.of(minutes(DAY, 60)).filter(t -> t != DAY + 7 * MIN).toArray();
        List<Gap> gaps = Coverage.klineGaps(K1M, new TimeRange(DAY, DAY + 60 * MIN), opens, "q1");
        assertThat(gaps).hasSize(1);
        Gap g = gaps.get(0);
        assertThat(g.range()).isEqualTo(new TimeRange(DAY + 7 * MIN, DAY + 8 * MIN));
        assertThat(g.status()).isEqualTo(GapStatus.MISSING);
        assertThat(g.reason()).isEqualTo("no kline for 1 open time 2024-01-01T00:07:00Z");
        assertThat(g.queueId()).isEqualTo("q1");
        assertThat(g.ids()).isNull();
    }

    @Test
    void aRunOfMissingOpenTimesIsOneGapAndTheEndsCount() {
        long[] opens =
                LongStream.of(minutes(DAY, 60))
                        .filter(t -> t < DAY + 10 * MIN || t >= DAY + 13 * MIN)
                        .filter(t -> t != DAY && t != DAY + 59 * MIN)
                        .toArray();
        List<Gap> gaps = Coverage.klineGaps(K1M, new TimeRange(DAY, DAY + 60 * MIN), opens, "");
        assertThat(gaps)
                .extracting(Gap::range)
                .containsExactly(
                        new TimeRange(DAY, DAY + MIN),
                        new TimeRange(DAY + 10 * MIN, DAY + 13 * MIN),
                        new TimeRange(DAY + 59 * MIN, DAY + 60 * MIN));
        assertThat(gaps.get(1).reason()).startsWith("no kline for 3 open times from ");
    }

    @Test
    void anUnalignedExpectedRangeCountsOnlyOpenTimesInsideIt() {
        // open times inside [00:00:30, 00:03:30) are 00:01, 00:02, 00:03
        TimeRange expected = new TimeRange(DAY + 30_000_000L, DAY + 3 * MIN + 30_000_000L);
        List<Gap> gaps = Coverage.klineGaps(K1M, expected, new long[] {DAY + MIN}, "");
        assertThat(gaps)
                .extracting(Gap::range)
                .containsExactly(new TimeRange(DAY + 2 * MIN, DAY + 4 * MIN));
        assertThat(Coverage.klineGaps(K1M, new TimeRange(DAY + 1, DAY + 2), new long[0], ""))
                .isEmpty();
    }

    @Test
    void calendarMonthsAreCountedByCalendar() {
        CoverageKey monthly = CoverageKey.klines(Symbol.of("BTCUSDT"), Interval.MO1);
        long jan = DAY;
        long feb = Micros.of(LocalDate.of(2024, 2, 1));
        long apr = Micros.of(LocalDate.of(2024, 4, 1));
        long may = Micros.of(LocalDate.of(2024, 5, 1));
        List<Gap> gaps =
                Coverage.klineGaps(monthly, new TimeRange(jan, may), new long[] {jan, apr}, "");
        assertThat(gaps).extracting(Gap::range).containsExactly(new TimeRange(feb, apr));
        assertThat(gaps.get(0).reason()).startsWith("no kline for 2 open times");
    }

    @Test
    void badKlineInputIsRejectedNamingTheProblem() {
        assertThatThrownBy(() -> Coverage.klineCovered(Interval.M1, new long[] {DAY, DAY + 5}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("openTimesUs[1]")
                .hasMessageContaining("not aligned to 1m");
        assertThatThrownBy(() -> Coverage.klineCovered(Interval.M1, new long[] {DAY + MIN, DAY}))
                .hasMessageContaining("openTimesUs[1]: not sorted");
        assertThatThrownBy(
                        () ->
                                Coverage.klineGaps(
                                        AGG, new TimeRange(DAY, DAY + MIN), new long[0], ""))
                .hasMessageContaining("not a klines key");
        assertThat(Coverage.klineCovered(Interval.M1, new long[] {DAY, DAY, DAY + MIN}))
                .containsExactly(new TimeRange(DAY, DAY + 2 * MIN));
    }

    @Test
    void anAggIdJumpIsAGapWithTheIdRangeAndTheTimesAroundIt() {
        long[] ids = {100, 101, 102, 106, 107};
        long[] times = {DAY, DAY + 5, DAY + 9, DAY + 20, DAY + 20};
        List<Gap> gaps = Coverage.idGaps(AGG, ids, times, "q");
        assertThat(gaps).hasSize(1);
        Gap g = gaps.get(0);
        assertThat(g.ids()).isEqualTo(new IdRange(103, 105));
        assertThat(g.range()).isEqualTo(new TimeRange(DAY + 9, DAY + 21));
        assertThat(g.reason()).isEqualTo("3 aggTrade id(s) missing: ids 103..105");
        assertThat(Coverage.idCovered(ids, times))
                .containsExactly(new TimeRange(DAY, DAY + 10), new TimeRange(DAY + 20, DAY + 21));
    }

    @Test
    void repeatedIdsAreNoGapButIdsGoingBackAreRejected() {
        long[] times = {DAY, DAY, DAY + 1};
        assertThat(Coverage.idGaps(AGG, new long[] {5, 5, 6}, times, "")).isEmpty();
        assertThatThrownBy(() -> Coverage.idGaps(AGG, new long[] {5, 7, 6}, times, ""))
                .hasMessageContaining("ids[2]: not sorted (6 after 7)");
        assertThatThrownBy(
                        () ->
                                Coverage.idGaps(
                                        AGG, new long[] {1, 2}, new long[] {DAY + 1, DAY}, ""))
                .hasMessageContaining("timesUs[1]: time goes back");
        assertThatThrownBy(() -> Coverage.idGaps(AGG, new long[] {1}, new long[0], ""))
                .hasMessageContaining("differ in length");
        assertThatThrownBy(() -> Coverage.idGaps(K1M, new long[0], new long[0], ""))
                .hasMessageContaining("no id continuity");
        assertThat(Coverage.idCovered(new long[0], new long[0])).isEmpty();
    }
}
