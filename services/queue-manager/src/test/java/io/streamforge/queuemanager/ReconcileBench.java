package io.streamforge.queuemanager;

import io.streamforge.domain.port.JobLauncher;
import io.streamforge.domain.port.QueueStore;
import io.streamforge.domain.port.TimeSource;
import io.streamforge.domain.queue.JobSpec;
import io.streamforge.domain.queue.QueueRecord;
import io.streamforge.domain.queue.QueueStatus;
import io.streamforge.domain.queue.StepStatus;
import io.streamforge.embedded.EmbeddedPostgresServer;
import io.streamforge.store.postgres.PostgresStores;
import io.streamforge.testkit.Fixtures;
import java.util.Arrays;

/**
 * Benchmark (not a test): the cost of one reconcile tick with {@code FINISHED} finished queues and
 * {@code RUNNING} running ones in a real (embedded) PostgreSQL store. Prints one {@code bench}
 * line; see docs/benchmarks.md for the command.
 */
public final class ReconcileBench {
    private static final int FINISHED = 10_000;
    private static final int RUNNING = 5;
    private static final int TICKS = 300;

    private ReconcileBench() {}

    public static void main(String[] args) throws Exception {
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start();
                PostgresStores stores =
                        PostgresStores.open(pg.jdbcUrl(), pg.user(), pg.password())) {
            QueueStore store = stores.queues();
            long t0 = Fixtures.T0_US;
            for (int i = 0; i < FINISHED + RUNNING; i++) {
                String id = "q-" + i;
                QueueRecord q = Fixtures.queue(id, t0 + i);
                store.create(q);
                boolean done = i < FINISHED;
                for (var s : q.steps()) {
                    store.claimLaunch(id, s.telemetryId(), 1, t0 + i);
                    store.markLaunched(id, s.telemetryId(), 1, t0 + i);
                    if (done) {
                        store.updateStep(id, s.telemetryId(), StepStatus.FINISHED, 10, "", t0 + i);
                    }
                }
                store.updateQueue(id, done ? QueueStatus.FINISHED : QueueStatus.RUNNING, t0 + i);
            }
            try (var c = pg.dataSource().getConnection();
                    var st = c.createStatement()) {
                st.execute("ANALYZE"); // statistics, as autovacuum keeps them in a live database
            }
            Orchestrator orch =
                    new Orchestrator(
                            store,
                            new AlwaysRunning(),
                            new NoMessaging(),
                            TimeSource.system(),
                            e -> {},
                            30_000);
            long[] ns = new long[TICKS];
            for (int i = 0; i < 50; i++) {
                orch.reconcile(); // warm-up: JIT, connection pool, plan cache
            }
            for (int i = 0; i < TICKS; i++) {
                long start = System.nanoTime();
                orch.reconcile();
                ns[i] = System.nanoTime() - start;
            }
            Arrays.sort(ns);
            long listStart = System.nanoTime();
            int all = store.list().size();
            long listNs = System.nanoTime() - listStart;
            System.out.printf(
                    "bench reconcile: %,d finished + %d running queues (2 steps each), %d ticks:"
                            + " p50 %.2f ms, p99 %.2f ms per tick (the old full reload: list() of"
                            + " %,d queues %.1f ms)%n",
                    FINISHED,
                    RUNNING,
                    TICKS,
                    ns[TICKS / 2] / 1e6,
                    ns[TICKS * 99 / 100] / 1e6,
                    all,
                    listNs / 1e6);
        }
    }

    private static final class AlwaysRunning implements JobLauncher {
        @Override
        public void launch(JobSpec spec) {}

        @Override
        public void delete(String jobName) {}

        @Override
        public boolean isRunning(String jobName) {
            return true;
        }
    }

    private static final class NoMessaging implements Orchestrator.Messaging {
        @Override
        public void sendStop(String queueId) {}

        @Override
        public void sendStart(String queueId) {}

        @Override
        public void createDataTopic(String topic) {}
    }
}
