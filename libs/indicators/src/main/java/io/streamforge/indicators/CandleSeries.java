package io.streamforge.indicators;

import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import java.util.List;

/**
 * Columnar candles for fast indicator computation: open times (µs) and doubles for open, high, low,
 * close, volume and quote volume. The arrays are shared, not copied: treat them as read-only.
 */
public final class CandleSeries {
    private final long[] openTimeUs;
    private final double[] open;
    private final double[] high;
    private final double[] low;
    private final double[] close;
    private final double[] volume;
    private final double[] quoteVolume;

    private CandleSeries(
            long[] openTimeUs,
            double[] open,
            double[] high,
            double[] low,
            double[] close,
            double[] volume,
            double[] quoteVolume) {
        Periods.sameLength(
                "candle series", openTimeUs.length, open, high, low, close, volume, quoteVolume);
        for (int i = 1; i < openTimeUs.length; i++) {
            if (openTimeUs[i] <= openTimeUs[i - 1]) {
                throw new IllegalArgumentException(
                        "candle series not strictly increasing in open time at index "
                                + i
                                + " ("
                                + openTimeUs[i - 1]
                                + " then "
                                + openTimeUs[i]
                                + ")");
            }
        }
        this.openTimeUs = openTimeUs;
        this.open = open;
        this.high = high;
        this.low = low;
        this.close = close;
        this.volume = volume;
        this.quoteVolume = quoteVolume;
    }

    /** Columnar view of candles of one symbol and interval, sorted by open time. */
    public static CandleSeries of(List<Candle> candles) {
        int n = candles.size();
        long[] t = new long[n];
        double[] o = new double[n];
        double[] h = new double[n];
        double[] l = new double[n];
        double[] c = new double[n];
        double[] v = new double[n];
        double[] q = new double[n];
        Symbol symbol = n == 0 ? null : candles.get(0).symbol();
        Interval interval = n == 0 ? null : candles.get(0).interval();
        for (int i = 0; i < n; i++) {
            Candle k = candles.get(i);
            if (!k.symbol().equals(symbol) || k.interval() != interval) {
                throw new IllegalArgumentException(
                        "mixed candles at index "
                                + i
                                + ": "
                                + k.symbol()
                                + " "
                                + k.interval().code()
                                + " after "
                                + symbol
                                + " "
                                + interval.code());
            }
            t[i] = k.openTimeUs();
            o[i] = k.open().doubleValue();
            h[i] = k.high().doubleValue();
            l[i] = k.low().doubleValue();
            c[i] = k.close().doubleValue();
            v[i] = k.volume().doubleValue();
            q[i] = k.quoteVolume().doubleValue();
        }
        return new CandleSeries(t, o, h, l, c, v, q);
    }

    /** From raw columns; all arrays must have the same length, times strictly increasing. */
    public static CandleSeries of(
            long[] openTimeUs,
            double[] open,
            double[] high,
            double[] low,
            double[] close,
            double[] volume,
            double[] quoteVolume) {
        return new CandleSeries(openTimeUs, open, high, low, close, volume, quoteVolume);
    }

    /**
     * From columns without a quote volume (e.g. reference data sets): the quote volume is
     * approximated by the typical price {@code (high + low + close) / 3} times the volume.
     */
    public static CandleSeries withTypicalPriceQuote(
            long[] openTimeUs,
            double[] open,
            double[] high,
            double[] low,
            double[] close,
            double[] volume) {
        Periods.sameLength("candle series", openTimeUs.length, open, high, low, close, volume);
        double[] q = new double[close.length];
        for (int i = 0; i < q.length; i++) {
            q[i] = (high[i] + low[i] + close[i]) / 3.0 * volume[i];
        }
        return new CandleSeries(openTimeUs, open, high, low, close, volume, q);
    }

    public int size() {
        return openTimeUs.length;
    }

    public long[] openTimeUs() {
        return openTimeUs;
    }

    public double[] open() {
        return open;
    }

    public double[] high() {
        return high;
    }

    public double[] low() {
        return low;
    }

    public double[] close() {
        return close;
    }

    public double[] volume() {
        return volume;
    }

    public double[] quoteVolume() {
        return quoteVolume;
    }
}
