package io.streamforge.gnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GnnDatasetTest {
    private final SyntheticMarket market = SyntheticMarket.generate(3, 2, 200, 21L);

    @Test
    void splitsInTimeOrderWithEmbargoOfOneHorizon() {
        int h = 5;
        GnnDataset ds = market.dataset(DatasetConfig.defaults().withLabelHorizonSteps(h));
        int lastTrain = last(ds.train());
        int firstVal = ds.validation().get(0).timeIndex();
        int lastVal = last(ds.validation());
        int firstTest = ds.test().get(0).timeIndex();
        assertThat(ds.train().get(0).timeIndex()).isEqualTo(FeatureExtractor.WARMUP_STEPS);
        assertThat(firstVal).isGreaterThanOrEqualTo(lastTrain + h);
        assertThat(firstTest).isGreaterThanOrEqualTo(lastVal + h);
        assertThat(last(ds.test()) + h).isLessThanOrEqualTo(199);
        assertThat(ds.train().size()).isGreaterThan(ds.validation().size());
    }

    @Test
    void labelsAreTheRealNextHorizonReturnClass() {
        int h = 3;
        GnnDataset ds = market.dataset(new DatasetConfig(h, 0.004, 0.6, 0.2, 1));
        assertThat(ds.flatThreshold()).isEqualTo(0.004);
        for (Snapshot s : ds.test()) {
            for (int n = 0; n < ds.nodeCount(); n++) {
                double[] c = market.close()[n];
                int t = s.timeIndex();
                double future = Math.log(c[t + h] / c[t]);
                int expected = future > 0.004 ? 2 : future < -0.004 ? 0 : 1;
                assertThat(s.labels()[n]).isEqualTo(expected);
                double past = Math.log(c[t] / c[t - h]);
                assertThat(s.persistence()[n]).isEqualTo(past > 0.004 ? 2 : past < -0.004 ? 0 : 1);
            }
        }
    }

    @Test
    void normaliserAndAutoThresholdAreFittedOnTrainOnly() {
        GnnDataset ds = market.dataset(DatasetConfig.defaults());
        double[] mean = new double[6];
        int count = 0;
        for (Snapshot s : ds.train()) {
            for (int i = 0; i < s.features().length; i++) {
                mean[i % 6] += s.features()[i];
            }
            count += ds.nodeCount();
        }
        for (double m : mean) {
            assertThat(m / count).isCloseTo(0, within(1e-4));
        }
        long flat =
                ds.train().stream()
                        .flatMapToInt(s -> java.util.stream.IntStream.of(s.labels()))
                        .filter(l -> l == Direction.FLAT.ordinal())
                        .count();
        double share = (double) flat / (ds.train().size() * ds.nodeCount());
        assertThat(share).isBetween(0.30, 0.37);
        // future data does not move train statistics
        double[][] close = copy(market.close());
        for (double[] c : close) {
            for (int t = 150; t < c.length; t++) {
                c[t] *= 1 + 0.05 * (t % 3);
            }
        }
        GnnDataset shocked =
                GnnDataset.fromSeries(
                        market.names(),
                        close,
                        market.volume(),
                        market.edges(),
                        DatasetConfig.defaults());
        assertThat(last(ds.train()) + 1).isLessThan(150);
        assertThat(shocked.normalizer()).isEqualTo(ds.normalizer());
        assertThat(shocked.flatThreshold()).isEqualTo(ds.flatThreshold());
    }

    @Test
    void rejectsBadInput() {
        List<String> names = market.names();
        double[][] c = market.close();
        double[][] v = market.volume();
        int[][] e = market.edges();
        DatasetConfig cfg = DatasetConfig.defaults();
        assertThatThrownBy(
                        () ->
                                GnnDataset.fromSeries(
                                        List.of(), new double[0][], new double[0][], e, cfg))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty graph");
        assertThatThrownBy(() -> GnnDataset.fromSeries(names, c, v, new int[][] {{0, 9}}, cfg))
                .hasMessageContaining("node index out of range [0, 9)");
        assertThatThrownBy(() -> GnnDataset.fromSeries(names.subList(0, 8), c, v, e, cfg))
                .hasMessageContaining("8 names for 9 nodes");
        List<String> dup = new ArrayList<>(names);
        dup.set(1, dup.get(0));
        assertThatThrownBy(() -> GnnDataset.fromSeries(dup, c, v, e, cfg))
                .hasMessageContaining("unique");
        double[][] bad = copy(c);
        bad[2][7] = 0;
        assertThatThrownBy(() -> GnnDataset.fromSeries(names, bad, v, e, cfg))
                .hasMessageContaining("close[2][7] must be finite and > 0");
        double[][] ragged = copy(c);
        ragged[4] = new double[10];
        assertThatThrownBy(() -> GnnDataset.fromSeries(names, ragged, v, e, cfg))
                .hasMessageContaining("node 4 has a series length different");
        double[][] shortC = new double[9][22];
        for (double[] row : shortC) {
            java.util.Arrays.fill(row, 1);
        }
        assertThatThrownBy(() -> GnnDataset.fromSeries(names, shortC, new double[9][22], e, cfg))
                .hasMessageContaining("series too short: 22 time steps, need at least 24");
        double[][] c44 =
                java.util.Arrays.stream(c)
                        .map(r -> java.util.Arrays.copyOf(r, 44))
                        .toArray(double[][]::new);
        double[][] v44 =
                java.util.Arrays.stream(v)
                        .map(r -> java.util.Arrays.copyOf(r, 44))
                        .toArray(double[][]::new);
        assertThatThrownBy(
                        () ->
                                GnnDataset.fromSeries(
                                        names, c44, v44, e, cfg.withLabelHorizonSteps(20)))
                .hasMessageContaining("the validation split is empty");
        assertThatThrownBy(() -> new DatasetConfig(0, Double.NaN, 0.6, 0.2, 1))
                .hasMessageContaining("labelHorizonSteps");
        assertThatThrownBy(() -> new DatasetConfig(1, Double.NaN, 0.8, 0.2, 1))
                .hasMessageContaining("sum to < 1");
    }

    private static int last(List<Snapshot> s) {
        return s.get(s.size() - 1).timeIndex();
    }

    private static double[][] copy(double[][] a) {
        return java.util.Arrays.stream(a).map(double[]::clone).toArray(double[][]::new);
    }
}
