package io.streamforge.queuemanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamforge.domain.Symbol;
import io.streamforge.domain.queue.JobSpec;
import io.streamforge.domain.queue.LaunchState;
import io.streamforge.domain.queue.QueueRecord;
import io.streamforge.domain.queue.QueueStatus;
import io.streamforge.domain.queue.StepRecord;
import io.streamforge.domain.queue.StepStatus;
import io.streamforge.kafka.TelemetryEvent;
import io.streamforge.testkit.InMemoryQueueStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Orchestration logic against the honest in-memory queue store and the tests' {@link
 * RecordingJobLauncher}.
 */
class OrchestratorTest {
    final InMemoryQueueStore store = new InMemoryQueueStore();
    final RecordingJobLauncher launcher = new RecordingJobLauncher();
    final List<String> stops = new ArrayList<>();
    final AtomicLong now = new AtomicLong(1_000_000);
    Orchestrator orch;
    Orchestrator.Messaging messaging;

    @BeforeEach
    void setUp() {
        messaging =
                new Orchestrator.Messaging() {
                    @Override
                    public void sendStop(String queueId) {
                        stops.add(queueId);
                    }

                    @Override
                    public void sendStart(String queueId) {
                        stops.add("start " + queueId);
                    }

                    @Override
                    public void createDataTopic(String topic) {}
                };
        orch = new Orchestrator(store, launcher, messaging, now::get, e -> {}, 5_000);
    }

    QueueRecord start(String steps) {
        String json =
                "{\"symbols\":[\"BTCUSDT\",\"ETHUSDT\"],\"time_range\":\"2024-01-01:2024-01-02\",\"microservices\":["
                        + steps
                        + "]}";
        PipelineRequest req =
                PipelineRequest.parse(json.getBytes(StandardCharsets.UTF_8), s -> true);
        var planner = new PipelinePlanner(now::get, () -> "abc123", Map.of());
        return orch.start(planner.plan(req, json));
    }

    void event(QueueRecord q, String target, String status) {
        event(q, target, status, null);
    }

    void event(QueueRecord q, String target, String status, Map<String, Object> extra) {
        StepRecord s =
                q.steps().stream().filter(x -> x.target().equals(target)).findFirst().orElseThrow();
        now.addAndGet(1000);
        orch.onTelemetry(
                new TelemetryEvent(
                        1,
                        q.queueId(),
                        s.telemetryId(),
                        target,
                        null,
                        s.type(),
                        status,
                        "",
                        5,
                        status.equals("finished"),
                        now.get(),
                        null,
                        extra));
    }

    QueueRecord reload(QueueRecord q) {
        return store.find(q.queueId()).orElseThrow();
    }

    @Test
    void stepsRunInDependencyOrderAndTheQueueFinishes() {
        QueueRecord q =
                start(
                        "{\"target\":\"loader-api-candles\"},{\"target\":\"arango-connector\"},"
                                + "{\"target\":\"graph-builder\"},{\"target\":\"gnn-trainer\"}");
        assertThat(q.queueId()).isEqualTo("loader-multi-candles-2024-01-01-abc123");
        assertThat(reload(q).status()).isEqualTo(QueueStatus.RUNNING);
        assertThat(launcher.launchedTargets())
                .containsExactly("loader-api-candles", "arango-connector");
        event(q, "loader-api-candles", "started");
        event(q, "arango-connector", "started");
        event(q, "loader-api-candles", "finished");
        assertThat(launcher.launchedTargets()).hasSize(2);
        event(q, "arango-connector", "finished");
        assertThat(launcher.launchedTargets())
                .containsExactly("loader-api-candles", "arango-connector", "graph-builder");
        event(q, "graph-builder", "finished");
        assertThat(launcher.launchedTargets()).last().isEqualTo("gnn-trainer");
        assertThat(reload(q).status()).isEqualTo(QueueStatus.RUNNING);
        event(q, "gnn-trainer", "finished");
        assertThat(reload(q).status()).isEqualTo(QueueStatus.FINISHED);
        assertThat(reload(q).steps()).allMatch(s -> s.status() == StepStatus.FINISHED);
    }

    @Test
    void theQueueMovesPendingThenRunningThenFinished() {
        List<QueueStatus> seen = new ArrayList<>();
        var recording =
                new io.streamforge.domain.port.QueueStore() {
                    @Override
                    public void create(QueueRecord queue) {
                        seen.add(queue.status());
                        store.create(queue);
                    }

                    @Override
                    public java.util.Optional<QueueRecord> find(String queueId) {
                        return store.find(queueId);
                    }

                    @Override
                    public List<QueueRecord> list() {
                        return store.list();
                    }

                    @Override
                    public boolean updateStep(
                            String q, String t, StepStatus s, long n, String m, long at) {
                        return store.updateStep(q, t, s, n, m, at);
                    }

                    @Override
                    public List<QueueRecord> listUnfinished() {
                        return store.listUnfinished();
                    }

                    @Override
                    public boolean claimLaunch(String q, String t, int attempt, long at) {
                        return store.claimLaunch(q, t, attempt, at);
                    }

                    @Override
                    public boolean markLaunched(String q, String t, int attempt, long at) {
                        return store.markLaunched(q, t, attempt, at);
                    }

                    @Override
                    public boolean markStopping(String q, String t, long at) {
                        return store.markStopping(q, t, at);
                    }

                    @Override
                    public boolean applyTelemetry(
                            String q, String t, StepStatus s, long n, String m, long ev, long at) {
                        return store.applyTelemetry(q, t, s, n, m, ev, at);
                    }

                    @Override
                    public boolean resetForResume(String q, long at) {
                        return store.resetForResume(q, at);
                    }

                    @Override
                    public boolean updateQueue(String q, QueueStatus s, long at) {
                        boolean changed = store.updateQueue(q, s, at);
                        if (changed) {
                            seen.add(s);
                        }
                        return changed;
                    }
                };
        orch = new Orchestrator(recording, launcher, messaging, now::get, e -> {}, 5_000);
        QueueRecord q = start("{\"target\":\"dummy-service\"}");
        event(q, "dummy-service", "started");
        event(q, "dummy-service", "loading");
        event(q, "dummy-service", "finished");
        assertThat(seen)
                .containsExactly(QueueStatus.PENDING, QueueStatus.RUNNING, QueueStatus.FINISHED);
    }

    @Test
    void connectorGetsTheLoadersAsExpectedProducers() {
        String json =
                "{\"symbol\":\"BTCUSDT\",\"time_range\":\"2024-01-01:2024-01-02\",\"microservices\":["
                        + "{\"target\":\"loader-api-candles\"},{\"target\":\"loader-api-trades\"},{\"target\":\"arango-connector\"}]}";
        var plan =
                new PipelinePlanner(now::get, () -> "zz99zz", Map.of())
                        .plan(
                                PipelineRequest.parse(
                                        json.getBytes(StandardCharsets.UTF_8), s -> true),
                                json);
        JobSpec connector = plan.jobs().get("arango-connector__zz99zz");
        assertThat(connector.env())
                .containsEntry(
                        "EXPECTED_PRODUCERS",
                        "loader-api-candles__zz99zz,loader-api-trades__zz99zz")
                .containsEntry("KAFKA_TOPIC", "loader-btcusdt-candles-2024-01-01-zz99zz")
                .containsEntry("SYMBOLS", "BTCUSDT");
        assertThat(plan.jobs().values()).allMatch(j -> j.jobName().length() <= 63);
        assertThat(plan.queue().symbols()).containsExactly(Symbol.of("BTCUSDT").value());
    }

    @Test
    void aFailedStepFailsTheQueueAndStopsTheOthers() {
        QueueRecord q =
                start(
                        "{\"target\":\"loader-api-candles\"},{\"target\":\"arango-connector\"},"
                                + "{\"target\":\"graph-builder\"}");
        event(q, "loader-api-candles", "started");
        event(q, "loader-api-candles", "error");
        assertThat(stops).containsExactly(q.queueId());
        assertThat(reload(q).status()).isEqualTo(QueueStatus.FAILED);
        StepRecord graph = reload(q).steps().get(2);
        assertThat(graph.status()).isEqualTo(StepStatus.INTERRUPTED);
        assertThat(launcher.launchedTargets()).doesNotContain("graph-builder");
        event(q, "arango-connector", "interrupted");
        assertThat(reload(q).status()).isEqualTo(QueueStatus.FAILED);
    }

    @Test
    void stopEndsTheQueueInterruptedOnceEveryWorkerReported() {
        QueueRecord q =
                start("{\"target\":\"loader-api-candles\"},{\"target\":\"arango-connector\"}");
        event(q, "loader-api-candles", "loading");
        assertThat(orch.stop(q.queueId())).isTrue();
        assertThat(stops).containsExactly(q.queueId());
        assertThat(reload(q).status()).isEqualTo(QueueStatus.RUNNING);
        event(q, "loader-api-candles", "interrupted");
        event(q, "arango-connector", "interrupted");
        assertThat(reload(q).status()).isEqualTo(QueueStatus.INTERRUPTED);
        assertThat(orch.stop("no-such-queue")).isFalse();
    }

    @Test
    void resumeRunsTheUnfinishedStepsAgainAsANewAttemptUnderTheSameQueueId() {
        QueueRecord q =
                start(
                        "{\"target\":\"loader-api-candles\"},{\"target\":\"loader-api-trades\"},"
                                + "{\"target\":\"arango-connector\"}");
        event(q, "loader-api-trades", "finished");
        assertThatThrownBy(() -> orch.resume(q.queueId()))
                .isInstanceOfSatisfying(
                        ProblemException.class, p -> assertThat(p.status()).isEqualTo(409));
        orch.stop(q.queueId());
        event(q, "loader-api-candles", "interrupted");
        event(q, "arango-connector", "interrupted");
        assertThat(reload(q).status()).isEqualTo(QueueStatus.INTERRUPTED);
        int before = launcher.launches().size();

        QueueRecord resumed = orch.resume(q.queueId());

        assertThat(stops).containsExactly(q.queueId(), "start " + q.queueId());
        assertThat(resumed.queueId()).isEqualTo(q.queueId());
        assertThat(resumed.status()).isEqualTo(QueueStatus.RUNNING);
        assertThat(launcher.launchedTargets().subList(before, launcher.launches().size()))
                .containsExactlyInAnyOrder("loader-api-candles", "arango-connector");
        StepRecord trades = step(resumed, "loader-api-trades");
        assertThat(trades.status()).isEqualTo(StepStatus.FINISHED);
        assertThat(trades.attempt()).isEqualTo(1);
        for (String target : List.of("loader-api-candles", "arango-connector")) {
            StepRecord s = step(resumed, target);
            assertThat(s.attempt()).isEqualTo(2);
            assertThat(s.launch()).isEqualTo(LaunchState.LAUNCHED);
            assertThat(s.message()).isEmpty();
            assertThat(launcher.running()).contains(s.jobName() + "-r2");
        }
        orch.reconcile();
        assertThat(launcher.launches()).hasSize(before + 2);
        event(q, "loader-api-candles", "finished");
        event(q, "arango-connector", "finished");
        assertThat(reload(q).status()).isEqualTo(QueueStatus.FINISHED);
        assertThatThrownBy(() -> orch.resume(q.queueId()))
                .isInstanceOfSatisfying(
                        ProblemException.class, p -> assertThat(p.status()).isEqualTo(409));
        assertThatThrownBy(() -> orch.resume("no-such-queue"))
                .isInstanceOfSatisfying(
                        ProblemException.class, p -> assertThat(p.status()).isEqualTo(404));
    }

    @Test
    void aResumedAttemptLaunchesTheJobAsAdjustedForResumeTheFirstAsPlanned() {
        orch.resumedJobs(
                j -> {
                    Map<String, String> env = new java.util.HashMap<>(j.env());
                    env.put("LOAD_RANGES", "BTCUSDT=");
                    return new JobSpec(
                            j.queueId(), j.telemetryId(), j.target(), j.jobName(), j.image(), env);
                });
        QueueRecord q = start("{\"target\":\"loader-api-candles\"}");
        assertThat(launcher.launches())
                .singleElement()
                .satisfies(j -> assertThat(j.env()).doesNotContainKey("LOAD_RANGES"));
        orch.stop(q.queueId());
        event(q, "loader-api-candles", "interrupted");
        orch.resume(q.queueId());
        assertThat(launcher.launches()).hasSize(2);
        assertThat(launcher.launches().get(1).env()).containsEntry("LOAD_RANGES", "BTCUSDT=");
        assertThat(launcher.launches().get(0).env()).containsEntry("ATTEMPT", "1");
        assertThat(launcher.launches().get(1).env()).containsEntry("ATTEMPT", "2");
        assertThat(launcher.launches().get(1).jobName()).endsWith("-r2");
        assertThat(step(reload(q), "loader-api-candles").env())
                .as("the stored plan is unchanged")
                .doesNotContainKey("LOAD_RANGES");
    }

    @Test
    void aLateEventOfAnEarlierAttemptDoesNotChangeTheResumedOne() {
        QueueRecord q = start("{\"target\":\"loader-api-candles\"}");
        orch.stop(q.queueId());
        event(q, "loader-api-candles", "interrupted", Map.of("attempt", 1));
        orch.resume(q.queueId());
        event(q, "loader-api-candles", "started", Map.of("attempt", 2));
        event(q, "loader-api-candles", "interrupted", Map.of("attempt", 1)); // the old job, late
        assertThat(step(reload(q), "loader-api-candles").status()).isEqualTo(StepStatus.RUNNING);
        assertThat(reload(q).status()).isEqualTo(QueueStatus.RUNNING);
        event(q, "loader-api-candles", "finished", Map.of("attempt", 2));
        assertThat(step(reload(q), "loader-api-candles").status()).isEqualTo(StepStatus.FINISHED);
        assertThat(step(reload(q), "loader-api-candles").attempt()).isEqualTo(2);
        assertThat(reload(q).status()).isEqualTo(QueueStatus.FINISHED);
    }

    @Test
    void aFailedQueueWithAStepStillStoppingIsNotResumedYet() {
        QueueRecord q =
                start("{\"target\":\"loader-api-candles\"},{\"target\":\"arango-connector\"}");
        event(q, "loader-api-candles", "error");
        assertThat(reload(q).status()).isEqualTo(QueueStatus.FAILED);
        assertThat(step(q, "arango-connector").launch()).isEqualTo(LaunchState.STOPPING);
        assertThatThrownBy(() -> orch.resume(q.queueId()))
                .isInstanceOfSatisfying(
                        ProblemException.class, p -> assertThat(p.status()).isEqualTo(409));
        assertThat(stops)
                .as("no start while a job is stopping")
                .doesNotContain("start " + q.queueId());
        event(q, "arango-connector", "interrupted");
        orch.resume(q.queueId());
        assertThat(stops).endsWith("start " + q.queueId());
        assertThat(step(q, "arango-connector").attempt()).isEqualTo(2);
    }

    @Test
    void aFailedQueueIsResumedToo() {
        QueueRecord q = start("{\"target\":\"dummy-service\"}");
        event(q, "dummy-service", "error");
        assertThat(reload(q).status()).isEqualTo(QueueStatus.FAILED);
        orch.resume(q.queueId());
        assertThat(reload(q).status()).isEqualTo(QueueStatus.RUNNING);
        assertThat(step(reload(q), "dummy-service").attempt()).isEqualTo(2);
        event(q, "dummy-service", "finished");
        assertThat(reload(q).status()).isEqualTo(QueueStatus.FINISHED);
    }

    @Test
    void interruptAllEndsOpenQueuesInterruptedWithTheReasonAndRefusesNewOnes() {
        QueueRecord done = start("{\"target\":\"dummy-service\"}");
        event(done, "dummy-service", "finished");
        QueueRecord q =
                start(
                        "{\"target\":\"loader-api-candles\"},{\"target\":\"arango-connector\"},"
                                + "{\"target\":\"graph-builder\"}");
        event(q, "loader-api-candles", "loading");

        assertThat(orch.interruptAll("platform stopped")).containsExactly(q.queueId());
        assertThat(stops).containsExactly(q.queueId());
        assertThat(reload(q).status()).isEqualTo(QueueStatus.INTERRUPTED);
        assertThat(reload(q).steps())
                .allSatisfy(
                        s -> {
                            assertThat(s.status()).isEqualTo(StepStatus.INTERRUPTED);
                            assertThat(s.message()).isEqualTo("platform stopped");
                        });
        assertThat(reload(done).status()).isEqualTo(QueueStatus.FINISHED);
        event(q, "loader-api-candles", "error"); // a late report cannot fail it
        assertThat(reload(q).status()).isEqualTo(QueueStatus.INTERRUPTED);
        assertThat(launcher.launchedTargets()).doesNotContain("graph-builder");
        assertThatThrownBy(() -> start("{\"target\":\"dummy-service\"}"))
                .isInstanceOfSatisfying(
                        ProblemException.class, e -> assertThat(e.status()).isEqualTo(503))
                .hasMessageContaining("platform stopped");
    }

    @Test
    void aWorkerThatVanishesWithoutAResultFailsAfterTheGracePeriod() {
        QueueRecord q = start("{\"target\":\"dummy-service\"}");
        event(q, "dummy-service", "started");
        launcher.running().forEach(launcher::end);
        orch.reconcile();
        assertThat(reload(q).status()).isEqualTo(QueueStatus.RUNNING);
        now.addAndGet(6_000_000);
        orch.reconcile();
        assertThat(reload(q).status()).isEqualTo(QueueStatus.FAILED);
        assertThat(reload(q).steps().get(0).message()).contains("without reporting a result");
    }

    @Test
    void lateEventsNeverLeaveATerminalState() {
        QueueRecord q = start("{\"target\":\"dummy-service\"}");
        event(q, "dummy-service", "finished");
        event(q, "dummy-service", "loading");
        assertThat(reload(q).steps().get(0).status()).isEqualTo(StepStatus.FINISHED);
        assertThat(reload(q).status()).isEqualTo(QueueStatus.FINISHED);
    }

    /** A second orchestrator on the same store, as after a restart of the queue-manager. */
    Orchestrator restarted() {
        return new Orchestrator(store, launcher, messaging, now::get, e -> {}, 5_000);
    }

    StepRecord step(QueueRecord q, String target) {
        return reload(q).steps().stream()
                .filter(s -> s.target().equals(target))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void launchStateJobSpecAndAttemptArePersisted() {
        QueueRecord q =
                start("{\"target\":\"loader-api-candles\"},{\"target\":\"arango-connector\"}");
        StepRecord loader = step(q, "loader-api-candles");
        assertThat(loader.launch()).isEqualTo(LaunchState.LAUNCHED);
        assertThat(loader.attempt()).isEqualTo(1);
        assertThat(loader.env()).containsEntry("QUEUE_ID", q.queueId());
        assertThat(loader.currentJobName()).isEqualTo(loader.jobName());
    }

    @Test
    void aRestartAdoptsRunningJobsAndLaunchesNothingTwice() {
        QueueRecord q =
                start(
                        "{\"target\":\"loader-api-candles\"},{\"target\":\"arango-connector\"},"
                                + "{\"target\":\"graph-builder\"}");
        event(q, "loader-api-candles", "loading");
        orch = restarted();
        orch.reconcile();
        orch.reconcile();
        assertThat(launcher.launchedTargets())
                .containsExactly("loader-api-candles", "arango-connector");
        event(q, "loader-api-candles", "finished");
        event(q, "arango-connector", "finished");
        assertThat(launcher.launchedTargets())
                .containsExactly("loader-api-candles", "arango-connector", "graph-builder");
        event(q, "graph-builder", "finished");
        assertThat(reload(q).status()).isEqualTo(QueueStatus.FINISHED);
    }

    @Test
    void aClaimedLaunchThatNeverReachedTheLauncherIsLaunchedOnceAfterARestart() {
        // as the old manager left it: attempt 1 claimed, then it died before calling the launcher
        StepRecord claimed =
                new StepRecord(
                        "q-claimed",
                        "dummy-service",
                        "test",
                        "dummy-service__q1",
                        "q-claimed-job",
                        List.of(),
                        StepStatus.PENDING,
                        0,
                        "",
                        now.get(),
                        1,
                        LaunchState.LAUNCHING,
                        0,
                        "",
                        Map.of("QUEUE_ID", "q-claimed"));
        store.create(
                new QueueRecord(
                        "q-claimed",
                        "q1",
                        List.of("BTCUSDT"),
                        "test",
                        null,
                        "t",
                        "c",
                        QueueStatus.RUNNING,
                        now.get(),
                        now.get(),
                        null,
                        List.of(claimed)));
        orch = restarted();
        orch.reconcile();
        orch.reconcile();
        assertThat(launcher.launchedTargets()).containsExactly("dummy-service");
        StepRecord s = store.find("q-claimed").orElseThrow().steps().get(0);
        assertThat(s.launch()).isEqualTo(LaunchState.LAUNCHED);
        assertThat(s.attempt()).isEqualTo(1);
        assertThat(launcher.running()).containsExactly("q-claimed-job");
    }

    @Test
    void aJobThatDiedWhileTheManagerWasAwayFailsItsStepWithAReason() {
        QueueRecord q =
                start("{\"target\":\"loader-api-candles\"},{\"target\":\"arango-connector\"}");
        event(q, "arango-connector", "loading");
        launcher.end(step(q, "loader-api-candles").jobName());
        orch = restarted();
        orch.reconcile();
        now.addAndGet(6_000_000);
        orch.reconcile();
        StepRecord loader = step(q, "loader-api-candles");
        assertThat(loader.status()).isEqualTo(StepStatus.FAILED);
        assertThat(loader.message()).isEqualTo("job ended without reporting a result");
        assertThat(reload(q).status()).isEqualTo(QueueStatus.FAILED);
        assertThat(step(q, "arango-connector").launch()).isEqualTo(LaunchState.STOPPING);
        assertThat(launcher.launchedTargets()).hasSize(2);
    }

    @Test
    void aFailedLaunchIsRetriedByReconcileUnderTheSameAttempt() {
        List<String> failures = new ArrayList<>();
        launcher.failNextLaunch(new IllegalStateException("API server down"));
        orch =
                new Orchestrator(
                        store, launcher, messaging, now::get, e -> {}, 5_000, failures::add);
        QueueRecord q = start("{\"target\":\"dummy-service\"}");
        assertThat(failures).containsExactly("launch");
        assertThat(step(q, "dummy-service").launch()).isEqualTo(LaunchState.LAUNCHING);
        orch.reconcile();
        orch.reconcile();
        assertThat(launcher.launchedTargets()).containsExactly("dummy-service");
        assertThat(step(q, "dummy-service").launch()).isEqualTo(LaunchState.LAUNCHED);
    }

    @Test
    void stopAsksTheLauncherToStopTheJobsAndEndsInterruptedWhenTheyAreGone() {
        QueueRecord q =
                start("{\"target\":\"loader-api-candles\"},{\"target\":\"arango-connector\"}");
        event(q, "loader-api-candles", "loading");
        assertThat(orch.stop(q.queueId())).isTrue();
        assertThat(launcher.stopped())
                .containsExactlyInAnyOrder(
                        step(q, "loader-api-candles").jobName(),
                        step(q, "arango-connector").jobName());
        event(q, "loader-api-candles", "interrupted");
        orch.reconcile(); // the connector's job is gone, it never reported
        now.addAndGet(6_000_000);
        orch.reconcile();
        assertThat(step(q, "arango-connector").status()).isEqualTo(StepStatus.INTERRUPTED);
        assertThat(reload(q).status()).isEqualTo(QueueStatus.INTERRUPTED);
    }

    @Test
    void aReplayedEventChangesNothing() {
        QueueRecord q = start("{\"target\":\"dummy-service\"}");
        StepRecord s = q.steps().get(0);
        TelemetryEvent late = telemetry(q, s, "loading", 900, now.get() + 2);
        orch.onTelemetry(late);
        orch.onTelemetry(telemetry(q, s, "loading", 100, now.get() + 1));
        assertThat(step(q, "dummy-service").recordsWritten()).isEqualTo(900);
        orch.onTelemetry(late);
        assertThat(step(q, "dummy-service").recordsWritten()).isEqualTo(900);
    }

    private static TelemetryEvent telemetry(
            QueueRecord q, StepRecord s, String status, long records, long tsUs) {
        return new TelemetryEvent(
                1,
                q.queueId(),
                s.telemetryId(),
                s.target(),
                null,
                s.type(),
                status,
                "",
                records,
                false,
                tsUs,
                null,
                null);
    }

    @Test
    void noJobIsJudgedGoneWhileTelemetryIsNotCurrent() {
        java.util.concurrent.atomic.AtomicBoolean current =
                new java.util.concurrent.atomic.AtomicBoolean(false);
        orch.telemetryCurrent(current::get);
        QueueRecord q = start("{\"target\":\"dummy-service\"}");
        launcher.running()
                .forEach(launcher::end); // the job ended; its result is still unread (Kafka down,
        // rebalance)
        orch.reconcile();
        now.addAndGet(60_000_000);
        orch.reconcile();
        assertThat(reload(q).steps().get(0).status()).isEqualTo(StepStatus.PENDING);
        current.set(true); // caught up: the grace period starts now
        orch.reconcile();
        assertThat(reload(q).status()).isEqualTo(QueueStatus.RUNNING);
        now.addAndGet(6_000_000);
        orch.reconcile();
        assertThat(reload(q).status()).isEqualTo(QueueStatus.FAILED);
    }
}
