package io.streamforge.queuemanager;

import io.streamforge.domain.port.JobLauncher;
import io.streamforge.domain.queue.JobSpec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one in-memory {@link JobLauncher} of the queue-manager's tests; it passes the shared {@link
 * io.streamforge.testkit.JobLauncherContract} ({@link RecordingJobLauncherContractTest}). A launch
 * is idempotent per job name, as the port demands, yet every call that reached it is recorded
 * ({@link #launches}), so a test still sees an attempt launched twice. A job runs until the test
 * ends it ({@link #end}: it stays known, as an ended Kubernetes Job does) or it is stopped or
 * deleted (removed at once: the port's default stop, no grace period). {@link #failNextLaunch}
 * makes the next launch throw, as an unreachable API server would. Thread-safe.
 */
final class RecordingJobLauncher implements JobLauncher {
    private final List<JobSpec> launches = new ArrayList<>();
    private final Map<String, Integer> starts = new HashMap<>();
    private final Set<String> known = new LinkedHashSet<>();
    private final Set<String> running = new LinkedHashSet<>();
    private final List<String> stopped = new ArrayList<>();
    private final List<String> deleted = new ArrayList<>();
    private final Deque<RuntimeException> failures = new ArrayDeque<>();

    /** A spec for a job of this name, for tests that need a job but no pipeline. */
    static JobSpec job(String jobName) {
        return new JobSpec("q-test", jobName, "dummy-service", jobName, "img:test", Map.of());
    }

    @Override
    public synchronized void launch(JobSpec spec) {
        RuntimeException failure = failures.poll();
        if (failure != null) {
            throw failure;
        }
        launches.add(spec);
        if (known.add(spec.jobName())) {
            running.add(spec.jobName());
            starts.merge(spec.jobName(), 1, Integer::sum);
        }
    }

    @Override
    public synchronized void delete(String jobName) {
        deleted.add(jobName);
        remove(jobName);
    }

    @Override
    public synchronized void stop(String jobName) {
        stopped.add(jobName);
        remove(jobName);
    }

    private void remove(String jobName) {
        known.remove(jobName);
        running.remove(jobName);
    }

    @Override
    public synchronized boolean isRunning(String jobName) {
        return running.contains(jobName);
    }

    @Override
    public synchronized boolean exists(String jobName) {
        return known.contains(jobName);
    }

    /** The job ends on its own (exit, crash, OOM): no longer running, still known. */
    synchronized void end(String jobName) {
        running.remove(jobName);
    }

    /** The next launch call throws {@code failure} and starts nothing. */
    synchronized void failNextLaunch(RuntimeException failure) {
        failures.add(failure);
    }

    /** Every launch call that did not throw, in order, repeated ones included. */
    synchronized List<JobSpec> launches() {
        return List.copyOf(launches);
    }

    /** The targets of {@link #launches}, in order. */
    synchronized List<String> launchedTargets() {
        return launches.stream().map(JobSpec::target).toList();
    }

    /** How many times a job of this name was started (a repeated launch starts nothing). */
    synchronized int started(String jobName) {
        return starts.getOrDefault(jobName, 0);
    }

    /** The jobs running now, in launch order. */
    synchronized List<String> running() {
        return List.copyOf(running);
    }

    /** The job names {@link #stop} was called with, in order. */
    synchronized List<String> stopped() {
        return List.copyOf(stopped);
    }

    /** The job names {@link #delete} was called with, in order. */
    synchronized List<String> deleted() {
        return List.copyOf(deleted);
    }
}
