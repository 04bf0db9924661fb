package io.streamforge.gnn;

import ai.djl.ndarray.NDScope;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Trains a {@link GnnModel} on a {@link GnnDataset}: Adam on mean cross-entropy, mini-batches of
 * whole-graph snapshots in seeded random order, early stopping on validation macro-F1 (ties broken
 * by lower validation loss), best weights restored, then scored on the test split against the
 * majority-class and persistence baselines. Interrupting the calling thread stops after the current
 * epoch (the best weights so far are kept).
 */
public final class GatTrainer {
    private static final double EPS = 1e-9;

    private GatTrainer() {}

    public static GnnModel train(GnnDataset dataset, GatConfig config) {
        return train(dataset, config, EpochListener.NONE);
    }

    public static GnnModel train(GnnDataset dataset, GatConfig config, EpochListener listener) {
        GradMode.offOnThisThread();
        GnnModel model = GnnModel.initialise(dataset, config);
        try {
            model.attachReport(run(model, dataset, config, listener));
            return model;
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    private static TrainingReport run(
            GnnModel model, GnnDataset ds, GatConfig cfg, EpochListener listener) {
        long start = System.nanoTime();
        Adam adam =
                new Adam(
                        model.manager(),
                        model.network().parameters(),
                        cfg.learningRate(),
                        cfg.weightDecay());
        Random random = new Random(cfg.seed());
        List<Integer> order =
                new ArrayList<>(IntStream.range(0, ds.train().size()).boxed().toList());
        List<EpochStats> history = new ArrayList<>();
        float[][] bestWeights = model.network().copyValues();
        double bestF1 = -1;
        double bestLoss = Double.POSITIVE_INFINITY;
        int bestEpoch = 0;
        int sinceBest = 0;
        boolean stoppedEarly = false;
        for (int epoch = 1; epoch <= cfg.maxEpochs(); epoch++) {
            if (Thread.currentThread().isInterrupted()) {
                stoppedEarly = true;
                break;
            }
            long epochStart = System.nanoTime();
            Collections.shuffle(order, random);
            double trainLoss = trainEpoch(model, adam, ds.train(), order, cfg.batchSnapshots());
            GnnModel.Evaluation val = model.evaluate(ds.validation(), cfg.batchSnapshots());
            ClassificationMetrics vm =
                    ClassificationMetrics.of(val.truth(), val.predicted(), Direction.COUNT);
            EpochStats stats =
                    new EpochStats(
                            epoch,
                            trainLoss,
                            val.loss(),
                            vm.accuracy(),
                            vm.macroF1(),
                            (System.nanoTime() - epochStart) / 1_000_000);
            history.add(stats);
            listener.onEpoch(stats);
            boolean better =
                    vm.macroF1() > bestF1 + EPS
                            || (Math.abs(vm.macroF1() - bestF1) <= EPS && val.loss() < bestLoss);
            if (better) {
                bestF1 = vm.macroF1();
                bestLoss = val.loss();
                bestEpoch = epoch;
                bestWeights = model.network().copyValues();
                sinceBest = 0;
            } else if (++sinceBest >= cfg.patience()) {
                stoppedEarly = epoch < cfg.maxEpochs();
                break;
            }
        }
        model.network().restoreValues(bestWeights);
        return score(model, ds, cfg, history, bestEpoch, stoppedEarly, start);
    }

    private static double trainEpoch(
            GnnModel model, Adam adam, List<Snapshot> train, List<Integer> order, int batchSize) {
        double lossSum = 0;
        for (int from = 0; from < order.size(); from += batchSize) {
            List<Snapshot> batch =
                    order.subList(from, Math.min(order.size(), from + batchSize)).stream()
                            .map(train::get)
                            .toList();
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                lossSum += model.lossAndGradients(batch) * batch.size();
                adam.step();
            }
        }
        return lossSum / order.size();
    }

    private static TrainingReport score(
            GnnModel model,
            GnnDataset ds,
            GatConfig cfg,
            List<EpochStats> history,
            int bestEpoch,
            boolean stoppedEarly,
            long startNanos) {
        int chunk = cfg.batchSnapshots();
        GnnModel.Evaluation val = model.evaluate(ds.validation(), chunk);
        GnnModel.Evaluation test = model.evaluate(ds.test(), chunk);
        int majority = majorityClass(ds.train());
        int[] constant = new int[test.truth().length];
        java.util.Arrays.fill(constant, majority);
        int[] persistence =
                ds.test().stream().flatMapToInt(s -> IntStream.of(s.persistence())).toArray();
        return new TrainingReport(
                cfg.seed(),
                history.size(),
                bestEpoch,
                stoppedEarly,
                history,
                ClassificationMetrics.of(val.truth(), val.predicted(), Direction.COUNT),
                ClassificationMetrics.of(test.truth(), test.predicted(), Direction.COUNT),
                ClassificationMetrics.of(test.truth(), constant, Direction.COUNT),
                ClassificationMetrics.of(test.truth(), persistence, Direction.COUNT),
                majority,
                (System.nanoTime() - startNanos) / 1_000_000);
    }

    static int majorityClass(List<Snapshot> snapshots) {
        int[] counts = new int[Direction.COUNT];
        for (Snapshot s : snapshots) {
            for (int label : s.labels()) {
                counts[label]++;
            }
        }
        int best = 0;
        for (int c = 1; c < counts.length; c++) {
            if (counts[c] > counts[best]) {
                best = c;
            }
        }
        return best;
    }
}
