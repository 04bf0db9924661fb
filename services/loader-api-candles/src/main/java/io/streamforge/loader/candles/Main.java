package io.streamforge.loader.candles;

import io.streamforge.runtime.WorkerRunner;

/** {@code loader-api-candles}: configured by environment variables, see the module README. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        WorkerRunner.main(CandlesLoader.SERVICE, true, CandlesLoader::create);
    }
}
