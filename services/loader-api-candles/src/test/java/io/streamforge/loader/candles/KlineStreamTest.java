package io.streamforge.loader.candles;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamforge.binance.dump.DumpFile;
import io.streamforge.binance.dump.DumpGap;
import io.streamforge.binance.dump.DumpKind;
import io.streamforge.binance.dump.DumpResult;
import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.coverage.CoverageKey;
import io.streamforge.domain.coverage.Gap;
import io.streamforge.domain.coverage.GapStatus;
import io.streamforge.domain.coverage.Received;
import io.streamforge.domain.coverage.Source;
import io.streamforge.runtime.SourceLoad;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Continuity, received ranges and dump facts of one symbol's klines (no I/O). */
class KlineStreamTest {
    static final Symbol BTC = Symbol.of("BTCUSDT");
    static final long MIN = 60_000_000L;
    static final long T0 = 1_709_251_200_000_000L; // 2024-03-01T00:00Z

    static KlineStream stream(Interval interval) {
        return new KlineStream(null, null, BTC, interval, "q-1");
    }

    static List<Candle> minutes(long... indexes) {
        List<Candle> out = new ArrayList<>();
        BigDecimal one = BigDecimal.ONE;
        for (long i : indexes) {
            long open = T0 + i * MIN;
            out.add(
                    new Candle(
                            BTC,
                            Interval.M1,
                            open,
                            open + MIN - 1_000,
                            one,
                            one,
                            one,
                            one,
                            one,
                            one,
                            1,
                            one,
                            one));
        }
        return out;
    }

    @Test
    void holesBetweenDeliveredKlinesAreMissingGapsOfWholeIntervals() {
        KlineStream s = stream(Interval.M1);
        s.observe(minutes(0, 1, 2));
        s.observe(minutes(6, 7)); // 3..5 never came
        s.observe(minutes(9)); // 8 never came, nor 10..
        List<Gap> gaps = s.gaps(new TimeRange(T0, T0 + 11 * MIN));
        assertThat(gaps)
                .extracting(Gap::range)
                .containsExactly(
                        new TimeRange(T0 + 3 * MIN, T0 + 6 * MIN),
                        new TimeRange(T0 + 8 * MIN, T0 + 9 * MIN),
                        new TimeRange(T0 + 10 * MIN, T0 + 11 * MIN));
        assertThat(gaps)
                .allSatisfy(
                        g -> {
                            assertThat(g.status()).isEqualTo(GapStatus.MISSING);
                            assertThat(g.key()).isEqualTo(CoverageKey.klines(BTC, Interval.M1));
                            assertThat(g.queueId()).isEqualTo("q-1");
                            assertThat(g.reason()).startsWith("no kline from 2024-03-01T00:");
                        });
    }

    @Test
    void anIntervalOnlyPartlyInsideTheRangeIsNotExpected() {
        KlineStream s = stream(Interval.M1);
        s.observe(minutes(1, 2));
        // the range starts 30 s into minute 0 and ends 30 s into minute 3
        assertThat(s.gaps(new TimeRange(T0 + MIN / 2, T0 + 3 * MIN + MIN / 2)))
                .extracting(Gap::range)
                .containsExactly(new TimeRange(T0 + 3 * MIN, T0 + 4 * MIN));
        assertThat(s.gaps(new TimeRange(T0 + MIN / 4, T0 + MIN / 2)))
                .as("no whole interval inside")
                .isEmpty();
    }

    @Test
    void aPageIsReceivedAsTheIntervalsOfItsCandlesMergedWhereTheyTouch() {
        List<Received> r = stream(Interval.M1).pageCovered(minutes(4, 0, 1, 2), Source.REST);
        assertThat(r)
                .extracting(Received::range)
                .containsExactly(
                        new TimeRange(T0, T0 + 3 * MIN), new TimeRange(T0 + 4 * MIN, T0 + 5 * MIN));
        assertThat(r).extracting(Received::source).containsOnly(Source.REST);
        assertThat(stream(Interval.M1).segmentCovered(new TimeRange(T0, T0 + MIN), Source.DUMP))
                .as("klines are credited per page, not per segment")
                .isEmpty();
    }

    @Test
    void dumpFilesAreClippedToTheRangeAndEachFileGapIsAMissingGapNamingWhy() {
        CoverageKey key = CoverageKey.klines(BTC, Interval.M1);
        DumpFile day1 = DumpFile.daily(DumpKind.KLINES, BTC, Interval.M1, LocalDate.of(2024, 3, 1));
        DumpFile day2 = DumpFile.daily(DumpKind.KLINES, BTC, Interval.M1, LocalDate.of(2024, 3, 2));
        TimeRange range = new TimeRange(T0 + 60 * MIN, day2.range().endUs());
        DumpGap lost = new DumpGap(day2.range(), DumpGap.Reason.NOT_FOUND, "HTTP 404");
        SourceLoad.Dumped d =
                KlineStream.dumped(
                        new DumpResult(List.of(day1), List.of(lost), 1440), range, key, "q-1");
        assertThat(d.covered())
                .containsExactly(new TimeRange(range.startUs(), day1.range().endUs()));
        assertThat(d.missing())
                .singleElement()
                .satisfies(
                        g -> {
                            assertThat(g.range()).isEqualTo(day2.range());
                            assertThat(g.status()).isEqualTo(GapStatus.MISSING);
                            assertThat(g.reason()).isEqualTo("dump NOT_FOUND: HTTP 404");
                        });
    }
}
