package io.streamforge.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamforge.domain.AggTrade;
import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.TransientException;
import io.streamforge.domain.coverage.Coverage;
import io.streamforge.domain.coverage.CoverageKey;
import io.streamforge.domain.coverage.Gap;
import io.streamforge.domain.coverage.GapFiller;
import io.streamforge.domain.coverage.GapStatus;
import io.streamforge.domain.coverage.IdRange;
import io.streamforge.domain.coverage.Received;
import io.streamforge.domain.coverage.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GapFillerTest {
    static final long T = Fixtures.T0_US;
    static final long MIN = 60_000_000L;
    static final CoverageKey K1M = CoverageKey.klines(Fixtures.BTCUSDT, Interval.M1);
    static final CoverageKey AGG = CoverageKey.aggTrades(Fixtures.ETHUSDT);
    static final TimeRange ALL = new TimeRange(T, T + 1440 * MIN);

    final InMemoryCoverageLedger ledger = new InMemoryCoverageLedger();
    final List<Object> sunk = new ArrayList<>();

    static TimeRange mins(long from, long to) {
        return new TimeRange(T + from * MIN, T + to * MIN);
    }

    static Candle candle(long minute) {
        return Fixtures.candle(Fixtures.BTCUSDT, Interval.M1, T + minute * MIN, "7");
    }

    @Test
    void onlyReturnedIntervalsAreFilledTheRestOfTheGapIsExpected() {
        Gap gap = Gap.missing(K1M, mins(10, 13), "no kline for 3 open times", "q");
        ledger.recordGap(gap);
        // the source has minute 10 and 12, and (outside the gap) minute 20
        GapFiller<Candle> filler =
                GapFiller.forCandles(
                        ledger,
                        Source.REST,
                        Interval.M1,
                        r -> List.of(candle(10), candle(12), candle(20)),
                        sunk::addAll);
        GapFiller.Result<Candle> result = filler.fill(List.of(gap));
        assertThat(result.fetched()).hasSize(3);
        assertThat(result.filled())
                .extracting(Gap::range)
                .containsExactly(mins(10, 11), mins(12, 13));
        assertThat(result.expected()).extracting(Gap::range).containsExactly(mins(11, 12));
        assertThat(ledger.gaps(K1M, ALL, Set.of()))
                .extracting(Gap::range, Gap::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(mins(10, 11), GapStatus.FILLED),
                        org.assertj.core.groups.Tuple.tuple(mins(11, 12), GapStatus.EXPECTED),
                        org.assertj.core.groups.Tuple.tuple(mins(12, 13), GapStatus.FILLED));
        assertThat(ledger.received(K1M, ALL))
                .containsExactly(
                        new Received(K1M, mins(10, 11), Source.REST, "q"),
                        new Received(K1M, mins(12, 13), Source.REST, "q"));
        assertThat(ledger.gaps(K1M, ALL, Set.of(GapStatus.FILLED)).get(0).reason())
                .isEqualTo("filled from rest: 3 record(s)");
    }

    @Test
    void anAggTradeGapIsFilledWholeAndKeepsItsIds() {
        List<AggTrade> trades = Fixtures.aggTrades(Fixtures.ETHUSDT, 100, T, 1_000, 10);
        List<AggTrade> withHole = new ArrayList<>(trades.subList(0, 3));
        withHole.addAll(trades.subList(6, 10));
        List<Gap> gaps = Coverage.aggTradeGaps(AGG, withHole, "q");
        assertThat(gaps).hasSize(1);
        ledger.recordGaps(gaps);
        GapFiller<AggTrade> filler =
                new GapFiller<>(ledger, Source.REST, r -> trades.subList(2, 7), sunk::addAll);
        GapFiller.Result<AggTrade> result = filler.fill(gaps);
        Gap filled = ledger.gaps(AGG, ALL, Set.of()).get(0);
        assertThat(filled.status()).isEqualTo(GapStatus.FILLED);
        assertThat(filled.ids())
                .isEqualTo(new IdRange(trades.get(3).aggId(), trades.get(5).aggId()));
        assertThat(result.fetched()).isEqualTo(trades.subList(2, 7)).isEqualTo(sunk);
    }

    @Test
    void aFailedFetchLeavesItsGapMissingAndTheOthersGoOn() {
        Gap first = Gap.missing(K1M, mins(1, 2), "a", "q");
        Gap second = Gap.missing(K1M, mins(5, 6), "b", "q");
        ledger.recordGaps(List.of(first, second));
        GapFiller<Candle> filler =
                GapFiller.forCandles(
                        ledger,
                        Source.REST,
                        Interval.M1,
                        r -> {
                            if (r.equals(first.range())) {
                                throw new TransientException("HTTP 503 from /api/v3/klines", null);
                            }
                            return List.of(candle(5));
                        },
                        sunk::addAll);
        GapFiller.Result<Candle> result = filler.fill(List.of(first, second));
        assertThat(result.failed()).hasSize(1);
        assertThat(result.failed().get(0).gap()).isEqualTo(first);
        assertThat(result.failed().get(0).message()).contains("HTTP 503");
        assertThat(ledger.gaps(K1M, ALL, Set.of(GapStatus.MISSING))).containsExactly(first);
        assertThat(ledger.gaps(K1M, ALL, Set.of(GapStatus.FILLED)))
                .extracting(Gap::range)
                .containsExactly(mins(5, 6));
        assertThat(sunk).containsExactly(candle(5));
    }

    @Test
    void whenTheSinkFailsTheLedgerIsNotTouched() {
        Gap gap = Gap.missing(K1M, mins(1, 2), "a", "q");
        ledger.recordGap(gap);
        GapFiller<Candle> filler =
                GapFiller.forCandles(
                        ledger,
                        Source.REST,
                        Interval.M1,
                        r -> List.of(candle(1)),
                        records -> {
                            throw new IllegalStateException("store down");
                        });
        assertThatThrownBy(() -> filler.fill(List.of(gap))).hasMessage("store down");
        assertThat(ledger.gaps(K1M, ALL, Set.of())).containsExactly(gap);
        assertThat(ledger.received(K1M, ALL)).isEmpty();
    }

    @Test
    void gapsThatAreNotMissingAreNotFetched() {
        Gap expected = new Gap(K1M, mins(1, 2), GapStatus.EXPECTED, "maintenance", null, "q");
        Gap filled = new Gap(K1M, mins(3, 4), GapStatus.FILLED, "done", null, "q");
        List<TimeRange> asked = new ArrayList<>();
        GapFiller<Candle> filler =
                GapFiller.forCandles(
                        ledger,
                        Source.REST,
                        Interval.M1,
                        r -> {
                            asked.add(r);
                            return List.of();
                        },
                        sunk::addAll);
        GapFiller.Result<Candle> result = filler.fill(List.of(expected, filled));
        assertThat(asked).isEmpty();
        assertThat(result.filled()).isEmpty();
        assertThat(result.expected()).isEmpty();
    }
}
