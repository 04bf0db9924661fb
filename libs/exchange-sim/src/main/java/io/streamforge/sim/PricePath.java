package io.streamforge.sim;

/**
 * A random-access, Brownian-like log-price path: the sum of value-noise octaves whose lattice
 * spacing grows ×4 per octave (15 s … about 2 years) and whose amplitude grows with the square root
 * of the spacing, so increments over a horizon h have a standard deviation of about {@code
 * sigmaPer15s × sqrt(h / 15 s)} up to the longest octave. Evaluating a time costs O(octaves).
 */
final class PricePath {
    static final int OCTAVES = 12;
    private static final long BASE_SPACING_US = 15_000_000L;

    private final long seed;
    private final long stream;
    private final double[] amplitude = new double[OCTAVES];
    private final long[] spacingUs = new long[OCTAVES];

    /**
     * @param seed model seed
     * @param stream identifies this path (market factor or a symbol)
     * @param sigmaPer15s standard deviation of the log-price change over 15 seconds
     */
    PricePath(long seed, long stream, double sigmaPer15s) {
        this.seed = seed;
        this.stream = stream;
        long spacing = BASE_SPACING_US;
        double amp = sigmaPer15s / Math.sqrt(2.0);
        for (int k = 0; k < OCTAVES; k++) {
            spacingUs[k] = spacing;
            amplitude[k] = amp;
            spacing *= 4;
            amp *= 2.0;
        }
    }

    /** Log-price deviation at {@code timeUs} (dimensionless, mean 0). */
    double at(long timeUs) {
        double sum = 0.0;
        for (int k = 0; k < OCTAVES; k++) {
            long cell = Math.floorDiv(timeUs, spacingUs[k]);
            double f = (double) (timeUs - cell * spacingUs[k]) / spacingUs[k];
            double s = f * f * (3.0 - 2.0 * f);
            double v0 = Noise.centered(Noise.hash(seed, stream + k, cell));
            double v1 = Noise.centered(Noise.hash(seed, stream + k, cell + 1));
            sum += amplitude[k] * (v0 + (v1 - v0) * s);
        }
        return sum;
    }
}
