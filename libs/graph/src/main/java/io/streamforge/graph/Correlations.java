package io.streamforge.graph;

import java.util.Objects;
import java.util.function.IntFunction;

/**
 * Pearson and Spearman correlation matrices on {@code double[]}.
 *
 * <p>Pearson: every row is standardised once ({@code z = (x - mean) / ||x - mean||}, two-pass mean)
 * into a transposed, time-major array; the matrix is then {@code Z Zᵀ}, computed only for the upper
 * triangle in column blocks, with four time steps per pass so that the innermost loop is a plain
 * {@code c[j] += a0*z0[j] + … + a3*z3[j]} that the JIT vectorises. The lower triangle is mirrored,
 * the diagonal set to exactly 1 and rounding outside [-1, 1] clamped.
 *
 * <p>A constant row (zero variance) has no correlation: it is rejected with an error naming it.
 */
public final class Correlations {
    private static final int COLUMN_BLOCK = 256;
    private static final int ROW_BLOCK = 32;

    private Correlations() {}

    /** Correlation matrix of a return series; symbols keep their order. */
    public static CorrelationMatrix compute(ReturnSeries returns, CorrelationMethod method) {
        Objects.requireNonNull(returns, "returns");
        Objects.requireNonNull(method, "method");
        IntFunction<String> name = s -> "symbol " + returns.symbols().get(s);
        double[][] rows = returns.rows();
        double[] values =
                method == CorrelationMethod.PEARSON ? pearson(rows, name) : spearman(rows, name);
        return new CorrelationMatrix(returns.symbols(), method, returns.window(), values);
    }

    /**
     * Pearson matrix of {@code rows} (one variable per row, observations along the row), as a
     * row-major {@code n × n} array.
     *
     * @throws IllegalArgumentException for fewer than 2 rows or points, rows of different lengths,
     *     a NaN/infinite value or a constant row
     */
    public static double[] pearson(double[][] rows) {
        return pearson(rows, s -> "row " + s);
    }

    /** Spearman matrix (average ranks for ties); same layout and errors as {@link #pearson}. */
    public static double[] spearman(double[][] rows) {
        return spearman(rows, s -> "row " + s);
    }

    static double[] pearson(double[][] rows, IntFunction<String> name) {
        int len = checkShape(rows, name);
        return gram(standardisedTransposed(rows, len, name), rows.length);
    }

    static double[] spearman(double[][] rows, IntFunction<String> name) {
        int len = checkShape(rows, name);
        double[][] ranks = new double[rows.length][];
        for (int s = 0; s < rows.length; s++) {
            ranks[s] = Ranks.average(rows[s]);
        }
        return gram(standardisedTransposed(ranks, len, name), rows.length);
    }

    private static int checkShape(double[][] rows, IntFunction<String> name) {
        Objects.requireNonNull(rows, "rows");
        if (rows.length < 2) {
            throw new IllegalArgumentException(
                    "correlation needs at least 2 series, got " + rows.length);
        }
        int len = Objects.requireNonNull(rows[0], name.apply(0)).length;
        for (int s = 0; s < rows.length; s++) {
            double[] row = Objects.requireNonNull(rows[s], name.apply(s));
            if (row.length != len) {
                throw new IllegalArgumentException(
                        "mismatched lengths: "
                                + name.apply(0)
                                + " has "
                                + len
                                + " points, "
                                + name.apply(s)
                                + " has "
                                + row.length);
            }
            for (int t = 0; t < len; t++) {
                if (!Double.isFinite(row[t])) {
                    throw new IllegalArgumentException(
                            name.apply(s) + ": value at index " + t + " is " + row[t]);
                }
            }
        }
        if (len < 2) {
            throw new IllegalArgumentException(
                    "correlation needs at least 2 points per series, got " + len);
        }
        return len;
    }

    /** {@code z[t][s] = (x[s][t] - mean_s) / ||x_s - mean_s||}. */
    private static double[][] standardisedTransposed(
            double[][] rows, int len, IntFunction<String> name) {
        double[][] z = new double[len][rows.length];
        for (int s = 0; s < rows.length; s++) {
            double[] x = rows[s];
            double sum = 0;
            for (double v : x) {
                sum += v;
            }
            double mean = sum / len;
            double ss = 0;
            double drift = 0; // compensates rounding of the mean (corrected two-pass algorithm)
            for (double v : x) {
                double d = v - mean;
                ss += d * d;
                drift += d;
            }
            mean += drift / len;
            ss -= drift * drift / len;
            if (!(ss > 0) || ss <= 1e-28 * len * (mean * mean)) {
                throw new IllegalArgumentException(
                        name.apply(s)
                                + " is constant (zero variance): its correlation is undefined;"
                                + " remove it from the input");
            }
            double inv = 1.0 / Math.sqrt(ss);
            for (int t = 0; t < len; t++) {
                z[t][s] = (x[t] - mean) * inv;
            }
        }
        return z;
    }

    /** Upper triangle of {@code Zᵀ Z} for time-major {@code z}, mirrored into a full matrix. */
    private static double[] gram(double[][] z, int n) {
        double[][] c = new double[n][n];
        int len = z.length;
        for (int j0 = 0; j0 < n; j0 += COLUMN_BLOCK) {
            int j1 = Math.min(n, j0 + COLUMN_BLOCK);
            for (int i0 = 0; i0 < j1; i0 += ROW_BLOCK) {
                int i1 = Math.min(j1, i0 + ROW_BLOCK);
                int t = 0;
                for (; t + 4 <= len; t += 4) {
                    accumulate4(z[t], z[t + 1], z[t + 2], z[t + 3], c, i0, i1, j0, j1);
                }
                for (; t < len; t++) {
                    accumulate1(z[t], c, i0, i1, j0, j1);
                }
            }
        }
        double[] out = new double[n * n];
        for (int i = 0; i < n; i++) {
            out[i * n + i] = 1.0;
            for (int j = i + 1; j < n; j++) {
                double r = Math.max(-1.0, Math.min(1.0, c[i][j]));
                out[i * n + j] = r;
                out[j * n + i] = r;
            }
        }
        return out;
    }

    private static void accumulate4(
            double[] z0,
            double[] z1,
            double[] z2,
            double[] z3,
            double[][] c,
            int i0,
            int i1,
            int j0,
            int j1) {
        for (int i = i0; i < i1; i++) {
            double a0 = z0[i];
            double a1 = z1[i];
            double a2 = z2[i];
            double a3 = z3[i];
            double[] ci = c[i];
            for (int j = Math.max(i + 1, j0); j < j1; j++) {
                ci[j] += a0 * z0[j] + a1 * z1[j] + a2 * z2[j] + a3 * z3[j];
            }
        }
    }

    private static void accumulate1(double[] z0, double[][] c, int i0, int i1, int j0, int j1) {
        for (int i = i0; i < i1; i++) {
            double a0 = z0[i];
            double[] ci = c[i];
            for (int j = Math.max(i + 1, j0); j < j1; j++) {
                ci[j] += a0 * z0[j];
            }
        }
    }
}
