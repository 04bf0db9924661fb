package io.streamforge.indicators;

/**
 * Linearly weighted moving average (TA-Lib WMA): weights 1..period, the newest value weighs most.
 * Rolling numerator and sum are recomputed from the ring buffer every period updates (no drift).
 */
public final class Wma {
    private final int period;
    private final double divisor;
    private final double[] buf;
    private int pos;
    private long count;
    private double sum;
    private double numerator;

    public Wma(int period) {
        this.period = Periods.check("WMA period", period);
        this.divisor = period * (period + 1.0) / 2.0;
        this.buf = new double[period];
    }

    public double update(double x) {
        double old = buf[pos];
        buf[pos] = x;
        if (count < period) {
            numerator += (count + 1) * x;
            sum += x;
        } else {
            numerator += period * x - sum;
            sum += x - old;
        }
        count++;
        if (++pos == period) {
            pos = 0;
            resync();
        }
        return count >= period ? numerator / divisor : Double.NaN;
    }

    private void resync() {
        double s = 0.0;
        double num = 0.0;
        for (int i = 0; i < period; i++) {
            s += buf[i];
            num += (i + 1.0) * buf[i];
        }
        sum = s;
        numerator = num;
    }

    public void reset() {
        java.util.Arrays.fill(buf, 0.0);
        pos = 0;
        count = 0;
        sum = 0.0;
        numerator = 0.0;
    }
}
