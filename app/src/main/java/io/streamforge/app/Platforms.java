package io.streamforge.app;

import io.streamforge.gnntrainer.GnnTrainerWorker;
import io.streamforge.runtime.Worker;
import java.util.List;
import java.util.Locale;

/**
 * Where the packaged app runs (ADR 2801). PostgreSQL binaries are bundled for every platform in
 * {@link #POSTGRES}; PyTorch natives (GNN training) for linux-x86_64 only: elsewhere the
 * gnn-trainer step fails at once with {@link #gnnUnsupported} instead of a native-library error.
 */
public final class Platforms {
    /** OS and architecture as zonky names them ({@code Linux|Darwin}, {@code x86_64|aarch64}). */
    public record Platform(String os, String arch) {
        @Override
        public String toString() {
            return os.toLowerCase(Locale.ROOT) + "-" + arch;
        }
    }

    /** The platforms whose PostgreSQL binaries the app bundles. */
    public static final List<Platform> POSTGRES =
            List.of(
                    new Platform("Linux", "x86_64"),
                    new Platform("Linux", "aarch64"),
                    new Platform("Darwin", "x86_64"),
                    new Platform("Darwin", "aarch64"));

    /** The one platform whose PyTorch CPU natives the app bundles. */
    public static final Platform GNN = new Platform("Linux", "x86_64");

    private Platforms() {}

    /** This JVM's platform. */
    public static Platform current() {
        String os = System.getProperty("os.name", "");
        String arch = System.getProperty("os.arch", "");
        return new Platform(
                os.startsWith("Mac") ? "Darwin" : os,
                arch.equals("amd64") ? "x86_64" : arch.equals("arm64") ? "aarch64" : arch);
    }

    public static String gnnUnsupported(Platform p) {
        return "GNN training needs linux-x86_64: the app bundles PyTorch natives for it only, and"
                + " this machine is "
                + p
                + "; run the other steps (demo --no-analytics) or train on linux-x86_64";
    }

    /** The gnn-trainer worker, or on another platform one that fails with the clear message. */
    public static Worker.Factory gnnTrainer(Platform p) {
        if (p.equals(GNN)) {
            return GnnTrainerWorker::create;
        }
        return (reader, common) ->
                ctx -> {
                    throw new IllegalStateException(gnnUnsupported(p));
                };
    }
}
