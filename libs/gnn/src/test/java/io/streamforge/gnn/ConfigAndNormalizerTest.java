package io.streamforge.gnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The pure parts around training (no engine): z-score features fitted on the train split and
 * clipped, input series checked with the node and step named, and configurations that refuse values
 * training cannot use.
 */
class ConfigAndNormalizerTest {
    @Test
    void aNormalizerFitsMeanAndPopulationStdPerFeature() {
        Normalizer n = Normalizer.fit(List.of(new double[] {1, 10}, new double[] {3, 10}), 2);
        assertThat(n.mean()).containsExactly(2, 10);
        assertThat(n.std()).as("a constant feature gets 1").containsExactly(1, 1);
        float[] out = n.apply(new double[][] {{1, 10}, {5, 12}});
        assertThat(out).containsExactly(-1f, 0f, 3f, 2f);
        assertThat(n.width()).isEqualTo(2);
    }

    @Test
    void valuesFarFromTheTrainSplitAreClipped() {
        Normalizer n = new Normalizer(new double[] {0}, new double[] {1});
        float[] out = new float[3];
        n.apply(new double[] {1e6}, out, 0);
        n.apply(new double[] {-1e6}, out, 1);
        n.apply(new double[] {2.5}, out, 2);
        assertThat(out).containsExactly((float) Normalizer.CLIP, (float) -Normalizer.CLIP, 2.5f);
    }

    @Test
    void aNormalizerRefusesWrongWidthsNonFiniteFeaturesAndNoRows() {
        Normalizer n = new Normalizer(new double[] {0, 0}, new double[] {1, 1});
        assertThatThrownBy(() -> n.apply(new double[] {1}, new float[2], 0))
                .hasMessage("wrong feature width: expected 2 features, got 1");
        assertThatThrownBy(() -> n.apply(new double[] {1, Double.NaN}, new float[2], 0))
                .hasMessage("feature 1 is not finite: NaN");
        assertThatThrownBy(() -> Normalizer.fit(List.of(), 2))
                .hasMessage("cannot fit a normalizer on zero rows");
        assertThatThrownBy(() -> new Normalizer(new double[1], new double[2]))
                .hasMessage("mean and std must have the same length");
    }

    @Test
    void aNormalizerIsAValueAndCannotBeChangedFromOutside() {
        double[] mean = {1, 2};
        Normalizer n = new Normalizer(mean, new double[] {3, 4});
        mean[0] = 99;
        n.mean()[1] = 99;
        assertThat(n.mean()).containsExactly(1, 2);
        assertThat(n).isEqualTo(new Normalizer(new double[] {1, 2}, new double[] {3, 4}));
        assertThat(n.hashCode())
                .isEqualTo(new Normalizer(new double[] {1, 2}, new double[] {3, 4}).hashCode());
        assertThat(n).isNotEqualTo(new Normalizer(new double[] {1, 2}, new double[] {3, 5}));
        assertThat(n).hasToString("Normalizer[mean=[1.0, 2.0], std=[3.0, 4.0]]");
    }

    @Test
    void seriesAreCheckedWithNodeAndStepNamed() {
        double[][] ok = {{1, 2, 3}, {4, 5, 6}};
        double[][] vol = {{0, 1, 2}, {3, 4, 5}};
        SeriesValidator.validate(ok, vol, 3);
        assertThatThrownBy(() -> SeriesValidator.validate(new double[0][], new double[0][], 1))
                .hasMessage("empty graph: close/volume must have >= 1 node");
        assertThatThrownBy(() -> SeriesValidator.validate(ok, new double[][] {{1, 2, 3}}, 1))
                .hasMessage("volume has 1 nodes but close has 2");
        assertThatThrownBy(() -> SeriesValidator.validate(ok, vol, 4))
                .hasMessage("series too short: 3 time steps, need at least 4");
        assertThatThrownBy(
                        () -> SeriesValidator.validate(new double[][] {{1, 2, 3}, {4, 5}}, vol, 2))
                .hasMessage("node 1 has a series length different from node 0 (3)");
        assertThatThrownBy(
                        () ->
                                SeriesValidator.validate(
                                        new double[][] {{1, 0, 3}, {4, 5, 6}}, vol, 3))
                .hasMessage("close[0][1] must be finite and > 0, got 0.0");
        assertThatThrownBy(
                        () ->
                                SeriesValidator.validate(
                                        ok, new double[][] {{0, 1, 2}, {3, -1, 5}}, 3))
                .hasMessage("volume[1][1] must be finite and >= 0, got -1.0");
        assertThatThrownBy(
                        () ->
                                SeriesValidator.validate(
                                        ok,
                                        new double[][] {
                                            {0, 1, Double.POSITIVE_INFINITY}, {3, 4, 5}
                                        },
                                        3))
                .hasMessage("volume[0][2] must be finite and >= 0, got Infinity");
    }

    @Test
    void trainingConfigurationsRefuseWhatTrainingCannotUse() {
        GatConfig d = GatConfig.defaults();
        assertThat(d.withSeed(7).seed()).isEqualTo(7);
        assertThat(d.withSeed(7).heads()).isEqualTo(d.heads());
        assertThat(d.withMaxEpochs(3).maxEpochs()).isEqualTo(3);
        assertThat(d.withMaxEpochs(3).patience()).isEqualTo(d.patience());
        assertThatThrownBy(() -> d.withMaxEpochs(0)).hasMessage("maxEpochs must be >= 1, got 0");
        assertThatThrownBy(() -> new GatConfig(2, 0, 8, 0.01, 0, 10, 3, 8, 1L))
                .hasMessage("heads must be >= 1, got 0");
        assertThatThrownBy(() -> new GatConfig(2, 2, 8, 0.01, 1.0, 10, 3, 8, 1L))
                .hasMessage("weightDecay must be in [0, 1), got 1.0");
        assertThatThrownBy(() -> new GatConfig(2, 2, 8, Double.NaN, 0, 10, 3, 8, 1L))
                .hasMessage("learningRate must be in (0, 1), got NaN");
        assertThatThrownBy(() -> new GatConfig(2, 2, 8, 0.01, 0, 10, 3, 0, 1L))
                .hasMessage("batchSnapshots must be >= 1, got 0");
    }

    @Test
    void datasetConfigurationsRefuseBadHorizonsThresholdsSplitsAndStrides() {
        DatasetConfig d = DatasetConfig.defaults();
        assertThat(d.withLabelHorizonSteps(5).labelHorizonSteps()).isEqualTo(5);
        assertThat(d.withFlatThreshold(0.01).flatThreshold()).isEqualTo(0.01);
        assertThat(d.flatThreshold()).isNaN();
        assertThatThrownBy(() -> d.withLabelHorizonSteps(FeatureExtractor.WARMUP_STEPS + 1))
                .hasMessageStartingWith("labelHorizonSteps must be in 1..");
        assertThatThrownBy(() -> d.withFlatThreshold(1.0))
                .hasMessage("flatThreshold must be NaN (auto) or in [0, 1), got 1.0");
        assertThatThrownBy(() -> d.withFlatThreshold(-0.1)).hasMessageContaining("got -0.1");
        assertThatThrownBy(() -> new DatasetConfig(1, Double.NaN, 0.6, 0, 1))
                .hasMessageContaining("must be > 0 and sum to < 1, got 0.6 and 0.0");
        assertThatThrownBy(() -> new DatasetConfig(1, Double.NaN, 0.6, 0.2, 0))
                .hasMessage("snapshotStride must be >= 1, got 0");
    }
}
