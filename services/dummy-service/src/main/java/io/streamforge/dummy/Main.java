package io.streamforge.dummy;

import io.streamforge.runtime.WorkerRunner;

/** {@code dummy-service}: the protocol test double. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        WorkerRunner.main(DummyWorker.SERVICE, false, DummyWorker::create);
    }
}
