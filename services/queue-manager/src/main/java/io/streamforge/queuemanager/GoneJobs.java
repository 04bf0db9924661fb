package io.streamforge.queuemanager;

import io.streamforge.domain.port.JobLauncher;
import io.streamforge.domain.port.TimeSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * Judges whether a job has been gone long enough to end its step: it must have been absent from the
 * launcher for the whole grace period, counted only while every telemetry event was read (its
 * result may otherwise still wait unread in Kafka). Part of {@link Orchestrator}; not thread-safe
 * on its own (the orchestrator calls it under its lock).
 */
final class GoneJobs {
    private final JobLauncher launcher;
    private final TimeSource time;
    private final long graceUs;
    private final Map<String, Long> deadSinceUs = new ConcurrentHashMap<>();
    private volatile BooleanSupplier telemetryCurrent = () -> true;

    GoneJobs(JobLauncher launcher, TimeSource time, long graceMs) {
        this.launcher = launcher;
        this.time = time;
        this.graceUs = graceMs * 1_000L;
    }

    void telemetryCurrent(BooleanSupplier current) {
        this.telemetryCurrent = current;
    }

    boolean goneLongEnough(String jobName) {
        if (!telemetryCurrent.getAsBoolean()) {
            deadSinceUs.clear(); // its result may be waiting unread: judge after catching up
            return false;
        }
        if (launcher.isRunning(jobName)) {
            deadSinceUs.remove(jobName);
            return false;
        }
        long since = deadSinceUs.computeIfAbsent(jobName, j -> time.nowUs());
        return time.nowUs() - since >= graceUs;
    }

    /** The step of {@code jobName} ended: nothing more to judge. */
    void forget(String jobName) {
        deadSinceUs.remove(jobName);
    }
}
