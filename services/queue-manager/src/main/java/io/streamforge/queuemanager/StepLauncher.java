package io.streamforge.queuemanager;

import io.streamforge.domain.port.JobLauncher;
import io.streamforge.domain.port.QueueStore;
import io.streamforge.domain.port.TimeSource;
import io.streamforge.domain.queue.JobSpec;
import io.streamforge.domain.queue.StepRecord;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Launches one step's job for {@link Orchestrator}: claims the attempt in the store first (so an
 * attempt is never launched twice), sets {@code ATTEMPT}, lets a resumed attempt's job be adjusted
 * (ADR 3401), hands it to the launcher and marks it launched. A launcher failure is logged and
 * counted; reconcile retries it (the step stays {@code launching}).
 */
final class StepLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(StepLauncher.class);

    private final QueueStore store;
    private final JobLauncher launcher;
    private final TimeSource time;
    private final Consumer<String> errors;
    private volatile UnaryOperator<JobSpec> resumedJobs = UnaryOperator.identity();

    StepLauncher(QueueStore store, JobLauncher launcher, TimeSource time, Consumer<String> errors) {
        this.store = store;
        this.launcher = launcher;
        this.time = time;
        this.errors = errors;
    }

    void resumedJobs(UnaryOperator<JobSpec> adjust) {
        this.resumedJobs = adjust;
    }

    /**
     * Claims the next attempt (when {@code claim}; 1 for a new step, one more after a resume) and
     * hands the job to the launcher; whether it changed the step in the store.
     */
    boolean launch(StepRecord s, boolean claim) {
        int attempt = claim ? s.attempt() + 1 : Math.max(1, s.attempt());
        if (claim && !store.claimLaunch(s.queueId(), s.telemetryId(), attempt, time.nowUs())) {
            return false; // another orchestrator claimed it
        }
        try {
            JobSpec job = withAttempt(s.job(attempt), attempt);
            launcher.launch(attempt > 1 ? resumedJobs.apply(job) : job);
            store.markLaunched(s.queueId(), s.telemetryId(), attempt, time.nowUs());
        } catch (RuntimeException e) {
            errors.accept("launch");
            LOG.error("launch of {} failed (retried by reconcile)", s.job(attempt).jobName(), e);
        }
        return true;
    }

    /** The job with ATTEMPT set: its telemetry names the attempt it belongs to. */
    private static JobSpec withAttempt(JobSpec job, int attempt) {
        Map<String, String> env = new LinkedHashMap<>(job.env());
        env.put("ATTEMPT", String.valueOf(attempt));
        return new JobSpec(
                job.queueId(), job.telemetryId(), job.target(), job.jobName(), job.image(), env);
    }
}
