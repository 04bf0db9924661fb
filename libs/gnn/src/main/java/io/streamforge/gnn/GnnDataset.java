package io.streamforge.gnn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Labelled graph snapshots split in time order into train / validation / test.
 *
 * <p>Snapshot times run from {@link FeatureExtractor#WARMUP_STEPS} to {@code T - 1 - horizon}.
 * Between splits we leave an embargo so that the first snapshot of the next split is at least
 * {@code horizon} steps after the last one of the previous split: label windows never overlap. The
 * normaliser and the automatic FLAT threshold are fitted on the train split only.
 */
public record GnnDataset(
        List<String> nodeNames,
        List<String> featureNames,
        Graph graph,
        DatasetConfig config,
        double flatThreshold,
        Normalizer normalizer,
        List<Snapshot> train,
        List<Snapshot> validation,
        List<Snapshot> test) {

    public GnnDataset {
        nodeNames = List.copyOf(nodeNames);
        featureNames = List.copyOf(featureNames);
        train = List.copyOf(train);
        validation = List.copyOf(validation);
        test = List.copyOf(test);
    }

    /**
     * Builds the dataset.
     *
     * @param nodeNames one name per node (e.g. symbol), unique
     * @param close close prices [node][time], all &gt; 0
     * @param volume volumes [node][time], all &gt;= 0
     * @param edges undirected edges {i, j} between node indices (e.g. from the correlation graph)
     */
    public static GnnDataset fromSeries(
            List<String> nodeNames,
            double[][] close,
            double[][] volume,
            int[][] edges,
            DatasetConfig config) {
        int horizon = config.labelHorizonSteps();
        SeriesValidator.validate(close, volume, FeatureExtractor.WARMUP_STEPS + horizon + 3);
        if (nodeNames == null
                || nodeNames.size() != close.length
                || nodeNames.stream().distinct().count() != nodeNames.size()) {
            throw new IllegalArgumentException(
                    "nodeNames must be unique and one per node: "
                            + (nodeNames == null ? 0 : nodeNames.size())
                            + " names for "
                            + close.length
                            + " nodes");
        }
        Graph graph = Graph.of(close.length, edges);
        int[][] splits = splitTimes(close[0].length, config);
        double threshold = resolveThreshold(close, splits[0], config);
        List<double[]> trainRows = new ArrayList<>();
        for (int t : splits[0]) {
            for (int n = 0; n < close.length; n++) {
                trainRows.add(FeatureExtractor.featuresAt(close[n], volume[n], t));
            }
        }
        Normalizer normalizer = Normalizer.fit(trainRows, FeatureExtractor.featureCount());
        List<List<Snapshot>> out = new ArrayList<>();
        for (int[] times : splits) {
            List<Snapshot> list = new ArrayList<>(times.length);
            for (int t : times) {
                list.add(snapshot(close, volume, t, horizon, threshold, normalizer));
            }
            out.add(list);
        }
        return new GnnDataset(
                nodeNames,
                FeatureExtractor.FEATURE_NAMES,
                graph,
                config,
                threshold,
                normalizer,
                out.get(0),
                out.get(1),
                out.get(2));
    }

    static Snapshot snapshot(
            double[][] close,
            double[][] volume,
            int t,
            int horizon,
            double threshold,
            Normalizer normalizer) {
        int nodes = close.length;
        double[][] raw = new double[nodes][];
        int[] labels = new int[nodes];
        int[] persistence = new int[nodes];
        for (int n = 0; n < nodes; n++) {
            raw[n] = FeatureExtractor.featuresAt(close[n], volume[n], t);
            labels[n] =
                    Direction.classify(Math.log(close[n][t + horizon] / close[n][t]), threshold);
            persistence[n] =
                    Direction.classify(FeatureExtractor.logReturn(close[n], t, horizon), threshold);
        }
        return new Snapshot(t, normalizer.apply(raw), labels, persistence);
    }

    /** Time indices of train, validation and test snapshots, with embargo gaps. */
    static int[][] splitTimes(int steps, DatasetConfig config) {
        int horizon = config.labelHorizonSteps();
        List<Integer> candidates = new ArrayList<>();
        for (int t = FeatureExtractor.WARMUP_STEPS;
                t <= steps - 1 - horizon;
                t += config.snapshotStride()) {
            candidates.add(t);
        }
        int total = candidates.size();
        int trainCount = (int) Math.floor(total * config.trainFraction());
        int valCount = (int) Math.floor(total * config.validationFraction());
        List<List<Integer>> splits =
                List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        int split = 0;
        int lastTime = Integer.MIN_VALUE / 2;
        for (int t : candidates) {
            if (split == 0 && splits.get(0).size() == trainCount) {
                split = 1;
            } else if (split == 1 && splits.get(1).size() == valCount) {
                split = 2;
            }
            if (split > 0 && splits.get(split).isEmpty() && t < lastTime + horizon) {
                continue; // embargo: previous split's label window still open
            }
            splits.get(split).add(t);
            lastTime = t;
        }
        String[] names = {"train", "validation", "test"};
        for (int s = 0; s < 3; s++) {
            if (splits.get(s).isEmpty()) {
                throw new IllegalArgumentException(
                        "series too short: the "
                                + names[s]
                                + " split is empty ("
                                + steps
                                + " time steps, "
                                + total
                                + " usable snapshots)");
            }
        }
        return splits.stream()
                .map(l -> l.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
    }

    /** Configured threshold, or the 1/3 quantile of |train label return| (balanced classes). */
    private static double resolveThreshold(double[][] close, int[] trainTimes, DatasetConfig cfg) {
        if (!Double.isNaN(cfg.flatThreshold())) {
            return cfg.flatThreshold();
        }
        int h = cfg.labelHorizonSteps();
        double[] abs = new double[trainTimes.length * close.length];
        int i = 0;
        for (int t : trainTimes) {
            for (double[] c : close) {
                abs[i++] = Math.abs(Math.log(c[t + h] / c[t]));
            }
        }
        Arrays.sort(abs);
        return abs[Math.min(abs.length - 1, abs.length / 3)];
    }

    public int nodeCount() {
        return nodeNames.size();
    }

    /** Builds an unlabelled inference input from raw features [node][feature] of this dataset. */
    public float[] normalise(double[][] rawFeatures) {
        return normalizer.apply(rawFeatures);
    }
}
