package io.streamforge.gnn;

import java.util.List;

/**
 * Per-node features at time step t computed from close/volume up to and including t only (no
 * look-ahead). Plain Java on {@code double[]}, deliberately independent of libs/indicators.
 */
public final class FeatureExtractor {
    /** Oldest step a feature looks back to; the first usable time step is t = WARMUP_STEPS. */
    public static final int WARMUP_STEPS = 20;

    private static final int VOL_WINDOW = 20;
    private static final int RSI_WINDOW = 14;
    private static final int VOLUME_WINDOW = 20;

    /** Names of the columns of {@link #featuresAt}, in order. */
    public static final List<String> FEATURE_NAMES =
            List.of(
                    "log_return_1",
                    "log_return_5",
                    "log_return_20",
                    "volatility_20",
                    "rsi_14_centered",
                    "log_volume_ratio_20");

    private FeatureExtractor() {}

    public static int featureCount() {
        return FEATURE_NAMES.size();
    }

    /**
     * Features of one node at step t. Needs {@code t >= WARMUP_STEPS}; reads indices t-20..t only.
     */
    public static double[] featuresAt(double[] close, double[] volume, int t) {
        if (t < WARMUP_STEPS || t >= close.length || t >= volume.length) {
            throw new IllegalArgumentException(
                    "time step "
                            + t
                            + " needs "
                            + WARMUP_STEPS
                            + " steps of history and data at t");
        }
        return new double[] {
            logReturn(close, t, 1),
            logReturn(close, t, 5),
            logReturn(close, t, 20),
            volatility(close, t, VOL_WINDOW),
            rsiCentered(close, t, RSI_WINDOW),
            logVolumeRatio(volume, t, VOLUME_WINDOW)
        };
    }

    /** Raw features of every node at the last time step: [node][feature], for inference. */
    public static double[][] latest(double[][] close, double[][] volume) {
        SeriesValidator.validate(close, volume, WARMUP_STEPS + 1);
        int t = close[0].length - 1;
        double[][] out = new double[close.length][];
        for (int n = 0; n < close.length; n++) {
            out[n] = featuresAt(close[n], volume[n], t);
        }
        return out;
    }

    static double logReturn(double[] close, int t, int steps) {
        return Math.log(close[t] / close[t - steps]);
    }

    private static double volatility(double[] close, int t, int window) {
        double sum = 0;
        double sumSq = 0;
        for (int i = t - window + 1; i <= t; i++) {
            double r = logReturn(close, i, 1);
            sum += r;
            sumSq += r * r;
        }
        double mean = sum / window;
        return Math.sqrt(Math.max(0, (sumSq - window * mean * mean) / (window - 1)));
    }

    /** Cutler's RSI (simple averages) mapped from [0, 100] to [-1, 1]; 0 when nothing moved. */
    private static double rsiCentered(double[] close, int t, int window) {
        double gains = 0;
        double losses = 0;
        for (int i = t - window + 1; i <= t; i++) {
            double d = close[i] - close[i - 1];
            if (d > 0) {
                gains += d;
            } else {
                losses -= d;
            }
        }
        double total = gains + losses;
        return total == 0 ? 0 : (gains - losses) / total;
    }

    private static double logVolumeRatio(double[] volume, int t, int window) {
        double sum = 0;
        for (int i = t - window + 1; i <= t; i++) {
            sum += volume[i];
        }
        double mean = sum / window;
        if (mean == 0) {
            return 0;
        }
        return Math.log((volume[t] + 1e-9 * mean) / mean);
    }
}
