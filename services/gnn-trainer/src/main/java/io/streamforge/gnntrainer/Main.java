package io.streamforge.gnntrainer;

import io.streamforge.gnn.DjlEngine;
import io.streamforge.runtime.WorkerRunner;
import java.nio.file.Path;

/** {@code gnn-trainer}: configured by environment variables, see the module README. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        defaultDjlCache();
        WorkerRunner.main(GnnTrainerWorker.SERVICE, true, GnnTrainerWorker::create);
    }

    /**
     * DJL extracts the PyTorch natives from the jar into its cache folder. In the container the
     * home folder is read-only, so unless DJL_CACHE_DIR (env or property) or {@code
     * streamforge.djl.cache} is set, the cache goes to {@code java.io.tmpdir} (a writable emptyDir
     * in the Helm chart).
     */
    static void defaultDjlCache() {
        if (System.getenv("DJL_CACHE_DIR") == null
                && System.getProperty("DJL_CACHE_DIR") == null
                && System.getProperty(DjlEngine.CACHE_PROPERTY) == null) {
            System.setProperty(
                    DjlEngine.CACHE_PROPERTY,
                    Path.of(System.getProperty("java.io.tmpdir"), "streamforge-djl-cache")
                            .toString());
        }
    }
}
