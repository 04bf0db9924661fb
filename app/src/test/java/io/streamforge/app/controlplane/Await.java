package io.streamforge.app.controlplane;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamforge.app.ApiClient;
import io.streamforge.app.LocalPlatform;
import io.streamforge.sim.SimConfig;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Small helpers of the control-plane tests: a local platform, polling with a deadline. */
final class Await {
    static final Duration LONG = Duration.ofMinutes(3);
    private static final java.util.Set<String> TERMINAL =
            java.util.Set.of("finished", "failed", "interrupted");

    private Await() {}

    static LocalPlatform platform(SimConfig sim) throws Exception {
        return new LocalPlatform(
                new LocalPlatform.Options(
                        Files.createTempDirectory("sf-cp-"), 0, null, sim.withPort(0), Map.of()),
                m -> {});
    }

    /** Polls until {@code condition} holds; fails naming {@code what} after {@code timeout}. */
    static void until(BooleanSupplier condition, Duration timeout, String what)
            throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            Thread.sleep(100);
        }
    }

    /** The queue's JSON once its status is {@code status}; fails at once on another end state. */
    static JsonNode status(ApiClient api, String queueId, String status, Duration timeout)
            throws InterruptedException {
        JsonNode[] last = new JsonNode[1];
        until(
                () -> {
                    last[0] = api.get("/queues/" + queueId).body();
                    String now = last[0].path("status").asText();
                    if (!now.equals(status) && TERMINAL.contains(now)) {
                        throw new AssertionError(
                                "queue " + queueId + " ended " + now + ": " + last[0]);
                    }
                    return status.equals(now);
                },
                timeout,
                "queue " + queueId + " " + status);
        return last[0];
    }
}
