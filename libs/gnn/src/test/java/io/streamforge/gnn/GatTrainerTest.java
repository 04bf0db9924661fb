package io.streamforge.gnn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GatTrainerTest {
    private static final GatConfig FAST = new GatConfig(2, 2, 8, 0.02, 1e-4, 12, 4, 16, 7L);
    private static GnnDataset planted;

    @BeforeAll
    static void data() {
        planted = SyntheticMarket.generate(8, 4, 400, 1L).dataset(DatasetConfig.defaults());
    }

    @Test
    void learnsPlantedGraphSignalAndBeatsBothBaselines() {
        List<EpochStats> seen = new ArrayList<>();
        try (GnnModel model = GatTrainer.train(planted, FAST, seen::add)) {
            TrainingReport r = model.report();
            System.out.printf(
                    "planted: epochs=%d best=%d test=%s majority=%s persistence=%s%n",
                    r.epochsRun(),
                    r.bestEpoch(),
                    r.test(),
                    r.majorityBaseline(),
                    r.persistenceBaseline());
            assertThat(seen).isEqualTo(r.history()).isNotEmpty();
            assertThat(seen)
                    .extracting(EpochStats::epoch)
                    .containsExactlyElementsOf(
                            java.util.stream.IntStream.rangeClosed(1, seen.size())
                                    .boxed()
                                    .toList());
            assertThat(r.bestEpoch()).isBetween(1, r.epochsRun());
            // followers (80 % of nodes) are predictable only through their leader's features
            assertThat(r.test().macroF1()).isGreaterThan(0.6);
            assertThat(r.macroF1MarginOverBaselines()).isGreaterThan(0.15);
            assertThat(r.test().accuracy())
                    .isGreaterThan(r.majorityBaseline().accuracy() + 0.2)
                    .isGreaterThan(r.persistenceBaseline().accuracy() + 0.2);
            assertThat(r.test().samples()).isEqualTo(planted.test().size() * planted.nodeCount());
            // training loss goes down on a learnable problem
            assertThat(seen.get(seen.size() - 1).trainLoss()).isLessThan(seen.get(0).trainLoss());
        }
    }

    @Test
    void sameSeedGivesSameMetricsDifferentSeedDoesNot() {
        GnnDataset small =
                SyntheticMarket.generate(4, 3, 160, 2L).dataset(DatasetConfig.defaults());
        GatConfig cfg = FAST.withMaxEpochs(3);
        TrainingReport a = trainReport(small, cfg);
        TrainingReport b = trainReport(small, cfg);
        TrainingReport c = trainReport(small, cfg.withSeed(99L));
        assertThat(withoutTimes(b)).isEqualTo(withoutTimes(a));
        assertThat(b.test()).isEqualTo(a.test());
        assertThat(c.history().get(0).trainLoss()).isNotEqualTo(a.history().get(0).trainLoss());
    }

    @Test
    void trainsOnAFreshThreadAfterAnotherThreadLoadedTheEngine() throws Exception {
        // PyTorch's grad mode is per thread and on by default; DJL turns it off only on the thread
        // that loads the engine. A second pipeline in the same JVM trains on a new thread.
        GnnDataset small =
                SyntheticMarket.generate(4, 3, 160, 5L).dataset(DatasetConfig.defaults());
        try (GnnModel first = GatTrainer.train(small, FAST)) {
            assertThat(first.report().epochsRun()).isPositive();
        }
        java.util.concurrent.atomic.AtomicReference<Object> outcome =
                new java.util.concurrent.atomic.AtomicReference<>();
        Thread t =
                new Thread(
                        () -> {
                            try (GnnModel m = GatTrainer.train(small, FAST)) {
                                outcome.set(m.report().epochsRun());
                            } catch (RuntimeException e) {
                                outcome.set(e);
                            }
                        },
                        "second-training");
        t.start();
        t.join(120_000);
        assertThat(outcome.get()).isInstanceOf(Integer.class);
        assertThat((Integer) outcome.get()).isPositive();
    }

    @Test
    void interruptedThreadStopsBeforeTheFirstEpoch() {
        GnnDataset small =
                SyntheticMarket.generate(4, 3, 160, 3L).dataset(DatasetConfig.defaults());
        Thread.currentThread().interrupt();
        try (GnnModel model = GatTrainer.train(small, FAST)) {
            assertThat(model.report().epochsRun()).isZero();
            assertThat(model.report().stoppedEarly()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void listenerFailureAbortsTraining() {
        GnnDataset small =
                SyntheticMarket.generate(4, 3, 160, 4L).dataset(DatasetConfig.defaults());
        EpochListener failing =
                s -> {
                    throw new IllegalStateException("telemetry down at epoch " + s.epoch());
                };
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> GatTrainer.train(small, FAST, failing))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("epoch 1");
    }

    @Test
    void rejectsBadHyperParameters() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new GatConfig(0, 2, 8, 0.01, 0, 10, 3, 8, 1L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("layers");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new GatConfig(2, 2, 8, 1.5, 0, 10, 3, 8, 1L))
                .hasMessageContaining("learningRate");
    }

    private static TrainingReport trainReport(GnnDataset ds, GatConfig cfg) {
        try (GnnModel model = GatTrainer.train(ds, cfg)) {
            return model.report();
        }
    }

    private static List<List<Double>> withoutTimes(TrainingReport r) {
        return r.history().stream()
                .map(
                        e ->
                                List.of(
                                        e.trainLoss(),
                                        e.validationLoss(),
                                        e.validationAccuracy(),
                                        e.validationMacroF1()))
                .toList();
    }
}
