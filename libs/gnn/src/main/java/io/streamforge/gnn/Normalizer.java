package io.streamforge.gnn;

import java.util.Arrays;
import java.util.List;

/**
 * Per-feature z-score (mean/std fitted on the train split only), clipped to ±{@link #CLIP}.
 *
 * @param mean per-feature mean
 * @param std per-feature standard deviation (constant features get 1)
 */
public record Normalizer(double[] mean, double[] std) {
    public static final double CLIP = 10;

    public Normalizer {
        if (mean.length != std.length) {
            throw new IllegalArgumentException("mean and std must have the same length");
        }
        mean = mean.clone();
        std = std.clone();
    }

    /** Fits on rows [sample][feature]. */
    static Normalizer fit(List<double[]> rows, int width) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("cannot fit a normalizer on zero rows");
        }
        double[] mean = new double[width];
        double[] sq = new double[width];
        for (double[] row : rows) {
            for (int f = 0; f < width; f++) {
                mean[f] += row[f];
            }
        }
        for (int f = 0; f < width; f++) {
            mean[f] /= rows.size();
        }
        for (double[] row : rows) {
            for (int f = 0; f < width; f++) {
                double d = row[f] - mean[f];
                sq[f] += d * d;
            }
        }
        double[] std = new double[width];
        for (int f = 0; f < width; f++) {
            double s = Math.sqrt(sq[f] / rows.size());
            std[f] = s > 1e-12 ? s : 1;
        }
        return new Normalizer(mean, std);
    }

    public int width() {
        return mean.length;
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] std() {
        return std.clone();
    }

    /** Normalises one row into {@code out} starting at {@code offset}. */
    void apply(double[] row, float[] out, int offset) {
        if (row.length != mean.length) {
            throw new IllegalArgumentException(
                    "wrong feature width: expected "
                            + mean.length
                            + " features, got "
                            + row.length);
        }
        for (int f = 0; f < row.length; f++) {
            if (!Double.isFinite(row[f])) {
                throw new IllegalArgumentException("feature " + f + " is not finite: " + row[f]);
            }
            double z = (row[f] - mean[f]) / std[f];
            out[offset + f] = (float) Math.max(-CLIP, Math.min(CLIP, z));
        }
    }

    /** Normalises a [node][feature] matrix into a flat row-major array. */
    float[] apply(double[][] rows) {
        float[] out = new float[rows.length * mean.length];
        for (int n = 0; n < rows.length; n++) {
            apply(rows[n], out, n * mean.length);
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Normalizer other
                && Arrays.equals(mean, other.mean)
                && Arrays.equals(std, other.std);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return "Normalizer[mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + "]";
    }
}
