package io.streamforge.queuemanager;

import io.streamforge.domain.port.JobLauncher;
import io.streamforge.domain.port.QueueStore;
import io.streamforge.domain.port.TimeSource;
import io.streamforge.domain.queue.QueueRecord;
import io.streamforge.domain.queue.StepRecord;
import io.streamforge.domain.queue.StepStatus;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings one open step's launch state in line with what the launcher says — the per-step half of
 * {@link Orchestrator#reconcile}, which is also the recovery after a restart: a claimed launch that
 * never reached the launcher is launched, a claimed one that runs is marked launched, a job gone
 * longer than the grace period ({@link GoneJobs}) without a result ends its step ({@code failed};
 * {@code interrupted} when it was being stopped), a job being stopped is asked to stop again. Part
 * of {@link Orchestrator}; not thread-safe on its own (the orchestrator calls it under its lock).
 */
final class StepReconciler {
    private static final Logger LOG = LoggerFactory.getLogger(StepReconciler.class);
    private static final String NO_RESULT = "job ended without reporting a result";

    private final QueueStore store;
    private final JobLauncher launcher;
    private final StepLauncher stepLauncher;
    private final GoneJobs gone;
    private final TimeSource time;
    private final Consumer<String> errors;
    private final BiConsumer<String, String> failQueue;

    /** {@code failQueue} gets the queue id and the reason when a step of it failed here. */
    StepReconciler(
            QueueStore store,
            JobLauncher launcher,
            StepLauncher stepLauncher,
            GoneJobs gone,
            TimeSource time,
            Consumer<String> errors,
            BiConsumer<String, String> failQueue) {
        this.store = store;
        this.launcher = launcher;
        this.stepLauncher = stepLauncher;
        this.gone = gone;
        this.time = time;
        this.errors = errors;
        this.failQueue = failQueue;
    }

    /** Whether it changed the step in the store. */
    boolean reconcile(QueueRecord q, StepRecord s) {
        String job = s.currentJobName();
        switch (s.launch()) {
            case LAUNCHING -> {
                if (!launcher.exists(job)) {
                    return stepLauncher.launch(s, false); // claimed, but the launcher never got it
                } else if (launcher.isRunning(job)) {
                    return store.markLaunched(
                            q.queueId(), s.telemetryId(), s.attempt(), time.nowUs());
                } else if (gone.goneLongEnough(job)) {
                    return endStep(q, s, StepStatus.FAILED, NO_RESULT);
                }
                return false;
            }
            case LAUNCHED -> {
                return gone.goneLongEnough(job) && endStep(q, s, StepStatus.FAILED, NO_RESULT);
            }
            case STOPPING -> {
                if (gone.goneLongEnough(job)) {
                    return endStep(q, s, StepStatus.INTERRUPTED, "stopped; job removed");
                }
                stopJob(job); // idempotent: a new manager re-arms the deletion
                return false;
            }
            default -> {
                return false; // NONE: launched by advance once its dependencies finished
            }
        }
    }

    /** Asks the launcher to stop a job; a failure is counted and retried by the next reconcile. */
    void stopJob(String jobName) {
        try {
            launcher.stop(jobName);
        } catch (RuntimeException e) {
            errors.accept("stop");
            LOG.error("could not stop job {} (retried by reconcile)", jobName, e);
        }
    }

    private boolean endStep(QueueRecord q, StepRecord s, StepStatus end, String why) {
        gone.forget(s.currentJobName());
        boolean changed =
                store.updateStep(
                        q.queueId(), s.telemetryId(), end, s.recordsWritten(), why, time.nowUs());
        if (changed && end == StepStatus.FAILED) {
            failQueue.accept(q.queueId(), s.telemetryId() + ": " + why);
        }
        return changed;
    }
}
