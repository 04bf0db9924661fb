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
        boolean exited = up.process.waitFor(15, TimeUnit.SECONDS);
        long tookMs = (System.nanoTime() - t0) / 1_000_000;
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
