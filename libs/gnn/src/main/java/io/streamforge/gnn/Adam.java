package io.streamforge.gnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;

/**
 * Adam with decoupled weight decay (AdamW), updating parameters in place and zeroing their
 * gradients. Hand-written (≈ 20 lines) so that optimiser state lives in our manager and every
 * temporary can be released by an {@link ai.djl.ndarray.NDScope} around {@link #step()}.
 */
final class Adam {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPS = 1e-8;

    private final List<NDArray> params;
    private final List<NDArray> means = new ArrayList<>();
    private final List<NDArray> variances = new ArrayList<>();
    private final double learningRate;
    private final double weightDecay;
    private int step;

    Adam(NDManager manager, List<NDArray> params, double learningRate, double weightDecay) {
        this.params = params;
        this.learningRate = learningRate;
        this.weightDecay = weightDecay;
        for (NDArray p : params) {
            means.add(manager.zeros(p.getShape()));
            variances.add(manager.zeros(p.getShape()));
        }
    }

    void step() {
        step++;
        double bc1 = 1 - Math.pow(BETA1, step);
        double bc2 = 1 - Math.pow(BETA2, step);
        for (int i = 0; i < params.size(); i++) {
            NDArray p = params.get(i);
            NDArray g = p.getGradient();
            means.get(i).muli(BETA1).addi(g.mul(1 - BETA1));
            variances.get(i).muli(BETA2).addi(g.square().muli(1 - BETA2));
            NDArray denom = variances.get(i).div(bc2).sqrt().addi(EPS);
            NDArray update = means.get(i).div(bc1).divi(denom).muli(learningRate);
            if (weightDecay > 0) {
                p.subi(p.mul(learningRate * weightDecay));
            }
            p.subi(update);
            g.subi(g);
        }
    }
}
