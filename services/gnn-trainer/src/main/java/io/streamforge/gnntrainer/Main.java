package io.streamforge.gnntrainer;

import io.streamforge.runtime.WorkerRunner;

/** {@code gnn-trainer}: configured by environment variables, see the module README. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        WorkerRunner.main(GnnTrainerWorker.SERVICE, true, GnnTrainerWorker::create);
    }
}
