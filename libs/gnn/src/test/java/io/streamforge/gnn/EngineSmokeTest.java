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

    /**
     * Managers live on the chosen device, and the choice follows what the engine reports: the GPU
     * when PyTorch sees a CUDA device, else the CPU (always the CPU with the pytorch-native-cpu
     * natives of the build; on a CUDA build with a GPU the same assertions hold for the GPU).
     */
    @Test
    void theDeviceIsTheGpuExactlyWhenTheEngineReportsOne() {
        boolean gpu = DjlEngine.pytorch().getGpuCount() > 0;
        assertThat(DjlEngine.device().isGpu()).isEqualTo(gpu);
        assertThat(DjlEngine.describeDevice())
                .startsWith(DjlEngine.device().toString())
                .contains(gpu ? "CUDA device(s) reported" : "reports no CUDA device");
        try (NDManager m = DjlEngine.newManager()) {
            assertThat(m.getDevice()).isEqualTo(DjlEngine.device());
            assertThat(m.create(new float[] {1, 2}).getDevice()).isEqualTo(DjlEngine.device());
        }
    }
}
