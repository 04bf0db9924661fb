package io.streamforge.gnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * GATv2 stack (Brody et al. 2022) on raw NDArray ops. Layer l:
 *
 * <pre>
 *   e_ij  = aᵀ LeakyReLU(W_dst h_i + W_src h_j)      for j in N(i) ∪ {i}
 *   α_ij  = softmax_j(e_ij)                           per head
 *   h_i'  = ‖_heads Σ_j α_ij W_src h_j + W_res h_i + b   (ELU; last layer: mean over heads)
 * </pre>
 *
 * {@code W [h_i ‖ h_j]} is split into W_dst and W_src (the same function). Neighbours are gathered
 * from a padded per-node table, so cost is O(nodes × maxDegree × heads × width) per snapshot.
 * Tensors are laid out [node, batch, ...] so the gather runs along axis 0.
 */
final class GatNetwork {
    private final GatConfig config;
    private final int featureCount;
    private final int classCount;
    private final Map<String, NDArray> params = new LinkedHashMap<>();

    private GatNetwork(GatConfig config, int featureCount, int classCount) {
        this.config = config;
        this.featureCount = featureCount;
        this.classCount = classCount;
    }

    /** New network with seeded Glorot-uniform weights and zero biases. */
    static GatNetwork initialise(NDManager manager, GatConfig cfg, int features, int classes) {
        GatNetwork net = new GatNetwork(cfg, features, classes);
        Random rnd = new Random(cfg.seed());
        for (Map.Entry<String, Shape> e : net.shapes().entrySet()) {
            Shape shape = e.getValue();
            float[] values = new float[(int) shape.size()];
            if (!e.getKey().endsWith("bias") && !e.getKey().endsWith("_b")) {
                double fanSum = shape.get(0) + shape.get(shape.dimension() - 1);
                double limit = Math.sqrt(6.0 / fanSum);
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) ((rnd.nextDouble() * 2 - 1) * limit);
                }
            }
            net.register(e.getKey(), manager.create(values, shape));
        }
        return net;
    }

    /** Network whose parameters are taken from a decoded NDList (names must match shapes). */
    static GatNetwork fromList(
            NDManager manager, GatConfig cfg, int features, int classes, NDList list) {
        GatNetwork net = new GatNetwork(cfg, features, classes);
        for (Map.Entry<String, Shape> e : net.shapes().entrySet()) {
            NDArray array = list.get(e.getKey());
            if (array == null || !array.getShape().equals(e.getValue())) {
                throw new GnnException(
                        "model parameters: '"
                                + e.getKey()
                                + "' missing or has shape "
                                + (array == null ? "none" : array.getShape())
                                + ", expected "
                                + e.getValue());
            }
            array.attach(manager);
            net.register(e.getKey(), array);
        }
        return net;
    }

    private void register(String name, NDArray array) {
        array.setName(name);
        array.setRequiresGradient(true);
        params.put(name, array);
    }

    /** Parameter name → shape, in a fixed order. */
    private Map<String, Shape> shapes() {
        Map<String, Shape> out = new LinkedHashMap<>();
        int in = featureCount;
        for (int l = 0; l < config.layers(); l++) {
            boolean last = l == config.layers() - 1;
            int width = last ? classCount : config.hiddenPerHead();
            int headsOut = config.heads() * width;
            int layerOut = last ? classCount : headsOut;
            out.put(name(l, "w_dst"), new Shape(in, headsOut));
            out.put(name(l, "w_dst_b"), new Shape(headsOut));
            out.put(name(l, "w_src"), new Shape(in, headsOut));
            out.put(name(l, "w_src_b"), new Shape(headsOut));
            out.put(name(l, "att"), new Shape(config.heads(), width));
            out.put(name(l, "w_res"), new Shape(in, layerOut));
            out.put(name(l, "bias"), new Shape(layerOut));
            in = layerOut;
        }
        return out;
    }

    private static String name(int layer, String what) {
        return "l" + layer + "." + what;
    }

    private NDArray p(int layer, String what) {
        return params.get(name(layer, what));
    }

    List<NDArray> parameters() {
        return List.copyOf(params.values());
    }

    /**
     * Class logits [node, batch, classes] for features x [node, batch, feature].
     *
     * @param neighbourIndex flat [node × maxDegree] long index
     * @param maskBias [node, maxDegree, 1, 1] 0 / -1e9
     */
    NDArray forward(NDArray x, NDArray neighbourIndex, NDArray maskBias, int maxDegree) {
        NDArray h = x;
        for (int l = 0; l < config.layers(); l++) {
            h = layer(l, h, neighbourIndex, maskBias, maxDegree);
        }
        return h;
    }

    private NDArray layer(int l, NDArray h, NDArray index, NDArray mask, int maxDegree) {
        boolean last = l == config.layers() - 1;
        long n = h.getShape().get(0);
        long b = h.getShape().get(1);
        int heads = config.heads();
        int width = last ? classCount : config.hiddenPerHead();
        NDArray dst = h.matMul(p(l, "w_dst")).add(p(l, "w_dst_b")).reshape(n, 1, b, heads, width);
        NDArray src = h.matMul(p(l, "w_src")).add(p(l, "w_src_b")).reshape(n, b, heads, width);
        NDArray srcN = src.get(new NDIndex("{}", index)).reshape(n, maxDegree, b, heads, width);
        NDArray scores =
                Activation.leakyRelu(dst.add(srcN), 0.2f).mul(p(l, "att")).sum(new int[] {4});
        NDArray alpha = scores.add(mask).softmax(1); // [n, k, b, heads]
        NDArray agg = alpha.expandDims(4).mul(srcN).sum(new int[] {1}); // [n, b, heads, width]
        NDArray merged = last ? agg.mean(new int[] {2}) : agg.reshape(n, b, (long) heads * width);
        NDArray out = merged.add(h.matMul(p(l, "w_res"))).add(p(l, "bias"));
        return last ? out : Activation.elu(out, 1f);
    }

    /** Copies of all parameter values (for early-stopping checkpoints). */
    float[][] copyValues() {
        return params.values().stream().map(NDArray::toFloatArray).toArray(float[][]::new);
    }

    void restoreValues(float[][] values) {
        int i = 0;
        for (NDArray array : params.values()) {
            array.set(values[i++]);
        }
    }

    /** Named copies for serialisation; attached to {@code manager}. */
    NDList toList(NDManager manager) {
        NDList list = new NDList();
        for (Map.Entry<String, NDArray> e : params.entrySet()) {
            NDArray copy = manager.create(e.getValue().toFloatArray(), e.getValue().getShape());
            copy.setName(e.getKey());
            list.add(copy);
        }
        return list;
    }

    GatConfig config() {
        return config;
    }

    int featureCount() {
        return featureCount;
    }

    int classCount() {
        return classCount;
    }
}
