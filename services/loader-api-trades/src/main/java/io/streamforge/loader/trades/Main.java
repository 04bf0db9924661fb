package io.streamforge.loader.trades;

import io.streamforge.runtime.WorkerRunner;

/** {@code loader-api-trades}: configured by environment variables, see the module README. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        WorkerRunner.main(TradesLoader.SERVICE, true, TradesLoader::create);
    }
}
