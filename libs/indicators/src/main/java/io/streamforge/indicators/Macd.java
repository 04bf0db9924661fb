package io.streamforge.indicators;

/**
 * MACD with TA-Lib's alignment. Both EMAs start at index {@code slow - 1}: the slow EMA is seeded
 * with the SMA of the first {@code slow} values and the fast EMA with the SMA of the {@code fast}
 * values ending at that same index (not of the first {@code fast} values). The signal line is an
 * EMA of the MACD line seeded with the SMA of its first {@code signal} values, so all three outputs
 * start at index {@code slow + signal - 2} (33 for 12/26/9) and are NaN before.
 */
public final class Macd {
    private final int fast;
    private final int slow;
    private final int signalPeriod;
    private final double kFast;
    private final double kSlow;
    private final double kSignal;
    private long count;
    private double fastSum;
    private double slowSum;
    private double fastEma;
    private double slowEma;
    private int signalCount;
    private double signalEma;
    private double macd = Double.NaN;
    private double signal = Double.NaN;
    private double hist = Double.NaN;

    public Macd(int fast, int slow, int signal) {
        this.fast = Periods.check("MACD fast period", fast);
        this.slow = Periods.check("MACD slow period", slow);
        this.signalPeriod = Periods.check("MACD signal period", signal);
        if (fast >= slow) {
            throw new IllegalArgumentException(
                    "MACD fast period (" + fast + ") must be less than slow period (" + slow + ")");
        }
        this.kFast = 2.0 / (fast + 1.0);
        this.kSlow = 2.0 / (slow + 1.0);
        this.kSignal = 2.0 / (signal + 1.0);
    }

    /** Feeds one value and returns the MACD line (NaN until the signal line is ready). */
    public double update(double x) {
        long n = count++;
        if (n < slow) {
            slowSum += x;
            if (n >= slow - fast) {
                fastSum += x;
            }
            if (n < slow - 1) {
                return Double.NaN;
            }
            slowEma = slowSum / slow;
            fastEma = fastSum / fast;
        } else {
            slowEma = (x - slowEma) * kSlow + slowEma;
            fastEma = (x - fastEma) * kFast + fastEma;
        }
        double line = fastEma - slowEma;
        if (signalCount < signalPeriod) {
            signalEma += line;
            if (++signalCount < signalPeriod) {
                return Double.NaN;
            }
            signalEma /= signalPeriod;
        } else {
            signalEma = (line - signalEma) * kSignal + signalEma;
        }
        macd = line;
        signal = signalEma;
        hist = line - signalEma;
        return macd;
    }

    public double macd() {
        return macd;
    }

    public double signal() {
        return signal;
    }

    public double histogram() {
        return hist;
    }

    public void reset() {
        count = 0;
        fastSum = 0.0;
        slowSum = 0.0;
        signalCount = 0;
        signalEma = 0.0;
        macd = Double.NaN;
        signal = Double.NaN;
        hist = Double.NaN;
    }
}
