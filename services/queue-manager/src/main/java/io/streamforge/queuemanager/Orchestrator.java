package io.streamforge.queuemanager;

import io.streamforge.domain.port.JobLauncher;
import io.streamforge.domain.port.QueueStore;
import io.streamforge.domain.port.TimeSource;
import io.streamforge.domain.queue.JobSpec;
import io.streamforge.domain.queue.QueueRecord;
import io.streamforge.domain.queue.QueueStatus;
import io.streamforge.domain.queue.StepRecord;
import io.streamforge.domain.queue.StepStatus;
import io.streamforge.kafka.TelemetryEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives queues through {@code pending → running → finished | failed | interrupted}: launches the
 * steps whose dependencies finished, reacts to telemetry, stops the rest of a queue when one step
 * fails, and notices workers that ended without a word (reconcile).
 */
public final class Orchestrator {
    private static final Logger LOG = LoggerFactory.getLogger(Orchestrator.class);

    /** Sends control commands and creates data topics (Kafka in production). */
    public interface Messaging {
        void sendStop(String queueId);

        void createDataTopic(String topic);
    }

    private final QueueStore store;
    private final JobLauncher launcher;
    private final Messaging messaging;
    private final TimeSource time;
    private final Consumer<TelemetryEvent> listener;
    private final Map<String, Map<String, JobSpec>> jobs = new ConcurrentHashMap<>();
    private final Set<String> launched = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> deadSinceUs = new ConcurrentHashMap<>();
    private final long reconcileGraceUs;
    private volatile String refusing;

    public Orchestrator(
            QueueStore store,
            JobLauncher launcher,
            Messaging messaging,
            TimeSource time,
            Consumer<TelemetryEvent> listener,
            long reconcileGraceMs) {
        this.reconcileGraceUs = reconcileGraceMs * 1_000L;
        this.store = store;
        this.launcher = launcher;
        this.messaging = messaging;
        this.time = time;
        this.listener = listener;
    }

    public synchronized QueueRecord start(PipelinePlanner.Plan plan) {
        if (refusing != null) {
            throw new ProblemException(503, null, "the platform is stopping: " + refusing);
        }
        QueueRecord q = plan.queue();
        store.create(q);
        jobs.put(q.queueId(), plan.jobs());
        messaging.createDataTopic(q.kafkaTopic());
        store.updateQueue(q.queueId(), QueueStatus.RUNNING, time.nowUs());
        launchReady(q.queueId());
        return store.find(q.queueId()).orElseThrow();
    }

    public synchronized void onTelemetry(TelemetryEvent e) {
        listener.accept(e);
        Optional<QueueRecord> q = store.find(e.queueId());
        if (q.isEmpty()) {
            return;
        }
        StepStatus status = stepStatus(e.status());
        if (status == null) {
            return;
        }
        String msg = e.errorMessage() != null ? e.errorMessage() : e.message();
        store.updateStep(
                e.queueId(), e.telemetryId(), status, e.recordsWritten(), msg, time.nowUs());
        if (status == StepStatus.FAILED) {
            failQueue(e.queueId(), e.telemetryId() + " failed: " + msg);
        }
        advance(e.queueId());
    }

    static StepStatus stepStatus(String telemetry) {
        return switch (telemetry) {
            case "started", "loading" -> StepStatus.RUNNING;
            case "finished" -> StepStatus.FINISHED;
            case "error" -> StepStatus.FAILED;
            case "interrupted" -> StepStatus.INTERRUPTED;
            default -> null;
        };
    }

    public synchronized boolean stop(String queueId) {
        Optional<QueueRecord> q = store.find(queueId);
        if (q.isEmpty()) {
            return false;
        }
        messaging.sendStop(queueId);
        for (StepRecord s : q.get().steps()) {
            if (s.status() == StepStatus.PENDING && !launched.contains(s.jobName())) {
                store.updateStep(
                        queueId,
                        s.telemetryId(),
                        StepStatus.INTERRUPTED,
                        0,
                        "stopped before start",
                        time.nowUs());
            }
        }
        jobs.remove(queueId);
        advance(queueId);
        return true;
    }

    /**
     * Platform shutdown: from now on {@link #start} answers 503; every open step of every open
     * queue ends {@code interrupted} with {@code reason} (terminal, so a late report of the worker
     * cannot turn it into {@code failed}), the queue ends {@code interrupted}, and its workers get
     * the stop command. Returns the ids of the queues it interrupted.
     */
    public synchronized List<String> interruptAll(String reason) {
        refusing = reason;
        List<String> ids = new ArrayList<>();
        for (QueueRecord q : store.list()) {
            if (q.status().terminal()) {
                continue;
            }
            for (StepRecord s : q.steps()) {
                store.updateStep(
                        q.queueId(),
                        s.telemetryId(),
                        StepStatus.INTERRUPTED,
                        s.recordsWritten(),
                        reason,
                        time.nowUs());
            }
            jobs.remove(q.queueId());
            messaging.sendStop(q.queueId());
            advance(q.queueId());
            ids.add(q.queueId());
        }
        return ids;
    }

    /**
     * Marks steps whose job ended without a terminal telemetry event as failed, once the job has
     * been gone longer than the grace period (its last event may still be on its way).
     */
    public synchronized void reconcile() {
        for (QueueRecord q : store.list()) {
            if (q.status().terminal()) {
                continue;
            }
            for (StepRecord s : q.steps()) {
                if (!s.status().terminal()
                        && launched.contains(s.jobName())
                        && goneLongEnough(s.jobName())) {
                    store.updateStep(
                            q.queueId(),
                            s.telemetryId(),
                            StepStatus.FAILED,
                            s.recordsWritten(),
                            "job ended without reporting a result",
                            time.nowUs());
                    failQueue(q.queueId(), s.telemetryId() + " ended without a result");
                }
            }
            advance(q.queueId());
        }
    }

    private boolean goneLongEnough(String jobName) {
        if (launcher.isRunning(jobName)) {
            deadSinceUs.remove(jobName);
            return false;
        }
        long since = deadSinceUs.computeIfAbsent(jobName, j -> time.nowUs());
        return time.nowUs() - since >= reconcileGraceUs;
    }

    private void failQueue(String queueId, String why) {
        LOG.warn("queue {} fails: {}", queueId, why);
        store.updateQueue(queueId, QueueStatus.FAILED, time.nowUs());
        stop(queueId);
    }

    private void advance(String queueId) {
        launchReady(queueId);
        QueueRecord q = store.find(queueId).orElseThrow();
        List<StepRecord> steps = q.steps();
        if (steps.stream().allMatch(s -> s.status().terminal())) {
            QueueStatus end =
                    steps.stream().anyMatch(s -> s.status() == StepStatus.FAILED)
                            ? QueueStatus.FAILED
                            : steps.stream().anyMatch(s -> s.status() == StepStatus.INTERRUPTED)
                                    ? QueueStatus.INTERRUPTED
                                    : QueueStatus.FINISHED;
            store.updateQueue(queueId, end, time.nowUs());
            jobs.remove(queueId);
        }
    }

    private void launchReady(String queueId) {
        Map<String, JobSpec> specs = jobs.get(queueId);
        if (specs == null) {
            return;
        }
        QueueRecord q = store.find(queueId).orElseThrow();
        for (StepRecord s : q.steps()) {
            if (s.status() == StepStatus.PENDING
                    && !launched.contains(s.jobName())
                    && depsFinished(q, s)) {
                launched.add(s.jobName());
                launcher.launch(specs.get(s.telemetryId()));
            }
        }
    }

    private static boolean depsFinished(QueueRecord q, StepRecord step) {
        Set<String> deps = new HashSet<>(step.dependsOn());
        return q.steps().stream()
                .filter(s -> deps.contains(s.target()))
                .allMatch(s -> s.status() == StepStatus.FINISHED);
    }
}
