package io.streamforge.binance.dump;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamforge.domain.Micros;
import io.streamforge.domain.TimeRange;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class DumpPlanTest {
    private static long at(String instant) {
        return Micros.of(Instant.parse(instant));
    }

    @Test
    void wholeMonthsMonthlyRestDailyNoTailForOldRanges() {
        DumpPlan p =
                DumpPlan.forRange(
                        TimeRange.parseDays("2024-01-01:2024-03-15"), at("2024-06-01T00:00:00Z"));
        assertThat(p.months()).containsExactly(YearMonth.of(2024, 1), YearMonth.of(2024, 2));
        assertThat(p.days())
                .hasSize(15)
                .startsWith(LocalDate.of(2024, 3, 1))
                .endsWith(LocalDate.of(2024, 3, 15));
        assertThat(p.restTail()).isEmpty();
    }

    @Test
    void partialFirstMonthIsDailyAndTheTailAfterNowMinusTwoDaysGoesToRest() {
        TimeRange r = new TimeRange(at("2024-02-27T12:00:00Z"), at("2024-03-10T06:00:00Z"));
        DumpPlan p = DumpPlan.forRange(r, at("2024-03-10T05:00:00Z"));
        assertThat(p.lastReliableDay()).isEqualTo(LocalDate.of(2024, 3, 8));
        assertThat(p.months()).isEmpty();
        assertThat(p.days()).first().isEqualTo(LocalDate.of(2024, 2, 27));
        assertThat(p.days()).last().isEqualTo(LocalDate.of(2024, 3, 8));
        assertThat(p.days()).hasSize(3 + 8); // Feb 27..29 (leap year) + Mar 1..8
        assertThat(p.restTail())
                .contains(new TimeRange(at("2024-03-09T00:00:00Z"), at("2024-03-10T06:00:00Z")));
    }

    @Test
    void aMonthBeforeItsFirstMondayIsReadFromDailyFiles() {
        // March 2024 starts on a Friday: the February file is published Monday 4 March
        assertThat(DumpPlan.monthlyPublishedBy(YearMonth.of(2024, 2)))
                .isEqualTo(LocalDate.of(2024, 3, 4));
        TimeRange feb = TimeRange.parseDays("2024-02-01:2024-02-29");
        DumpPlan early = DumpPlan.forRange(feb, at("2024-03-05T00:00:00Z"));
        assertThat(early.months()).isEmpty();
        assertThat(early.days()).hasSize(29);
        DumpPlan later = DumpPlan.forRange(feb, at("2024-03-06T00:00:00Z"));
        assertThat(later.months()).containsExactly(YearMonth.of(2024, 2));
        assertThat(later.days()).isEmpty();
    }

    @Test
    void aRangeEntirelyAfterTheLastReliableDayIsAllRest() {
        TimeRange r = new TimeRange(at("2024-03-09T10:00:00Z"), at("2024-03-10T01:00:00Z"));
        DumpPlan p = DumpPlan.forRange(r, at("2024-03-10T02:00:00Z"));
        assertThat(p.isEmpty()).isTrue();
        assertThat(p.restTail()).contains(r);
    }

    @Test
    void fileNamesAndPathsFollowTheVisionLayout() {
        var sym = io.streamforge.domain.Symbol.of("btcusdt");
        DumpFile k =
                DumpFile.monthly(
                        DumpKind.KLINES,
                        sym,
                        io.streamforge.domain.Interval.MO1,
                        YearMonth.of(2024, 1));
        assertThat(k.relativePath())
                .isEqualTo("data/spot/monthly/klines/BTCUSDT/1mo/BTCUSDT-1mo-2024-01.zip");
        DumpFile a = DumpFile.daily(DumpKind.AGG_TRADES, sym, null, LocalDate.of(2024, 1, 15));
        assertThat(a.checksumPath())
                .isEqualTo(
                        "data/spot/daily/aggTrades/BTCUSDT/BTCUSDT-aggTrades-2024-01-15.zip.CHECKSUM");
        assertThat(DumpFile.daily(DumpKind.TRADES, sym, null, LocalDate.of(2024, 1, 15)).fileName())
                .isEqualTo("BTCUSDT-trades-2024-01-15.zip");
    }
}
