package io.streamforge.domain.port;

import io.streamforge.domain.queue.JobSpec;

/** Starts and removes the worker jobs of a pipeline (local threads, Kubernetes Jobs, …). */
public interface JobLauncher {
    /** Starts a job; must be idempotent for the same {@link JobSpec#jobName()}. */
    void launch(JobSpec spec);

    /** Removes a job (after its grace period); unknown names are ignored. */
    void delete(String jobName);

    /**
     * Stops a job after the stop command was sent: the worker gets a grace period to end on its own
     * (reporting {@code interrupted}), then the job is removed. Default: remove at once.
     */
    default void stop(String jobName) {
        delete(jobName);
    }

    /** Whether the job is still running, as far as the launcher knows. */
    boolean isRunning(String jobName);

    /**
     * Whether the launcher has (or had) this job, running or ended — after a restart this tells a
     * claimed launch that never reached the launcher from one that did. Default: {@link
     * #isRunning}.
     */
    default boolean exists(String jobName) {
        return isRunning(jobName);
    }
}
