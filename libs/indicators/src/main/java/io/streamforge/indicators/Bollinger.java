package io.streamforge.indicators;

/**
 * Bollinger bands (TA-Lib BBANDS with an SMA middle band): middle = SMA(period), upper/lower =
 * middle ± k × population standard deviation over the same window. Read the three bands with {@link
 * #upper()}, {@link #middle()}, {@link #lower()} after each {@link #update}.
 */
public final class Bollinger {
    private final StdDev sd;
    private final double k;
    private double upper = Double.NaN;
    private double middle = Double.NaN;
    private double lower = Double.NaN;

    public Bollinger(int period, double k) {
        Periods.check("BBANDS period", period);
        this.k = Periods.checkMultiplier("BBANDS deviations", k);
        this.sd = new StdDev(period, 1.0);
    }

    /** Feeds one value and returns the middle band (NaN until the window is full). */
    public double update(double x) {
        double sigma = sd.update(x);
        middle = sd.mean();
        upper = middle + k * sigma;
        lower = middle - k * sigma;
        return middle;
    }

    public double upper() {
        return upper;
    }

    public double middle() {
        return middle;
    }

    public double lower() {
        return lower;
    }

    public void reset() {
        sd.reset();
        upper = Double.NaN;
        middle = Double.NaN;
        lower = Double.NaN;
    }
}
