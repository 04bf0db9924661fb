package io.streamforge.indicators;

/**
 * Average true range, Wilder smoothing, as TA-Lib: the first output, at index {@code period}, is
 * the plain average of the true ranges at indices 1..period; afterwards {@code atr = (atr * (period
 * - 1) + tr) / period}. {@link #natr()} is {@code 100 * atr / close} (TA-Lib NATR; 0 for close 0).
 */
public final class Atr {
    private final int period;
    private final TrueRange trueRange = new TrueRange();
    private long count;
    private double atr;
    private double natr = Double.NaN;

    public Atr(int period) {
        this.period = Periods.check("ATR period", period);
    }

    /** Feeds one candle and returns the ATR (NaN during the first {@code period} candles). */
    public double update(double high, double low, double close) {
        double tr = trueRange.update(high, low, close);
        long n = count++;
        if (n == 0) {
            return Double.NaN;
        }
        if (n < period) {
            atr += tr;
            return Double.NaN;
        }
        if (n == period) {
            atr = (atr + tr) / period;
        } else {
            atr = (atr * (period - 1) + tr) / period;
        }
        natr = close == 0.0 ? 0.0 : (atr / close) * 100.0;
        return atr;
    }

    /** NATR of the last update (NaN before the first ATR). */
    public double natr() {
        return natr;
    }

    public void reset() {
        trueRange.reset();
        count = 0;
        atr = 0.0;
        natr = Double.NaN;
    }
}
