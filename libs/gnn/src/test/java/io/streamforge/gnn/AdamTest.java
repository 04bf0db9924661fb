package io.streamforge.gnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * AdamW on hand-worked numbers. With a constant gradient g the bias-corrected moments are exactly g
 * and g², so every step moves a parameter by {@code lr·g/(|g|+ε)} after the decoupled decay {@code
 * p·lr·wd}.
 */
class AdamTest {
    private static void gradient(NDManager m, NDArray p, float[] g) {
        try (GradientCollector collector = m.getEngine().newGradientCollector()) {
            collector.backward(p.mul(m.create(g)).sum());
        }
    }

    @Test
    void twoStepsWithAConstantGradientMoveByTheLearningRateAfterTheDecay() {
        try (NDManager m = DjlEngine.newManager()) {
            NDArray p = m.create(new float[] {1f, -2f, 3f});
            p.setRequiresGradient(true);
            Adam adam = new Adam(m, List.of(p), 0.1, 0.01);
            float[] g = {0.5f, -4f, 0f};

            gradient(m, p, g);
            adam.step();
            float[] once = p.toFloatArray();
            assertThat(once[0]).isCloseTo(1f - 0.001f - 0.1f, within(1e-6f));
            assertThat(once[1]).isCloseTo(-2f + 0.002f + 0.1f, within(1e-6f));
            // a zero gradient only decays
            assertThat(once[2]).isCloseTo(3f - 0.003f, within(1e-6f));
            assertThat(p.getGradient().toFloatArray()).containsExactly(0f, 0f, 0f);

            gradient(m, p, g);
            adam.step();
            float[] twice = p.toFloatArray();
            assertThat(twice[0]).isCloseTo(0.899f * (1 - 0.001f) - 0.1f, within(1e-6f));
            assertThat(twice[1]).isCloseTo(-1.898f * (1 - 0.001f) + 0.1f, within(1e-6f));
            assertThat(twice[2]).isCloseTo(2.997f * (1 - 0.001f), within(1e-6f));
        }
    }

    @Test
    void withoutWeightDecayAReversedGradientIsDampedByTheMomentum() {
        try (NDManager m = DjlEngine.newManager()) {
            NDArray p = m.create(new float[] {0f});
            p.setRequiresGradient(true);
            Adam adam = new Adam(m, List.of(p), 0.01, 0);
            gradient(m, p, new float[] {1f});
            adam.step();
            assertThat(p.toFloatArray()[0]).isCloseTo(-0.01f, within(1e-7f));

            gradient(m, p, new float[] {-1f});
            adam.step();
            // m = 0.9·0.1 − 0.1 = −0.01, m̂ = −0.01/0.19; v̂ = 1: the step is 0.01·0.01/0.19
            double expected = -0.01 + 0.01 * (0.01 / 0.19);
            assertThat((double) p.toFloatArray()[0]).isCloseTo(expected, within(1e-7));
        }
    }
}
