package io.streamforge.app;

import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import io.streamforge.kafka.TelemetryEvent;
import io.streamforge.runtime.auth.OidcSettings;
import io.streamforge.sim.SimConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Test helpers around a real local platform (Kafka, PostgreSQL, simulator, queue-manager). */
public final class PlatformFixture {
    /** The data folders this fixture created; deleted when the test JVM exits (≈ 0.4 GB each). */
    private static final java.util.Set<Path> CREATED =
            java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> CREATED.forEach(PlatformFixture::deleteQuietly),
                                "platform-fixture-cleanup"));
    }

    private PlatformFixture() {}

    private static Path tempDir(String prefix) throws java.io.IOException {
        Path dir = Files.createTempDirectory(prefix);
        CREATED.add(dir);
        return dir;
    }

    private static void deleteQuietly(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            // best effort at exit: a folder a still-running server holds stays behind
        }
    }

    public static LocalPlatform start(SimConfig sim, Map<String, String> extraEnv)
            throws Exception {
        Path dir = tempDir("sf-it-");
        return new LocalPlatform(
                new LocalPlatform.Options(dir, 0, null, sim.withPort(0), extraEnv), m -> {});
    }

    /** A platform on the secured broker and database ({@link LocalPlatform.Secured}). */
    public static LocalPlatform startSecured(
            SimConfig sim, Map<String, String> extraEnv, LocalPlatform.Secured secured)
            throws Exception {
        return startSecured(sim, extraEnv, secured, OidcSettings.DISABLED);
    }

    /** Secured infrastructure, and the API and the UI requiring tokens of {@code oidc}'s issuer. */
    public static LocalPlatform startSecured(
            SimConfig sim,
            Map<String, String> extraEnv,
            LocalPlatform.Secured secured,
            OidcSettings oidc)
            throws Exception {
        Path dir = tempDir("sf-it-secured-");
        return new LocalPlatform(
                new LocalPlatform.Options(dir, 0, null, sim.withPort(0), extraEnv, 0, secured)
                        .withOidc(oidc),
                m -> {});
    }

    public static String pipeline(List<Symbol> symbols, String range) {
        return DemoCommand.pipelineJson(symbols, range, "1m");
    }

    /**
     * Polls the API until the queue is terminal (or the timeout passes) and returns its final JSON.
     */
    public static com.fasterxml.jackson.databind.JsonNode awaitEnd(
            ApiClient api, String queueId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            var q = api.get("/queues/" + queueId).body();
            String st = q.get("status").asText();
            if (!st.equals("pending") && !st.equals("running")) {
                return q;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("queue " + queueId + " did not end within " + timeout);
    }

    /** All telemetry events of a queue currently on queue-events. */
    public static List<TelemetryEvent> events(LocalPlatform p, String queueId) {
        return TelemetryLog.read(p.adminKafka(), queueId);
    }

    static TimeRange range(String days) {
        return TimeRange.parseDays(days);
    }

    static final Interval M1 = Interval.M1;
}
