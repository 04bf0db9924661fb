package io.streamforge.queuemanager;

import io.streamforge.domain.port.JobLauncher;
import io.streamforge.domain.port.QueueStore;
import io.streamforge.domain.port.TimeSource;
import io.streamforge.domain.queue.JobSpec;
import io.streamforge.domain.queue.LaunchState;
import io.streamforge.domain.queue.QueueRecord;
import io.streamforge.domain.queue.QueueStatus;
import io.streamforge.domain.queue.StepRecord;
import io.streamforge.domain.queue.StepStatus;
import io.streamforge.kafka.TelemetryEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives queues through {@code pending → running → finished | failed | interrupted}. It keeps no
 * state of its own: every step's launch state, attempt, job spec and last telemetry live in the
 * {@link QueueStore}, so a new orchestrator on the same store goes on where a dead one stopped
 * ({@link #reconcile} is also the recovery): a claimed launch that never reached the launcher is
 * launched, a running job is adopted, a job that ended without a result fails its step. A launch is
 * claimed in the store before the launcher is called, so an attempt is never launched twice.
 * Collaborators: {@link StepLauncher} (claim, then launch), {@link StepReconciler} (one step's
 * reconcile), {@link GoneJobs} (the grace period).
 */
public final class Orchestrator {
    private static final Logger LOG = LoggerFactory.getLogger(Orchestrator.class);

    /** Sends control commands and creates data topics (Kafka in production). */
    public interface Messaging {
        void sendStop(String queueId);

        /**
         * Cancels the earlier stops of a resumed queue: a worker starting later honours only a stop
         * that no start followed.
         */
        void sendStart(String queueId);

        void createDataTopic(String topic);
    }

    private final QueueStore store;
    private final Messaging messaging;
    private final TimeSource time;
    private final Consumer<TelemetryEvent> listener;
    private final GoneJobs gone;
    private final StepLauncher stepLauncher;
    private final StepReconciler reconciler;
    private volatile String refusing;

    public Orchestrator(
            QueueStore store,
            JobLauncher launcher,
            Messaging messaging,
            TimeSource time,
            Consumer<TelemetryEvent> listener,
            long reconcileGraceMs) {
        this(store, launcher, messaging, time, listener, reconcileGraceMs, stage -> {});
    }

    /** {@code errors} counts failures per stage ({@code launch}, {@code stop}). */
    public Orchestrator(
            QueueStore store,
            JobLauncher launcher,
            Messaging messaging,
            TimeSource time,
            Consumer<TelemetryEvent> listener,
            long reconcileGraceMs,
            Consumer<String> errors) {
        this.gone = new GoneJobs(launcher, time, reconcileGraceMs);
        this.stepLauncher = new StepLauncher(store, launcher, time, errors);
        this.reconciler =
                new StepReconciler(
                        store, launcher, stepLauncher, gone, time, errors, this::failQueue);
        this.store = store;
        this.messaging = messaging;
        this.time = time;
        this.listener = listener;
    }

    /**
     * Tells reconcile whether every telemetry event so far was read: while it is not (Kafka down,
     * consumer group rebalancing after a restart), no job is judged gone, and the grace period
     * starts again once it is.
     */
    public void telemetryCurrent(BooleanSupplier current) {
        gone.telemetryCurrent(current);
    }

    /**
     * What a resumed attempt (2 and on) launches instead of its planned job: a loader asks the
     * coverage ledger for what is still missing ({@code coverage.ResumeRanges}, ADR 3401).
     */
    public void resumedJobs(UnaryOperator<JobSpec> adjust) {
        stepLauncher.resumedJobs(adjust);
    }

    private void refuseWhileStopping() {
        if (refusing != null) {
            throw new ProblemException(503, null, "the platform is stopping: " + refusing);
        }
    }

    /** Persists the plan (steps with their job specs), creates the data topic, launches. */
    public synchronized QueueRecord start(PipelinePlanner.Plan plan) {
        refuseWhileStopping();
        QueueRecord q = plan.queueWithJobs();
        store.create(q);
        messaging.createDataTopic(q.kafkaTopic());
        store.updateQueue(q.queueId(), QueueStatus.RUNNING, time.nowUs());
        launchReady(store.find(q.queueId()).orElseThrow());
        return store.find(q.queueId()).orElseThrow();
    }

    /**
     * Applies one telemetry event (idempotent: a replayed event changes nothing). Store errors
     * propagate, so the consumer retries and commits the offset only after the write.
     */
    public synchronized void onTelemetry(TelemetryEvent e) {
        listener.accept(e);
        StepStatus status = QueueRules.stepStatus(e.status());
        if (status == null || QueueRules.ofEarlierAttempt(store.find(e.queueId()), e)) {
            return;
        }
        String msg = e.errorMessage() != null ? e.errorMessage() : e.message();
        boolean changed =
                store.applyTelemetry(
                        e.queueId(),
                        e.telemetryId(),
                        status,
                        e.recordsWritten(),
                        msg,
                        e.timestampUs(),
                        time.nowUs());
        if (!changed || !status.terminal()) {
            return;
        }
        if (status == StepStatus.FAILED) {
            failQueue(e.queueId(), e.telemetryId() + " failed: " + msg);
        }
        store.find(e.queueId()).ifPresent(this::advance);
    }

    /**
     * Sends the stop command, marks steps that never started {@code interrupted}, and asks the
     * launcher to stop the jobs of the others (they get the grace period to report first).
     */
    public synchronized boolean stop(String queueId) {
        Optional<QueueRecord> q = store.find(queueId);
        if (q.isEmpty()) {
            return false;
        }
        messaging.sendStop(queueId);
        for (StepRecord s : q.get().steps()) {
            if (s.status().terminal()) {
                continue;
            }
            if (s.launch() == LaunchState.NONE) {
                store.updateStep(
                        queueId,
                        s.telemetryId(),
                        StepStatus.INTERRUPTED,
                        0,
                        "stopped before start",
                        time.nowUs());
            } else if (s.launch() != LaunchState.STOPPING) {
                store.markStopping(queueId, s.telemetryId(), time.nowUs());
                reconciler.stopJob(s.currentJobName());
            }
        }
        store.find(queueId).ifPresent(this::advance);
        return true;
    }

    /**
     * Resumes an {@code interrupted} or {@code failed} queue under its id: every step that did not
     * finish gets a new attempt (a new job name), the queue runs again and the ready steps launch
     * through the claim, so no attempt is launched twice. 404 for an unknown queue, 409 for one
     * that is pending, running, finished or still stopping a job.
     */
    public synchronized QueueRecord resume(String queueId) {
        refuseWhileStopping();
        QueueRecord q =
                store.find(queueId)
                        .orElseThrow(() -> new ProblemException(404, null, "no queue " + queueId));
        if ((q.status() == QueueStatus.INTERRUPTED || q.status() == QueueStatus.FAILED)
                && q.steps().stream().allMatch(s -> s.status().terminal())) {
            messaging.sendStart(queueId); // before the reset: new workers must not see the stop
        }
        if (!store.resetForResume(queueId, time.nowUs())) {
            throw new ProblemException(
                    409,
                    null,
                    "queue "
                            + queueId
                            + " is "
                            + q.status().wire()
                            + (q.status().terminal() ? " with a step still stopping" : "")
                            + "; only an interrupted or failed queue is resumed");
        }
        LOG.info("queue {} resumed", queueId);
        advance(store.find(queueId).orElseThrow());
        return store.find(queueId).orElseThrow();
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
        for (QueueRecord q : store.listUnfinished()) {
            for (StepRecord s : q.steps()) {
                store.updateStep(
                        q.queueId(),
                        s.telemetryId(),
                        StepStatus.INTERRUPTED,
                        s.recordsWritten(),
                        reason,
                        time.nowUs());
            }
            messaging.sendStop(q.queueId());
            store.find(q.queueId()).ifPresent(this::advance);
            ids.add(q.queueId());
        }
        return ids;
    }

    /**
     * One pass over the unfinished queues (never the whole history): finishes claimed launches,
     * adopts running jobs, ends steps whose job is gone longer than the grace period without a
     * result (failed; interrupted when the queue was stopped), launches what became ready.
     */
    public synchronized void reconcile() {
        for (QueueRecord q : store.listUnfinished()) {
            boolean changed = false;
            for (StepRecord s : q.steps()) {
                if (!s.status().terminal()) {
                    changed |= reconciler.reconcile(q, s);
                }
            }
            if (changed) {
                store.find(q.queueId()).ifPresent(this::advance);
            } else {
                advance(q); // nothing changed: the loaded record is current
            }
        }
    }

    /**
     * Fails the queue and stops the rest of it; the queue stays in the unfinished set while a step
     * has not ended, so reconcile keeps watching the jobs being stopped.
     */
    private void failQueue(String queueId, String why) {
        LOG.warn("queue {} fails: {}", queueId, why);
        store.updateQueue(queueId, QueueStatus.FAILED, time.nowUs());
        stop(queueId);
    }

    private void advance(QueueRecord q) {
        if (q.status().terminal() && q.steps().stream().allMatch(s -> s.status().terminal())) {
            return;
        }
        List<StepRecord> steps =
                launchReady(q) ? store.find(q.queueId()).orElseThrow().steps() : q.steps();
        if (steps.stream().allMatch(s -> s.status().terminal())) {
            store.updateQueue(q.queueId(), QueueRules.endStatus(steps), time.nowUs());
        }
    }

    /** Launches the steps whose dependencies finished; whether any launch state changed. */
    private boolean launchReady(QueueRecord q) {
        if (q.status().terminal()) {
            return false;
        }
        boolean changed = false;
        for (StepRecord s : q.steps()) {
            if (s.status() == StepStatus.PENDING
                    && s.launch() == LaunchState.NONE
                    && QueueRules.depsFinished(q, s)) {
                changed |= stepLauncher.launch(s, true);
            }
        }
        return changed;
    }
}
