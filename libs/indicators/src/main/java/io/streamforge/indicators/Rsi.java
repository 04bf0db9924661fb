package io.streamforge.indicators;

/**
 * Wilder's RSI as TA-Lib computes it: the first output, at index {@code period}, uses the plain
 * average gain and loss of the first period price changes; afterwards {@code avg = (avg * (period -
 * 1) + x) / period}. RSI is 0 when both averages are exactly 0 (TA-Lib uses a 1e-8 threshold, which
 * would zero the RSI of low-priced coins; this implementation does not).
 */
public final class Rsi {
    private final int period;
    private long count;
    private double prev;
    private double avgGain;
    private double avgLoss;

    public Rsi(int period) {
        this.period = Periods.check("RSI period", period);
    }

    public double update(double close) {
        long n = count++;
        if (n == 0) {
            prev = close;
            return Double.NaN;
        }
        double diff = close - prev;
        prev = close;
        double gain = diff > 0 ? diff : 0.0;
        double loss = diff < 0 ? -diff : 0.0;
        if (n < period) {
            avgGain += gain;
            avgLoss += loss;
            return Double.NaN;
        }
        if (n == period) {
            avgGain = (avgGain + gain) / period;
            avgLoss = (avgLoss + loss) / period;
        } else {
            avgGain = (avgGain * (period - 1) + gain) / period;
            avgLoss = (avgLoss * (period - 1) + loss) / period;
        }
        double total = avgGain + avgLoss;
        return total == 0.0 ? 0.0 : 100.0 * (avgGain / total);
    }

    public void reset() {
        count = 0;
        prev = 0.0;
        avgGain = 0.0;
        avgLoss = 0.0;
    }
}
