package io.streamforge.indicators;

/**
 * Exponential moving average with {@code k = 2 / (period + 1)}. {@link Seed#SMA} (default, TA-Lib):
 * the first output, at index period-1, is the SMA of the first period values. {@link Seed#FIRST}
 * (ta4j, "A to Z" book): the first value seeds the average and every index has an output.
 */
public final class Ema {
    /** How the recursion starts. */
    public enum Seed {
        SMA,
        FIRST
    }

    private final int period;
    private final double k;
    private final Seed seed;
    private long count;
    private double sum;
    private double ema = Double.NaN;

    public Ema(int period) {
        this(period, Seed.SMA);
    }

    public Ema(int period, Seed seed) {
        this.period = Periods.check("EMA period", period);
        this.k = 2.0 / (period + 1.0);
        this.seed = java.util.Objects.requireNonNull(seed, "seed");
    }

    public double update(double x) {
        count++;
        if (seed == Seed.FIRST && count == 1) {
            ema = x;
        } else if (count < period && seed == Seed.SMA) {
            sum += x;
        } else if (count == period && seed == Seed.SMA) {
            ema = (sum + x) / period;
        } else {
            ema = (x - ema) * k + ema;
        }
        return ema;
    }

    public void reset() {
        count = 0;
        sum = 0.0;
        ema = Double.NaN;
    }
}
