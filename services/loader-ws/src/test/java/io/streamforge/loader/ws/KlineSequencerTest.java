package io.streamforge.loader.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamforge.binance.ws.KlineUpdate;
import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import io.streamforge.domain.MarketRecord;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Closed klines of one stream exactly once, skipped candles and drops backfilled from REST, and the
 * candles REST does not have reported as gaps (no network: the exchange is a list).
 */
class KlineSequencerTest {
    private static final Symbol BTC = Symbol.of("BTCUSDT");
    private static final Interval M1 = Interval.of("1m");
    private static final long MIN_US = 60_000_000L;

    private final List<Candle> published = new ArrayList<>();
    private final List<Boolean> backfilled = new ArrayList<>();
    private final List<Sink.Gap> gaps = new ArrayList<>();
    private final List<Candle> exchange = new ArrayList<>();
    private final List<TimeRange> fetched = new ArrayList<>();
    private RuntimeException failWith;

    private final KlineSequencer seq =
            new KlineSequencer(
                    "btcusdt@kline_1m",
                    BTC,
                    M1,
                    range -> {
                        fetched.add(range);
                        if (failWith != null) {
                            throw failWith;
                        }
                        return exchange.stream()
                                .filter(c -> range.contains(c.openTimeUs()))
                                .toList();
                    },
                    new Sink() {
                        @Override
                        public void publish(MarketRecord record, boolean wasBackfilled) {
                            published.add((Candle) record);
                            backfilled.add(wasBackfilled);
                        }

                        @Override
                        public void gap(Gap gap) {
                            gaps.add(gap);
                        }
                    });

    private static Candle candle(long minute) {
        BigDecimal p = BigDecimal.valueOf(100 + minute);
        long open = minute * MIN_US;
        return new Candle(
                BTC,
                M1,
                open,
                M1.closeTimeOf(open),
                p,
                p,
                p,
                p,
                BigDecimal.ONE,
                p,
                1,
                BigDecimal.ZERO,
                BigDecimal.ZERO);
    }

    private static KlineUpdate closed(long minute) {
        return new KlineUpdate(candle(minute), true, (minute + 1) * MIN_US);
    }

    private List<Long> minutes() {
        return published.stream().map(c -> c.openTimeUs() / MIN_US).toList();
    }

    @Test
    void openUpdatesAreIgnoredAndClosedOnesPublishedOnceInOrder() {
        seq.live(new KlineUpdate(candle(1), false, MIN_US + 5));
        seq.live(closed(1));
        seq.live(closed(1)); // a replay after a reconnect
        seq.live(closed(2));
        seq.live(closed(0)); // older than the watermark
        assertThat(minutes()).containsExactly(1L, 2L);
        assertThat(backfilled).containsOnly(false);
        assertThat(seq.duplicates()).isEqualTo(2);
        assertThat(fetched).isEmpty();
        assertThat(gaps).isEmpty();
    }

    @Test
    void aSkippedCandleIsBackfilledFromRestBeforeTheLiveOne() {
        exchange.add(candle(2));
        exchange.add(candle(3));
        seq.live(closed(1));
        seq.live(closed(4));
        assertThat(minutes()).containsExactly(1L, 2L, 3L, 4L);
        assertThat(backfilled).containsExactly(false, true, true, false);
        assertThat(fetched).containsExactly(new TimeRange(2 * MIN_US, 4 * MIN_US));
        assertThat(gaps).isEmpty();
    }

    @Test
    void candlesRestDoesNotHaveAreReportedAsAMissingGap() {
        exchange.add(candle(2)); // minute 3 never existed (maintenance)
        seq.live(closed(1));
        seq.live(closed(4));
        assertThat(minutes()).containsExactly(1L, 2L, 4L);
        assertThat(gaps)
                .singleElement()
                .satisfies(
                        g -> {
                            assertThat(g.stream()).isEqualTo("btcusdt@kline_1m");
                            assertThat(g.symbol()).isEqualTo("BTCUSDT");
                            assertThat(g.fromUs()).isEqualTo(3 * MIN_US);
                            assertThat(g.toUs()).isEqualTo(4 * MIN_US);
                            assertThat(g.reason())
                                    .isEqualTo(
                                            "missing: exchange returned no candles (maintenance?)");
                        });
    }

    @Test
    void aFailedBackfillIsReportedWithItsCauseAndLiveDataGoesOn() {
        failWith = new IllegalStateException("HTTP 503");
        seq.live(closed(1));
        seq.live(closed(5));
        assertThat(minutes()).containsExactly(1L, 5L);
        assertThat(gaps)
                .singleElement()
                .satisfies(
                        g -> {
                            assertThat(g.fromUs()).isEqualTo(2 * MIN_US);
                            assertThat(g.toUs()).isEqualTo(5 * MIN_US);
                            assertThat(g.reason()).isEqualTo("missing: backfill failed: HTTP 503");
                        });
    }

    @Test
    void afterADropTheClosedCandlesUpToNowAreFetchedWithoutAGapReport() {
        seq.dropped(10 * MIN_US); // nothing seen yet: nothing to fill from
        assertThat(fetched).isEmpty();
        seq.live(closed(1));
        exchange.add(candle(2));
        exchange.add(candle(3));
        exchange.add(candle(4)); // still open at "now" (4.5 min): not fetched
        seq.dropped(4 * MIN_US + MIN_US / 2);
        assertThat(fetched).containsExactly(new TimeRange(2 * MIN_US, 4 * MIN_US));
        assertThat(minutes()).containsExactly(1L, 2L, 3L);
        assertThat(gaps).isEmpty();
        seq.live(closed(3)); // the live stream resends what the backfill already published
        seq.live(closed(4));
        assertThat(minutes()).containsExactly(1L, 2L, 3L, 4L);
        assertThat(seq.duplicates()).isEqualTo(1);
        seq.dropped(5 * MIN_US); // right after the watermark: nothing closed is missing
        assertThat(fetched).hasSize(1);
    }
}
