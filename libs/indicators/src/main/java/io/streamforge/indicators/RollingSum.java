package io.streamforge.indicators;

/**
 * Sum over the last {@code n} values in a ring buffer. The running sum is recomputed exactly from
 * the buffer every time the ring wraps (every {@code n} updates), so floating-point drift never
 * accumulates beyond one window, at an amortised cost of one extra addition per update.
 */
final class RollingSum {
    private final double[] buf;
    private int pos;
    private long count;
    private double sum;

    RollingSum(int n) {
        buf = new double[Periods.check("window", n)];
    }

    /** Adds {@code x}, dropping the oldest value once full; true when the window is full. */
    boolean add(double x) {
        double old = buf[pos];
        buf[pos] = x;
        sum += x - old;
        if (++pos == buf.length) {
            pos = 0;
            double s = 0.0;
            for (double v : buf) {
                s += v;
            }
            sum = s;
        }
        return ++count >= buf.length;
    }

    double sum() {
        return sum;
    }

    int size() {
        return buf.length;
    }

    void reset() {
        java.util.Arrays.fill(buf, 0.0);
        pos = 0;
        count = 0;
        sum = 0.0;
    }
}
