package io.streamforge.domain.queue;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One step (worker) of a queue, as persisted: its place in the DAG, its state, and what the
 * orchestrator needs to go on after a restart — the launch state of the current {@code attempt} (0
 * = never launched, 1 = the first run; a later resume counts up), the planned {@code jobName} (the
 * job of an attempt is named by {@link #jobNameFor}), the image and env of its job, and the
 * timestamp of the last telemetry event applied ({@code lastEventUs}).
 */
public record StepRecord(
        String queueId,
        String target,
        String type,
        String telemetryId,
        String jobName,
        List<String> dependsOn,
        StepStatus status,
        long recordsWritten,
        String message,
        long updatedAtUs,
        int attempt,
        LaunchState launch,
        long lastEventUs,
        String image,
        Map<String, String> env) {
    public StepRecord {
        Objects.requireNonNull(queueId, "queue_id");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(telemetryId, "telemetry_id");
        dependsOn = List.copyOf(dependsOn);
        message = message == null ? "" : message;
        launch = launch == null ? LaunchState.NONE : launch;
        image = image == null ? "" : image;
        env = env == null ? Map.of() : Map.copyOf(env);
        if (attempt < 0) {
            throw new IllegalArgumentException("attempt < 0: " + attempt);
        }
    }

    /** A step that was never launched, without a job spec (attempt 0). */
    public StepRecord(
            String queueId,
            String target,
            String type,
            String telemetryId,
            String jobName,
            List<String> dependsOn,
            StepStatus status,
            long recordsWritten,
            String message,
            long updatedAtUs) {
        this(
                queueId,
                target,
                type,
                telemetryId,
                jobName,
                dependsOn,
                status,
                recordsWritten,
                message,
                updatedAtUs,
                0,
                LaunchState.NONE,
                0,
                "",
                Map.of());
    }

    /** The job of {@code attempt} (at least 1), as the launcher gets it. */
    public JobSpec job(int ofAttempt) {
        return new JobSpec(
                queueId, telemetryId, target, jobNameFor(jobName, ofAttempt), image, env);
    }

    /** The job name of the current attempt (the planned name before the first launch). */
    public String currentJobName() {
        return jobNameFor(jobName, attempt);
    }

    /** The same step, never launched, with the job of its plan (name, image, env). */
    public StepRecord withJob(JobSpec job) {
        return new StepRecord(
                queueId,
                target,
                type,
                telemetryId,
                job.jobName(),
                dependsOn,
                status,
                recordsWritten,
                message,
                updatedAtUs,
                0,
                LaunchState.NONE,
                0,
                job.image(),
                job.env());
    }

    /** The same step in another state (launch fields unchanged). */
    public StepRecord withState(StepStatus s, long records, String msg, long eventUs, long atUs) {
        return new StepRecord(
                queueId,
                target,
                type,
                telemetryId,
                jobName,
                dependsOn,
                s,
                records,
                msg,
                atUs,
                attempt,
                launch,
                eventUs,
                image,
                env);
    }

    /** The same step with another launch state of {@code newAttempt}. */
    public StepRecord withLaunch(int newAttempt, LaunchState state, long atUs) {
        return new StepRecord(
                queueId,
                target,
                type,
                telemetryId,
                jobName,
                dependsOn,
                status,
                recordsWritten,
                message,
                atUs,
                newAttempt,
                state,
                lastEventUs,
                image,
                env);
    }

    /**
     * Deterministic job name of an attempt: the planned name for attempt 1, {@code <name>-r<n>}
     * (cut to the Kubernetes 63-character limit) after that, so a resume never reuses a name.
     */
    public static String jobNameFor(String baseName, int attempt) {
        if (attempt <= 1) {
            return baseName;
        }
        String suffix = "-r" + attempt;
        String head =
                baseName.length() + suffix.length() > 63
                        ? baseName.substring(0, 63 - suffix.length())
                        : baseName;
        return head + suffix;
    }
}
