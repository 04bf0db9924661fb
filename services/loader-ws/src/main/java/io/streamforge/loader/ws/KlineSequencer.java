package io.streamforge.loader.ws;

import io.streamforge.binance.ws.KlineUpdate;
import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closed klines ({@code x=true}) of one stream, exactly once by open time; a skipped candle or a
 * reported drop is backfilled from REST klines (closed candles only); candles REST does not have
 * (maintenance: no trades, no candle) are reported as a gap. Open (unclosed) updates are ignored.
 */
final class KlineSequencer {
    private static final Logger LOG = LoggerFactory.getLogger(KlineSequencer.class);

    /** REST klines with open times in the range, ascending. */
    @FunctionalInterface
    interface Fetcher {
        List<Candle> klines(TimeRange range);
    }

    private final String stream;
    private final Symbol symbol;
    private final Interval interval;
    private final Fetcher fetcher;
    private final Sink sink;
    private long lastOpenUs = -1;
    private long duplicates;

    KlineSequencer(String stream, Symbol symbol, Interval interval, Fetcher fetcher, Sink sink) {
        this.stream = stream;
        this.symbol = symbol;
        this.interval = interval;
        this.fetcher = fetcher;
        this.sink = sink;
    }

    long duplicates() {
        return duplicates;
    }

    void live(KlineUpdate k) {
        if (!k.closed()) {
            return;
        }
        Candle c = k.candle();
        if (c.openTimeUs() <= lastOpenUs) {
            duplicates++;
            return;
        }
        if (lastOpenUs >= 0 && c.openTimeUs() > interval.nextOpenTime(lastOpenUs)) {
            fill(c.openTimeUs(), true);
        }
        if (c.openTimeUs() > lastOpenUs) {
            publish(c, false);
        } else {
            duplicates++;
        }
    }

    /** After a drop: closed candles from the watermark to the one containing {@code nowUs}. */
    void dropped(long nowUs) {
        if (lastOpenUs < 0) {
            return;
        }
        long end = interval.openTimeOf(nowUs);
        if (end > interval.nextOpenTime(lastOpenUs)) {
            fill(end, false);
        }
    }

    private void fill(long endUs, boolean reportMissing) {
        long from = interval.nextOpenTime(lastOpenUs);
        String failure = null;
        try {
            for (Candle c : fetcher.klines(new TimeRange(from, endUs))) {
                if (c.openTimeUs() > lastOpenUs && c.openTimeUs() < endUs) {
                    publish(c, true);
                }
            }
        } catch (RuntimeException e) {
            failure = e.getMessage();
            LOG.warn("{}: kline backfill failed: {}", stream, e.toString());
        }
        if (reportMissing && interval.nextOpenTime(lastOpenUs) < endUs) {
            sink.gap(
                    new Sink.Gap(
                            stream,
                            symbol.value(),
                            -1,
                            -1,
                            interval.nextOpenTime(lastOpenUs),
                            endUs,
                            failure != null
                                    ? "missing: backfill failed: " + failure
                                    : "missing: exchange returned no candles (maintenance?)"));
        }
    }

    private void publish(Candle c, boolean backfilled) {
        sink.publish(c, backfilled);
        lastOpenUs = c.openTimeUs();
    }
}
