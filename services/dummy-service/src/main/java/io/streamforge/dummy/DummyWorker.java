package io.streamforge.dummy;

import io.streamforge.runtime.ConfigReader;
import io.streamforge.runtime.Worker;
import io.streamforge.runtime.WorkerConfig;
import io.streamforge.runtime.WorkerContext;

/**
 * The protocol test double: simulates {@code SIMULATE_RECORDS} records of work at {@code
 * SIMULATE_MS_PER_RECORD}, answers ping with pong (done by the skeleton), obeys stop, and fails on
 * demand after {@code SIMULATE_FAIL_AFTER} records. With {@code SIMULATE_RECORDS=-1} it runs until
 * stopped.
 */
public final class DummyWorker implements Worker {
    public static final String SERVICE = "dummy-service";

    record Settings(long records, long msPerRecord, long failAfter) {}

    private final Settings settings;

    DummyWorker(Settings settings) {
        this.settings = settings;
    }

    public static Worker create(ConfigReader r, WorkerConfig common) {
        return new DummyWorker(
                new Settings(
                        r.parsed("SIMULATE_RECORDS", Long::valueOf, 100L),
                        r.parsed("SIMULATE_MS_PER_RECORD", Long::valueOf, 10L),
                        r.parsed("SIMULATE_FAIL_AFTER", Long::valueOf, -1L)));
    }

    @Override
    public long run(WorkerContext ctx) throws Exception {
        long done = 0;
        while (settings.records() < 0 || done < settings.records()) {
            if (settings.failAfter() >= 0 && done >= settings.failAfter()) {
                throw new IllegalStateException("simulated failure after " + done + " records");
            }
            if (ctx.stop().await(settings.msPerRecord())) {
                return done;
            }
            done++;
            if (done % 100 == 0) {
                ctx.telemetry().send("loading", "simulated " + done, done);
            }
        }
        return done;
    }
}
