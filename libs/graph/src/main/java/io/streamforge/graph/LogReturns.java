package io.streamforge.graph;

/** Log returns of a price series. */
public final class LogReturns {
    private LogReturns() {}

    /**
     * Returns {@code r[t-1] = ln(p[t] / p[t-1])} for {@code t = 1..n-1}.
     *
     * @throws IllegalArgumentException for fewer than 2 prices or a price that is not positive and
     *     finite (its index is named)
     */
    public static double[] of(double[] prices) {
        if (prices == null || prices.length < 2) {
            throw new IllegalArgumentException(
                    "log returns need at least 2 prices, got "
                            + (prices == null ? "null" : prices.length));
        }
        double[] out = new double[prices.length - 1];
        double prev = checked(prices, 0);
        for (int t = 1; t < prices.length; t++) {
            double p = checked(prices, t);
            out[t - 1] = Math.log(p / prev);
            prev = p;
        }
        return out;
    }

    private static double checked(double[] prices, int i) {
        double p = prices[i];
        if (!(p > 0) || Double.isInfinite(p)) {
            throw new IllegalArgumentException(
                    "price at index " + i + " must be positive and finite, got " + p);
        }
        return p;
    }
}
