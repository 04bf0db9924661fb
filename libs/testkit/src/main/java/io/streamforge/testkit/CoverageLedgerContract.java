package io.streamforge.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.coverage.Coverage;
import io.streamforge.domain.coverage.CoverageKey;
import io.streamforge.domain.coverage.DataStream;
import io.streamforge.domain.coverage.Gap;
import io.streamforge.domain.coverage.GapFiller;
import io.streamforge.domain.coverage.GapStatus;
import io.streamforge.domain.coverage.IdRange;
import io.streamforge.domain.coverage.KeyCoverage;
import io.streamforge.domain.coverage.Received;
import io.streamforge.domain.coverage.Source;
import io.streamforge.domain.coverage.SourcedRange;
import io.streamforge.domain.port.CoverageLedger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Behaviour every {@link CoverageLedger} must show. Subclass it and return a new, empty ledger from
 * {@link #newLedger()} (called before each test).
 */
public abstract class CoverageLedgerContract {
    protected static final long T = Fixtures.T0_US;
    protected static final long MIN = 60_000_000L;
    protected static final CoverageKey K1M = CoverageKey.klines(Fixtures.BTCUSDT, Interval.M1);
    protected static final CoverageKey K5M = CoverageKey.klines(Fixtures.BTCUSDT, Interval.M5);
    protected static final CoverageKey ETH_AGG = CoverageKey.aggTrades(Fixtures.ETHUSDT);
    protected static final CoverageKey BTC_AGG = CoverageKey.aggTrades(Fixtures.BTCUSDT);
    protected static final TimeRange DAY = new TimeRange(T, T + 1440 * MIN);

    protected CoverageLedger ledger;

    /** A ledger with no entries. */
    protected abstract CoverageLedger newLedger();

    @BeforeEach
    void freshLedger() {
        ledger = newLedger();
    }

    protected static TimeRange mins(long from, long to) {
        return new TimeRange(T + from * MIN, T + to * MIN);
    }

    protected static Received rec(CoverageKey k, long from, long to, Source s, String queue) {
        return new Received(k, mins(from, to), s, queue);
    }

    @Test
    void overlappingAndAdjacentRangesOfOneSourceAndQueueMerge() {
        ledger.record(
                List.of(rec(K1M, 0, 10, Source.REST, "q1"), rec(K1M, 10, 20, Source.REST, "q1")));
        ledger.record(rec(K1M, 5, 25, Source.REST, "q1"));
        ledger.record(rec(K1M, 40, 50, Source.REST, "q1"));
        assertThat(ledger.received(K1M, DAY))
                .containsExactly(
                        rec(K1M, 0, 25, Source.REST, "q1"), rec(K1M, 40, 50, Source.REST, "q1"));
    }

    @Test
    void recordingTheSameRangeTwiceChangesNothing() {
        Gap gap = Gap.missing(K1M, mins(30, 31), "no kline", "q1");
        ledger.record(rec(K1M, 0, 30, Source.DUMP, "q1"));
        ledger.recordGap(gap);
        List<Received> before = ledger.received(K1M, DAY);
        List<Gap> gapsBefore = ledger.gaps(K1M, DAY, Set.of());
        ledger.record(
                List.of(rec(K1M, 0, 30, Source.DUMP, "q1"), rec(K1M, 3, 7, Source.DUMP, "q1")));
        ledger.recordGaps(List.of(gap, gap));
        assertThat(ledger.received(K1M, DAY)).isEqualTo(before).hasSize(1);
        assertThat(ledger.gaps(K1M, DAY, Set.of())).isEqualTo(gapsBefore).containsExactly(gap);
        assertThat(ledger.keys()).containsExactly(K1M);
    }

    @Test
    void sourcesQueuesAndKeysAreKeptApart() {
        ledger.record(
                List.of(
                        rec(K1M, 0, 10, Source.REST, "q1"),
                        rec(K1M, 5, 15, Source.DUMP, "q1"),
                        rec(K1M, 10, 20, Source.REST, "q2"),
                        rec(ETH_AGG, 0, 1, Source.WS, ""),
                        rec(BTC_AGG, 0, 1, Source.REST, "q1"),
                        rec(K5M, 0, 60, Source.WS, "q1")));
        assertThat(ledger.received(K1M, DAY))
                .containsExactly(
                        rec(K1M, 0, 10, Source.REST, "q1"),
                        rec(K1M, 5, 15, Source.DUMP, "q1"),
                        rec(K1M, 10, 20, Source.REST, "q2"));
        assertThat(ledger.received(K5M, DAY)).containsExactly(rec(K5M, 0, 60, Source.WS, "q1"));
        assertThat(ledger.keys()).containsExactly(K1M, K5M, BTC_AGG, ETH_AGG);
        assertThat(ledger.receivedOfQueue("q1"))
                .containsExactly(
                        rec(K1M, 0, 10, Source.REST, "q1"),
                        rec(K1M, 5, 15, Source.DUMP, "q1"),
                        rec(K5M, 0, 60, Source.WS, "q1"),
                        rec(BTC_AGG, 0, 1, Source.REST, "q1"));
        assertThat(ledger.receivedOfQueue("q2"))
                .containsExactly(rec(K1M, 10, 20, Source.REST, "q2"));
        assertThat(ledger.receivedOfQueue("")).containsExactly(rec(ETH_AGG, 0, 1, Source.WS, ""));
    }

    @Test
    void readsAreHalfOpenOverlaps() {
        ledger.record(rec(K1M, 10, 20, Source.REST, "q"));
        ledger.recordGap(Gap.missing(K1M, mins(20, 21), "x", "q"));
        assertThat(ledger.received(K1M, mins(20, 30))).isEmpty();
        assertThat(ledger.received(K1M, mins(0, 10))).isEmpty();
        assertThat(ledger.received(K1M, new TimeRange(T + 20 * MIN - 1, T + 20 * MIN))).hasSize(1);
        assertThat(ledger.gaps(K1M, mins(10, 20), Set.of())).isEmpty();
        assertThat(ledger.gaps(K1M, mins(20, 21), Set.of())).hasSize(1);
    }

    @Test
    void theReportCreditsDumpOverRestWhateverTheOrder() {
        ledger.record(rec(K1M, 0, 30, Source.REST, "q1"));
        ledger.record(rec(K1M, 10, 20, Source.DUMP, "q2"));
        ledger.record(rec(K1M, 0, 40, Source.WS, "q3"));
        KeyCoverage view = ledger.report(DAY).get(0);
        assertThat(view.credited())
                .containsExactly(
                        new SourcedRange(mins(0, 10), Source.REST),
                        new SourcedRange(mins(10, 20), Source.DUMP),
                        new SourcedRange(mins(20, 30), Source.REST),
                        new SourcedRange(mins(30, 40), Source.WS));
        assertThat(view.covered()).containsExactly(mins(0, 40));
        assertThat(ledger.reportOfQueue("q2").get(0).credited())
                .containsExactly(new SourcedRange(mins(10, 20), Source.DUMP));
    }

    @Test
    void aLaterGapStateReplacesTheOverlappedPartOnly() {
        ledger.recordGap(Gap.missing(K1M, mins(0, 10), "no kline for 10 open times", "q1"));
        ledger.recordGap(Gap.missing(K5M, mins(0, 10), "other key", "q1"));
        ledger.recordGap(new Gap(K1M, mins(4, 6), GapStatus.EXPECTED, "maintenance", null, "q2"));
        assertThat(ledger.gaps(K1M, DAY, Set.of()))
                .containsExactly(
                        Gap.missing(K1M, mins(0, 4), "no kline for 10 open times", "q1"),
                        new Gap(K1M, mins(4, 6), GapStatus.EXPECTED, "maintenance", null, "q2"),
                        Gap.missing(K1M, mins(6, 10), "no kline for 10 open times", "q1"));
        assertThat(
                        ledger.gaps(
                                Fixtures.BTCUSDT,
                                DataStream.KLINES,
                                Interval.M1,
                                DAY,
                                GapStatus.MISSING))
                .extracting(Gap::range)
                .containsExactly(mins(0, 4), mins(6, 10));
        assertThat(ledger.gapsOfQueue("q2"))
                .extracting(Gap::status)
                .containsExactly(GapStatus.EXPECTED);
        assertThat(ledger.gaps(K5M, DAY, Set.of(GapStatus.FILLED))).isEmpty();
    }

    @Test
    void gapIdsAndReasonsRoundTrip() {
        Gap g =
                new Gap(
                        ETH_AGG,
                        new TimeRange(T + 17, T + 2_000_001),
                        GapStatus.MISSING,
                        "3 aggTrade id(s) missing: ids 103..105 — ünïcode ok",
                        new IdRange(103, 105),
                        "loader-ethusdt-api-2024-01-01-abc123");
        ledger.recordGap(g);
        assertThat(ledger.gaps(ETH_AGG, DAY, Set.of(GapStatus.MISSING))).containsExactly(g);
        assertThat(ledger.gapsOfQueue("loader-ethusdt-api-2024-01-01-abc123")).containsExactly(g);
    }

    @Test
    void aNullEntryRejectsTheWholeBatch() {
        List<Received> bad = Arrays.asList(rec(K1M, 0, 1, Source.REST, "q"), null);
        assertThatThrownBy(() -> ledger.record(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("received[1]");
        List<Gap> badGaps = Arrays.asList(Gap.missing(K1M, mins(0, 1), "x", "q"), null);
        assertThatThrownBy(() -> ledger.recordGaps(badGaps))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gaps[1]");
        assertThat(ledger.keys()).isEmpty();
    }

    @Test
    void aThousandAdjacentMinutesInOneBatchBecomeOneRange() {
        List<Received> batch = new ArrayList<>();
        for (int i = 999; i >= 0; i--) {
            batch.add(rec(K1M, i, i + 1, Source.WS, "q"));
        }
        ledger.record(batch);
        assertThat(ledger.received(K1M, DAY)).containsExactly(rec(K1M, 0, 1000, Source.WS, "q"));
    }

    @Test
    void gapFillerFillsAPlantedMinuteAndMarksAMaintenanceWindowExpected() {
        long[] opens = new long[60];
        int n = 0;
        for (int i = 0; i < 60; i++) {
            boolean planted = i == 7;
            boolean maintenance = i >= 30 && i < 45;
            if (!planted && !maintenance) {
                opens[n++] = T + i * MIN;
            }
        }
        long[] received = Arrays.copyOf(opens, n);
        ledger.record(rec(K1M, 0, 60, Source.WS, "q1"));
        ledger.recordGaps(Coverage.klineGaps(K1M, mins(0, 60), received, "q1"));
        List<Candle> stored = new ArrayList<>();
        GapFiller<Candle> filler =
                GapFiller.forCandles(
                        ledger,
                        Source.REST,
                        Interval.M1,
                        r ->
                                r.equals(mins(7, 8))
                                        ? List.of(
                                                Fixtures.candle(
                                                        Fixtures.BTCUSDT,
                                                        Interval.M1,
                                                        r.startUs(),
                                                        "5"))
                                        : List.of(),
                        stored::addAll);
        GapFiller.Result<Candle> result =
                filler.fill(ledger.gaps(K1M, DAY, Set.of(GapStatus.MISSING)));
        assertThat(result.fetched()).hasSize(1).isEqualTo(stored);
        assertThat(ledger.gaps(K1M, DAY, Set.of()))
                .extracting(Gap::range, Gap::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(mins(7, 8), GapStatus.FILLED),
                        org.assertj.core.groups.Tuple.tuple(mins(30, 45), GapStatus.EXPECTED));
        assertThat(ledger.received(K1M, DAY)).contains(rec(K1M, 7, 8, Source.REST, "q1"));
        GapFiller.Result<Candle> again =
                filler.fill(ledger.gaps(K1M, DAY, Set.of(GapStatus.MISSING)));
        assertThat(again.fetched()).isEmpty();
        assertThat(again.filled()).isEmpty();
        assertThat(stored).hasSize(1);
    }
}
