package io.streamforge.gnn;

/**
 * How {@link GnnDataset#fromSeries} turns series into labelled snapshots.
 *
 * @param labelHorizonSteps the label is the log return from t to t + labelHorizonSteps (1..20)
 * @param flatThreshold |log return| at or below this is class FLAT; {@code NaN} = fit on the train
 *     split so that a third of the train labels are FLAT (balanced classes)
 * @param trainFraction share of the usable time steps in the train split (time order)
 * @param validationFraction share in the validation split; the test split gets the rest
 * @param snapshotStride one snapshot every this many time steps (1 = every step)
 */
public record DatasetConfig(
        int labelHorizonSteps,
        double flatThreshold,
        double trainFraction,
        double validationFraction,
        int snapshotStride) {

    public DatasetConfig {
        if (labelHorizonSteps < 1 || labelHorizonSteps > FeatureExtractor.WARMUP_STEPS) {
            throw new IllegalArgumentException(
                    "labelHorizonSteps must be in 1.."
                            + FeatureExtractor.WARMUP_STEPS
                            + ", got "
                            + labelHorizonSteps);
        }
        if (!Double.isNaN(flatThreshold) && !(flatThreshold >= 0 && flatThreshold < 1)) {
            throw new IllegalArgumentException(
                    "flatThreshold must be NaN (auto) or in [0, 1), got " + flatThreshold);
        }
        if (!(trainFraction > 0)
                || !(validationFraction > 0)
                || trainFraction + validationFraction >= 1) {
            throw new IllegalArgumentException(
                    "trainFraction and validationFraction must be > 0 and sum to < 1, got "
                            + trainFraction
                            + " and "
                            + validationFraction);
        }
        if (snapshotStride < 1) {
            throw new IllegalArgumentException(
                    "snapshotStride must be >= 1, got " + snapshotStride);
        }
    }

    /** Horizon 1, auto threshold, 60/20/20 split, every step. */
    public static DatasetConfig defaults() {
        return new DatasetConfig(1, Double.NaN, 0.6, 0.2, 1);
    }

    public DatasetConfig withLabelHorizonSteps(int steps) {
        return new DatasetConfig(
                steps, flatThreshold, trainFraction, validationFraction, snapshotStride);
    }

    public DatasetConfig withFlatThreshold(double threshold) {
        return new DatasetConfig(
                labelHorizonSteps, threshold, trainFraction, validationFraction, snapshotStride);
    }
}
