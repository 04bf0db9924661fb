package io.streamforge.indicators;

/**
 * Rolling volume-weighted average price over the last {@code period} candles: {@code Σ quoteVolume
 * / Σ volume}. With Binance candles the quote volume is the exact Σ price × qty of the trades, so
 * this is the true trade VWAP, not a typical-price approximation. NaN while the window is filling
 * and when the window traded nothing.
 */
public final class Vwap {
    private final RollingSum quote;
    private final RollingSum base;

    public Vwap(int period) {
        Periods.check("VWAP period", period);
        this.quote = new RollingSum(period);
        this.base = new RollingSum(period);
    }

    public double update(double quoteVolume, double volume) {
        boolean full = quote.add(quoteVolume);
        base.add(volume);
        double v = base.sum();
        return full && v != 0.0 ? quote.sum() / v : Double.NaN;
    }

    public void reset() {
        quote.reset();
        base.reset();
    }
}
