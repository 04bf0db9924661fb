package io.streamforge.loader.ws;

import io.streamforge.runtime.WorkerRunner;

/** {@code loader-ws}: configured by environment variables, see the module README. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        WorkerRunner.main(WsLoaderWorker.SERVICE, true, WsLoaderWorker::create);
    }
}
