package io.streamforge.indicators;

import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import java.util.function.Consumer;

/**
 * Aggregates time-ordered candles of one symbol and interval into a higher interval exactly (e.g.
 * 1h → 1M): open of the first, close of the last, max high, min low, sums of volumes, quote
 * volumes, trade counts and taker volumes. Zero-trade filler candles never move prices. The target
 * must be a whole multiple of the source, aligned to it (1m → 1w or 1h → 1M are fine, 3d → 1M is
 * not).
 */
public final class CandleResampler {
    private static final long DAY_US = 86_400_000_000L;
    private static final long WEEK_OFFSET_US = 4 * DAY_US;
    private final Interval target;
    private final Buckets buckets;
    private Symbol symbol;
    private Interval source;
    private long lastOpenTimeUs = Long.MIN_VALUE;

    public CandleResampler(Interval target, GapPolicy policy, Consumer<Candle> sink) {
        this.target = target;
        this.buckets = new Buckets(target, policy, sink);
    }

    public void accept(Candle c) {
        if (symbol == null) {
            checkMultiple(c.interval(), target);
            symbol = c.symbol();
            source = c.interval();
        } else if (!symbol.equals(c.symbol()) || source != c.interval()) {
            throw new IllegalArgumentException(
                    "mixed candles: "
                            + c.symbol()
                            + " "
                            + c.interval().code()
                            + " at "
                            + c.openTimeUs()
                            + " µs, expected "
                            + symbol
                            + " "
                            + source.code());
        }
        if (c.openTimeUs() <= lastOpenTimeUs) {
            throw new IllegalArgumentException(
                    "unsorted input: candle at "
                            + c.openTimeUs()
                            + " µs not after "
                            + lastOpenTimeUs
                            + " µs");
        }
        lastOpenTimeUs = c.openTimeUs();
        buckets.at(symbol, c.openTimeUs()).addCandle(c);
    }

    /** Emits the candle in progress. */
    public void flush() {
        buckets.flush();
    }

    /**
     * Throws unless every {@code target} interval is a whole number of aligned {@code source} ones.
     */
    public static void checkMultiple(Interval source, Interval target) {
        boolean ok;
        if (source.isCalendar()) {
            ok = target.isCalendar();
        } else if (target.isCalendar()) {
            ok = DAY_US % source.fixedUs() == 0;
        } else {
            long offset = target == Interval.W1 ? WEEK_OFFSET_US : 0L;
            ok = target.fixedUs() % source.fixedUs() == 0 && offset % source.fixedUs() == 0;
        }
        if (!ok) {
            throw new IllegalArgumentException(
                    "target interval "
                            + target.code()
                            + " is not a multiple of source interval "
                            + source.code());
        }
    }
}
