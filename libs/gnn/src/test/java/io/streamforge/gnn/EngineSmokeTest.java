package io.streamforge.gnn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

class EngineSmokeTest {
    @Test
    void ndManagerComputes() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.create(new float[] {1, 2, 3});
            assertThat(a.mul(2).sum().getFloat()).isEqualTo(12f);
            assertThat(m.getEngine().getEngineName()).isEqualTo("PyTorch");
        }
    }
}
