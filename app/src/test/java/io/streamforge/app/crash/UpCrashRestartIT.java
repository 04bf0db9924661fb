package io.streamforge.app.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamforge.app.ApiClient;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import io.streamforge.embedded.EmbeddedPostgresServer;
import io.streamforge.store.postgres.PostgresStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Crash and restart with real processes: the real {@code up} main in a child JVM runs a 5-symbol
 * candles pipeline and is killed with SIGKILL ({@link Process#destroyForcibly}, the JVM only); its
 * PostgreSQL must not survive it (the watchdog), and {@code up} again on the same folder is ready
 * within 30 s (Kafka recovers its unclean logs, S3Proxy and PostgreSQL reuse their folders) with
 * the crashed queue ended {@code interrupted}. Then the JVM and its watchdog are killed together,
 * so PostgreSQL is left running: the next {@code up} stops that orphan (one log line) and starts
 * clean. After a clean stop (SIGTERM) no {@code postgres} process of the folder is left.
 */
class UpCrashRestartIT {
    private static final Duration READY = Duration.ofSeconds(30);
    private static final Duration FIRST_START = Duration.ofSeconds(120);
    private static final Duration LOADING = Duration.ofSeconds(120);

    /** After the crashed pipeline's range, so its rows are the small pipeline's alone. */
    private static final String SMALL_DAY = "2024-07-01";

    private static final Set<String> TERMINAL = Set.of("finished", "failed", "interrupted");
    private final List<UpJvm> started = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        started.forEach(UpJvm::destroy);
    }

    @Test
    void upKilledWithSigkillRestartsOnTheSameFolderAndLeavesNoOrphanPostgres() throws Exception {
        Path dir = Files.createTempDirectory("sf-crash-");
        UpJvm first = up(dir, "crash-1");
        first.awaitReady(FIRST_START); // the first start extracts the binaries, runs initdb
        String crashed =
                first.startLoading(UpJvm.candlesPipeline("2023-01-01:2024-06-30"), LOADING);
        ProcessHandle pg1 = UpJvm.postmaster(dir).orElseThrow();

        first.process.destroyForcibly(); // SIGKILL, the JVM only
        assertThat(first.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(pg1.onExit().get(30, TimeUnit.SECONDS).isAlive())
                .as("PostgreSQL does not outlive its JVM (watchdog)")
                .isFalse();

        UpJvm second = up(dir, "crash-2");
        awaitRestart(second);
        JsonNode q = second.api().get("/queues/" + crashed).body();
        assertThat(q.get("status").asText()).isEqualTo("interrupted");
        assertThat(q.get("steps").findValuesAsText("message"))
                .allSatisfy(m -> assertThat(m).contains("without a clean shutdown"));
        String after =
                second.api()
                        .post("/queues/start-pipeline", small())
                        .body()
                        .get("queue_id")
                        .asText();
        assertThat(awaitEnd(second.api(), after)).isEqualTo("finished");
        assertThat(second.output())
                .as("the telemetry consumer joins no group (ADR 2201 addendum): nothing to evict")
                .doesNotContain("member(s) a crashed run left");

        ProcessHandle pg2 = UpJvm.postmaster(dir).orElseThrow();
        List<ProcessHandle> watchdog = second.process.descendants().toList();
        assertThat(watchdog).as("the watchdog runs as a child of the JVM").isNotEmpty();
        watchdog.forEach(ProcessHandle::destroyForcibly);
        second.process.destroyForcibly();
        assertThat(second.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(pg2.isAlive()).as("without its watchdog PostgreSQL is orphaned").isTrue();

        UpJvm third = up(dir, "crash-3");
        awaitRestart(third);
        assertThat(pg2.isAlive()).as("the orphan was stopped").isFalse();
        assertThat(third.output())
                .containsOnlyOnce("by a crashed run; stopping it and starting clean");
        for (JsonNode each : third.api().get("/queues").body()) {
            assertThat(each.get("status").asText()).isIn(TERMINAL);
        }

        third.process.destroy(); // SIGTERM: a clean stop
        assertThat(third.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(third.process.exitValue()).isZero();
        assertThat(UpJvm.postgresProcesses(dir)).as("no postgres left for " + dir).isEmpty();

        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(dir.resolve("postgres"));
                PostgresStores stores =
                        PostgresStores.open(pg.jdbcUrl(), pg.user(), pg.password())) {
            TimeRange day = TimeRange.parseDays(SMALL_DAY + ":" + SMALL_DAY);
            assertThat(stores.marketData().candles(Symbol.of("BTCUSDT"), Interval.M1, day))
                    .as("the pipeline run after the crash stored its day")
                    .hasSize(1440);
        }
    }

    /** Ready within 30 s (scaled by how much the cores are shared, see UpJvm.readyBound). */
    private static void awaitRestart(UpJvm up) throws Exception {
        Duration bound = UpJvm.readyBound(READY);
        Duration took = up.awaitReady(bound);
        System.out.printf(
                "restart ready in %.1f s (bound %d s; 30 s on an idle machine)%n",
                took.toMillis() / 1e3, bound.toSeconds());
    }

    private UpJvm up(Path dir, String name) throws Exception {
        UpJvm u = UpJvm.start(dir, name);
        started.add(u);
        return u;
    }

    private static String small() {
        return "{\"symbols\":[\"BTCUSDT\"],\"time_range\":\""
                + SMALL_DAY
                + ":"
                + SMALL_DAY
                + "\","
                + "\"microservices\":[{\"target\":\"loader-api-candles\",\"type\":\"candles\","
                + "\"interval\":\"1m\"},{\"target\":\"arango-connector\"}]}";
    }

    private static String awaitEnd(ApiClient api, String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            String status = api.get("/queues/" + id).body().get("status").asText();
            if (TERMINAL.contains(status)) {
                return status;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("queue " + id + " did not end");
    }
}
