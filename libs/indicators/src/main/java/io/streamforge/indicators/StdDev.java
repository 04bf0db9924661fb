package io.streamforge.indicators;

/**
 * Population standard deviation over {@code period} values (TA-Lib STDDEV), times {@code nbDev}.
 * Sums are kept around a shift (the window mean at the last resync, every period updates), which
 * avoids the catastrophic cancellation of {@code E[x²] - E[x]²} on large prices. A variance that
 * rounds to &le; 0 yields 0 (TA-Lib zeroes variances below 1e-8, which would flatten low-priced
 * coins; this implementation does not).
 */
public final class StdDev {
    private final int period;
    private final double nbDev;
    private final double[] buf;
    private int pos;
    private long count;
    private double shift;
    private double s1;
    private double s2;
    private double mean = Double.NaN;

    public StdDev(int period) {
        this(period, 1.0);
    }

    public StdDev(int period, double nbDev) {
        this.period = Periods.check("STDDEV period", period);
        this.nbDev = Periods.checkMultiplier("STDDEV deviations", nbDev);
        this.buf = new double[period];
    }

    /** Feeds one value; returns {@code nbDev * sigma}, NaN until the window is full. */
    public double update(double x) {
        if (count == 0) {
            shift = x;
        }
        double old = buf[pos];
        buf[pos] = x;
        double d = x - shift;
        s1 += d;
        s2 += d * d;
        if (count >= period) {
            double o = old - shift;
            s1 -= o;
            s2 -= o * o;
        }
        count++;
        if (++pos == period) {
            pos = 0;
            resync();
        }
        if (count < period) {
            return Double.NaN;
        }
        double m = s1 / period;
        mean = shift + m;
        double variance = s2 / period - m * m;
        return variance > 0.0 ? Math.sqrt(variance) * nbDev : 0.0;
    }

    /** Mean of the window after the last update (NaN until full): the Bollinger middle band. */
    public double mean() {
        return mean;
    }

    private void resync() {
        double total = 0.0;
        for (double v : buf) {
            total += v;
        }
        shift = total / period;
        double a = 0.0;
        double b = 0.0;
        for (double v : buf) {
            double d = v - shift;
            a += d;
            b += d * d;
        }
        s1 = a;
        s2 = b;
    }

    public void reset() {
        java.util.Arrays.fill(buf, 0.0);
        pos = 0;
        count = 0;
        s1 = 0.0;
        s2 = 0.0;
        mean = Double.NaN;
    }
}
