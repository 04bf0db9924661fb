package io.streamforge.gnn;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;

/**
 * Robust, offline set-up of DJL's PyTorch engine.
 *
 * <p>The PyTorch natives come from the {@code pytorch-native-cpu} Maven jar; DJL only extracts them
 * into its cache directory. We therefore force {@code ai.djl.offline=true} (never download) unless
 * the caller decided otherwise, and pick a cache directory when neither the {@code DJL_CACHE_DIR}
 * environment variable nor the system property is set: {@code streamforge.djl.cache} if given, else
 * {@code ~/.streamforge/djl-cache}.
 */
public final class DjlEngine {
    public static final String ENGINE_NAME = "PyTorch";
    public static final String CACHE_PROPERTY = "streamforge.djl.cache";

    private DjlEngine() {}

    /** Applies the offline defaults (idempotent) and returns the PyTorch engine. */
    public static synchronized Engine pytorch() {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        if (System.getenv("DJL_CACHE_DIR") == null && System.getProperty("DJL_CACHE_DIR") == null) {
            String configured = System.getProperty(CACHE_PROPERTY);
            Path dir =
                    configured != null
                            ? Path.of(configured)
                            : Path.of(System.getProperty("user.home"), ".streamforge", "djl-cache");
            System.setProperty("DJL_CACHE_DIR", dir.toAbsolutePath().toString());
        }
        try {
            return Engine.getEngine(ENGINE_NAME);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new GnnException(
                    "DJL PyTorch engine could not start (offline mode; is"
                            + " ai.djl.pytorch:pytorch-native-cpu on the classpath?): "
                            + e.getMessage(),
                    e);
        }
    }

    /**
     * The device models are built and trained on: CUDA device 0 when the engine reports a GPU (the
     * loaded natives are a CUDA build and the driver sees a device), else the CPU.
     */
    public static Device device() {
        return pytorch().getGpuCount() > 0 ? Device.gpu() : Device.cpu();
    }

    /** One line for the logs: the device and why it was chosen. */
    public static String describeDevice() {
        Engine e = pytorch();
        int gpus = e.getGpuCount();
        return gpus > 0
                ? device()
                        + " ("
                        + gpus
                        + " CUDA device(s) reported by PyTorch "
                        + e.getVersion()
                        + ")"
                : device() + " (PyTorch " + e.getVersion() + " reports no CUDA device)";
    }

    /** A new root NDManager on {@link #device()}. The caller closes it. */
    public static NDManager newManager() {
        return pytorch().newBaseManager(device());
    }
}
