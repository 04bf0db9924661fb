package io.streamforge.gnn;

/** One training epoch, as reported to {@link EpochListener} (e.g. for telemetry). */
public record EpochStats(
        int epoch,
        double trainLoss,
        double validationLoss,
        double validationAccuracy,
        double validationMacroF1,
        long elapsedMillis) {}
