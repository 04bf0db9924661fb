package io.streamforge.indicators;

/** Simple moving average over {@code period} values (TA-Lib SMA; NaN until the window is full). */
public final class Sma {
    private final RollingSum window;
    private final int period;

    public Sma(int period) {
        this.period = Periods.check("SMA period", period);
        this.window = new RollingSum(period);
    }

    /** Feeds one value and returns the current average, NaN during the first period-1 values. */
    public double update(double x) {
        return window.add(x) ? window.sum() / period : Double.NaN;
    }

    public void reset() {
        window.reset();
    }
}
