package io.streamforge.app.crash;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamforge.domain.queue.QueueRecord;
import io.streamforge.domain.queue.QueueStatus;
import io.streamforge.domain.queue.StepRecord;
import io.streamforge.domain.queue.StepStatus;
import io.streamforge.embedded.EmbeddedPostgresServer;
import io.streamforge.store.postgres.PostgresStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM to the real {@code up} main (child JVM) in the middle of a 5-symbol candles pipeline: it
 * stops in order and exits 0 within 15 s; the queue ends {@code interrupted} with the reason {@code
 * platform stopped} (read back from its PostgreSQL afterwards), and no {@code postgres} of the
 * folder is left.
 */
class GracefulStopIT {
    private UpJvm up;

    @AfterEach
    void killLeftovers() {
        if (up != null) {
            up.destroy();
        }
    }

    /**
     * Posts a small pipeline every 50 ms until the API is gone (or the deadline); returns the
     * statuses (201 before the stop began, 503 while it runs).
     */
    private List<Integer> askForNewWorkUntilGone(long deadlineNs) throws InterruptedException {
        List<Integer> answers = new ArrayList<>();
        String small = UpJvm.candlesPipeline("2024-07-01:2024-07-01");
        while (up.process.isAlive() && System.nanoTime() < deadlineNs) {
            try {
                var a = up.api().post("/queues/start-pipeline", small);
                answers.add(a.status());
                if (a.status() == 503) {
                    assertThat(a.body().get("detail").asText()).contains("platform stopped");
                }
            } catch (IllegalStateException e) {
                break; // connection refused: the API has closed
            }
            Thread.sleep(50);
        }
        return answers;
    }

    @Test
    void sigtermMidPipelineExitsZeroWithin15sAndTheQueueEndsInterrupted() throws Exception {
        Path dir = Files.createTempDirectory("sf-stop-");
        up = UpJvm.start(dir, "graceful");
        up.awaitReady(Duration.ofSeconds(120));
        String id =
                up.startLoading(
                        UpJvm.candlesPipeline("2023-01-01:2024-06-30"), Duration.ofSeconds(120));

        long t0 = System.nanoTime();
        up.process.destroy(); // SIGTERM
        List<Integer> answers = askForNewWorkUntilGone(t0 + TimeUnit.SECONDS.toNanos(15));
        boolean exited =
                up.process.waitFor(
                        Math.max(1, t0 + TimeUnit.SECONDS.toNanos(15) - System.nanoTime()),
                        TimeUnit.NANOSECONDS);
        long tookMs = (System.nanoTime() - t0) / 1_000_000;
        assertThat(answers).as("new pipelines while stopping").contains(503);
        assertThat(answers.subList(answers.indexOf(503), answers.size()))
                .as("nothing accepted once refused")
                .containsOnly(503);
        assertThat(exited).as("exited within 15 s:\n" + up.output()).isTrue();
        assertThat(up.process.exitValue()).isZero();
        System.out.printf("up stopped in %d ms after SIGTERM%n", tookMs);
        assertThat(up.output()).contains("» stopped in");
        assertThat(UpJvm.postgresProcesses(dir)).isEmpty();

        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(dir.resolve("postgres"));
                PostgresStores stores =
                        PostgresStores.open(pg.jdbcUrl(), pg.user(), pg.password())) {
            QueueRecord q = stores.queues().find(id).orElseThrow();
            assertThat(q.status()).isEqualTo(QueueStatus.INTERRUPTED);
            assertThat(q.steps()).isNotEmpty();
            for (StepRecord s : q.steps()) {
                assertThat(s.status()).isEqualTo(StepStatus.INTERRUPTED);
                assertThat(s.message()).isEqualTo("platform stopped");
            }
        }
    }
}
