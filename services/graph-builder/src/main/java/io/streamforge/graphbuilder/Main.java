package io.streamforge.graphbuilder;

import io.streamforge.runtime.WorkerRunner;

/** {@code graph-builder}: configured by environment variables, see the module README. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        WorkerRunner.main(GraphBuilderWorker.SERVICE, true, GraphBuilderWorker::create);
    }
}
