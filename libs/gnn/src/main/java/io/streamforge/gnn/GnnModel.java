package io.streamforge.gnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * A GATv2 node classifier bound to its training graph, normaliser and thresholds. Owns native
 * memory: close it. Not thread-safe.
 */
public final class GnnModel implements AutoCloseable {
    private final NDManager manager;
    private final GatNetwork network;
    private final Graph graph;
    private final NDArray neighbourIndex;
    private final NDArray maskBias;
    private ModelMetadata metadata;

    private GnnModel(NDManager manager, GatNetwork network, ModelMetadata metadata) {
        this.manager = manager;
        this.network = network;
        this.metadata = metadata;
        this.graph = Graph.of(metadata.nodeNames().size(), metadata.edges());
        int k = graph.maxDegree();
        this.neighbourIndex = manager.create(graph.paddedNeighbourIndex());
        this.maskBias =
                manager.create(graph.paddingMaskBias(), new Shape(graph.nodeCount(), k, 1, 1));
    }

    /** Untrained model with seeded initial weights for the dataset's graph and features. */
    static GnnModel initialise(GnnDataset ds, GatConfig cfg) {
        ModelMetadata meta =
                new ModelMetadata(
                        ModelMetadata.FORMAT_VERSION,
                        ModelMetadata.MODEL_TYPE,
                        ds.nodeNames(),
                        ds.featureNames(),
                        ds.normalizer().mean(),
                        ds.normalizer().std(),
                        ds.flatThreshold(),
                        ds.config().labelHorizonSteps(),
                        Stream.of(Direction.values()).map(Enum::name).toList(),
                        ds.graph().edges(),
                        cfg,
                        cfg.seed(),
                        null);
        NDManager manager = DjlEngine.newManager();
        try {
            GatNetwork net =
                    GatNetwork.initialise(manager, cfg, ds.featureNames().size(), Direction.COUNT);
            return new GnnModel(manager, net, meta);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** Model from decoded parameters (see {@link ModelStore}). Takes ownership of the manager. */
    static GnnModel restore(NDManager manager, ModelMetadata meta, NDList parameters) {
        GatNetwork net =
                GatNetwork.fromList(
                        manager,
                        meta.hyperParameters(),
                        meta.featureNames().size(),
                        meta.classNames().size(),
                        parameters);
        return new GnnModel(manager, net, meta);
    }

    public static GnnModel load(Path directory) {
        return ModelStore.load(directory);
    }

    /** Writes {@code metadata.json} and {@code parameters.ndlist} into the directory. */
    public void save(Path directory) {
        ModelStore.save(this, directory);
    }

    public ModelMetadata metadata() {
        return metadata;
    }

    /** The training report, or null if the model was never trained. */
    public TrainingReport report() {
        return metadata.report();
    }

    public int nodeCount() {
        return graph.nodeCount();
    }

    /** Predicted class per node from raw (un-normalised) features [node][feature]. */
    public int[] predictRaw(double[][] rawFeatures) {
        return predict(metadata.normalizer().apply(checkNodes(rawFeatures)));
    }

    /** Predicted class per node for an already normalised snapshot. */
    public int[] predict(Snapshot snapshot) {
        return predict(snapshot.features());
    }

    /** Predicted class per node from normalised features, row-major [node][feature]. */
    public int[] predict(float[] normalisedFeatures) {
        double[][] probs = probabilities(normalisedFeatures);
        int[] out = new int[probs.length];
        for (int n = 0; n < probs.length; n++) {
            out[n] = argmax(probs[n]);
        }
        return out;
    }

    /** Class probabilities [node][class] from normalised features, row-major [node][feature]. */
    public double[][] probabilities(float[] normalisedFeatures) {
        int width = network.featureCount();
        if (normalisedFeatures.length != graph.nodeCount() * width) {
            throw new IllegalArgumentException(
                    "wrong feature width: expected "
                            + graph.nodeCount()
                            + " nodes × "
                            + width
                            + " features = "
                            + graph.nodeCount() * width
                            + " values, got "
                            + normalisedFeatures.length);
        }
        GradMode.offOnThisThread(); // inference may run on any thread
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            float[] p = forward(List.of(normalisedFeatures)).softmax(2).toFloatArray();
            int c = network.classCount();
            double[][] out = new double[graph.nodeCount()][c];
            for (int i = 0; i < p.length; i++) {
                out[i / c][i % c] = p[i];
            }
            return out;
        }
    }

    /** Logits [node, batch, class]; call inside an NDScope. */
    NDArray forward(List<float[]> batch) {
        return network.forward(input(batch), neighbourIndex, maskBias, graph.maxDegree());
    }

    /** One forward/backward pass; returns the mean cross-entropy. Call inside an NDScope. */
    double lossAndGradients(List<Snapshot> batch) {
        NDArray target = oneHot(batch);
        try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
            NDArray logits = forward(batch.stream().map(Snapshot::features).toList());
            NDArray loss = crossEntropy(logits, target);
            collector.backward(loss);
            return loss.getFloat();
        }
    }

    /** Mean loss and predictions of a list of snapshots, evaluated in chunks without gradients. */
    Evaluation evaluate(List<Snapshot> snapshots, int chunk) {
        int nodes = graph.nodeCount();
        int[] truth = new int[snapshots.size() * nodes];
        int[] pred = new int[truth.length];
        double lossSum = 0;
        for (int from = 0; from < snapshots.size(); from += chunk) {
            List<Snapshot> batch =
                    snapshots.subList(from, Math.min(snapshots.size(), from + chunk));
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                NDArray logits = forward(batch.stream().map(Snapshot::features).toList());
                lossSum += crossEntropy(logits, oneHot(batch)).getFloat() * batch.size();
                long[] argmax = logits.argMax(2).toLongArray(); // [node, batch]
                for (int n = 0; n < nodes; n++) {
                    for (int b = 0; b < batch.size(); b++) {
                        int row = (from + b) * nodes + n;
                        pred[row] = (int) argmax[n * batch.size() + b];
                        truth[row] = batch.get(b).labels()[n];
                    }
                }
            }
        }
        return new Evaluation(lossSum / snapshots.size(), truth, pred);
    }

    record Evaluation(double loss, int[] truth, int[] predicted) {}

    private static NDArray crossEntropy(NDArray logits, NDArray oneHot) {
        Shape s = logits.getShape();
        return logits.logSoftmax(2).mul(oneHot).sum().neg().div(s.get(0) * s.get(1));
    }

    private NDArray input(List<float[]> batch) {
        int nodes = graph.nodeCount();
        int width = network.featureCount();
        int b = batch.size();
        float[] x = new float[nodes * b * width];
        for (int j = 0; j < b; j++) {
            float[] f = batch.get(j);
            for (int n = 0; n < nodes; n++) {
                System.arraycopy(f, n * width, x, (n * b + j) * width, width);
            }
        }
        return manager.create(x, new Shape(nodes, b, width));
    }

    private NDArray oneHot(List<Snapshot> batch) {
        int nodes = graph.nodeCount();
        int c = network.classCount();
        int b = batch.size();
        float[] y = new float[nodes * b * c];
        for (int j = 0; j < b; j++) {
            int[] labels = batch.get(j).labels();
            for (int n = 0; n < nodes; n++) {
                y[(n * b + j) * c + labels[n]] = 1;
            }
        }
        return manager.create(y, new Shape(nodes, b, c));
    }

    private double[][] checkNodes(double[][] rawFeatures) {
        if (rawFeatures.length != graph.nodeCount()) {
            throw new IllegalArgumentException(
                    "expected features for "
                            + graph.nodeCount()
                            + " nodes, got "
                            + rawFeatures.length);
        }
        return rawFeatures;
    }

    private static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    GatNetwork network() {
        return network;
    }

    NDManager manager() {
        return manager;
    }

    void attachReport(TrainingReport report) {
        metadata = metadata.withReport(report);
    }

    @Override
    public void close() {
        manager.close();
    }

    @Override
    public String toString() {
        return "GnnModel[nodes="
                + graph.nodeCount()
                + ", features="
                + metadata.featureNames()
                + ", config="
                + metadata.hyperParameters()
                + ", classes="
                + Arrays.toString(metadata.classNames().toArray())
                + "]";
    }
}
