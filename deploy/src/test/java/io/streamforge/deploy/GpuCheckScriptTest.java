package io.streamforge.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deploy/gpu-check.sh} stops clearly (exit 2, a message naming the cause, nothing built)
 * when there is no GPU or no CUDA libtorch. There is no GPU here, so the training path itself is
 * not run by the tests; {@code nvidia-smi} answers come from small stand-in scripts given by {@code
 * NVIDIA_SMI}.
 */
class GpuCheckScriptTest {
    private static final Path SCRIPT = Tools.deployDir().resolve("gpu-check.sh");
    @TempDir Path tmp;

    private Tools.Result run(String... env) {
        List<String> cmd = new java.util.ArrayList<>(List.of("env", "-u", "PYTORCH_LIBRARY_PATH"));
        cmd.addAll(List.of(env));
        cmd.addAll(List.of("bash", SCRIPT.toString()));
        return Tools.run(tmp, null, cmd);
    }

    private Path smi(String output) throws IOException {
        Path f = tmp.resolve("nvidia-smi-" + output.length());
        Files.writeString(f, "#!/bin/sh\nprintf '%s' '" + output + "'\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwx------"));
        return f;
    }

    @Test
    void noDriverMeansNoGpuAndExit2() {
        Tools.Result r = run("NVIDIA_SMI=" + tmp.resolve("missing"));
        assertThat(r.exitCode()).as(r.all()).isEqualTo(2);
        assertThat(r.stderr()).contains("gpu-check: no NVIDIA GPU here", "not found");
    }

    @Test
    void aDriverThatListsNoGpuIsNamed() throws IOException {
        Tools.Result r = run("NVIDIA_SMI=" + smi(""));
        assertThat(r.exitCode()).as(r.all()).isEqualTo(2);
        assertThat(r.stderr()).contains("lists none");
    }

    @Test
    void aGpuWithoutCudaLibtorchAsksForIt() throws IOException {
        Tools.Result r = run("NVIDIA_SMI=" + smi("NVIDIA H100, 550.54, 81559 MiB"));
        assertThat(r.exitCode()).as(r.all()).isEqualTo(2);
        assertThat(r.stdout()).contains("GPU(s): NVIDIA H100");
        assertThat(r.stderr()).contains("set PYTORCH_LIBRARY_PATH");
        Tools.Result bad =
                run(
                        "NVIDIA_SMI=" + smi("NVIDIA H100, 550.54, 81559 MiB"),
                        "PYTORCH_LIBRARY_PATH=" + tmp.resolve("nope"));
        assertThat(bad.stderr()).contains("is not a folder");
        assertThat(run("NODES=many").stderr()).contains("NODES and EPOCHS must be whole numbers");
    }
}
