package io.streamforge.gnn;

import java.util.List;

/**
 * Outcome of one training run. Model and baseline metrics are measured on the test split; the
 * majority class is the most frequent train label.
 *
 * @param bestEpoch epoch (1-based) whose weights were kept (best validation macro-F1)
 * @param stoppedEarly true if patience ran out or the thread was interrupted before maxEpochs
 */
public record TrainingReport(
        long seed,
        int epochsRun,
        int bestEpoch,
        boolean stoppedEarly,
        List<EpochStats> history,
        ClassificationMetrics validation,
        ClassificationMetrics test,
        ClassificationMetrics majorityBaseline,
        ClassificationMetrics persistenceBaseline,
        int majorityClass,
        long trainingMillis) {

    public TrainingReport {
        history = List.copyOf(history);
    }

    /** Test macro-F1 minus the better of the two baselines' macro-F1. */
    public double macroF1MarginOverBaselines() {
        return test.macroF1() - Math.max(majorityBaseline.macroF1(), persistenceBaseline.macroF1());
    }
}
