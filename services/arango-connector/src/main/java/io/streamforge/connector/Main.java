package io.streamforge.connector;

import io.streamforge.runtime.WorkerRunner;

/** {@code arango-connector}: configured by environment variables, see the module README. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        WorkerRunner.main(ConnectorWorker.SERVICE, false, ConnectorWorker::create);
    }
}
