package io.streamforge.queuemanager;

import io.streamforge.domain.port.JobLauncher;
import io.streamforge.domain.queue.JobSpec;
import io.streamforge.runtime.StopSignal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs workers as threads of this JVM (local mode). Each worker gets the platform environment
 * (Kafka, database, exchange) overlaid with its job's own variables. {@link #stop} signals the
 * worker at once and, after {@code stopGraceMs}, interrupts its thread and joins it; a job name is
 * run at most once per launcher (launch is idempotent).
 */
public final class LocalJobLauncher implements JobLauncher, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalJobLauncher.class);

    /** A service's in-process entry point, returning its exit code. */
    @FunctionalInterface
    public interface Entry {
        int run(Map<String, String> env, StopSignal stop);
    }

    private record Running(Thread thread, StopSignal stop) {}

    private final Map<String, Entry> entries;
    private final Map<String, String> platformEnv;
    private final Map<String, Running> running = new ConcurrentHashMap<>();
    private final Map<String, Integer> exitCodes = new ConcurrentHashMap<>();
    private final long stopGraceMs;
    private final ScheduledExecutorService reaper =
            Executors.newSingleThreadScheduledExecutor(
                    r -> {
                        Thread t = new Thread(r, "local-job-reaper");
                        t.setDaemon(true);
                        return t;
                    });

    /** With a 10 s stop grace period. */
    public LocalJobLauncher(Map<String, Entry> entries, Map<String, String> platformEnv) {
        this(entries, platformEnv, 10_000);
    }

    public LocalJobLauncher(
            Map<String, Entry> entries, Map<String, String> platformEnv, long stopGraceMs) {
        this.entries = Map.copyOf(entries);
        this.platformEnv = new ConcurrentHashMap<>(platformEnv);
        this.stopGraceMs = stopGraceMs;
    }

    /** Adds a platform variable known only after start (e.g. the API's URL). */
    public void addPlatformEnv(String name, String value) {
        platformEnv.put(name, value);
    }

    @Override
    public synchronized void launch(JobSpec spec) {
        if (running.containsKey(spec.jobName())) {
            return;
        }
        Entry entry = entries.get(spec.target());
        if (entry == null) {
            throw new IllegalStateException("no local entry point for target " + spec.target());
        }
        Map<String, String> env = new HashMap<>(platformEnv);
        env.putAll(spec.env());
        env.put("HTTP_PORT", "0");
        StopSignal stop = new StopSignal();
        Thread t =
                new Thread(
                        () -> {
                            int code = entry.run(env, stop);
                            exitCodes.put(spec.jobName(), code);
                            LOG.info("job {} exited with {}", spec.jobName(), code);
                        },
                        "job-" + spec.jobName());
        running.put(spec.jobName(), new Running(t, stop));
        t.start();
    }

    @Override
    public void delete(String jobName) {
        Running r = running.get(jobName);
        if (r != null) {
            r.stop().stop("job deleted");
            r.thread().interrupt();
        }
    }

    /** Signals the worker now; after the grace period interrupts its thread and joins it. */
    @Override
    public void stop(String jobName) {
        Running r = running.get(jobName);
        if (r == null) {
            return;
        }
        r.stop().stop("job stopped");
        reaper.schedule(() -> reap(jobName, r), stopGraceMs, TimeUnit.MILLISECONDS);
    }

    private void reap(String jobName, Running r) {
        if (!r.thread().isAlive()) {
            return;
        }
        LOG.warn("job {} still runs after its stop grace period; interrupting it", jobName);
        r.thread().interrupt();
        try {
            r.thread().join(stopGraceMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (r.thread().isAlive()) {
            LOG.error("job {} ignores interrupts; its thread is still alive", jobName);
        }
    }

    @Override
    public boolean isRunning(String jobName) {
        Running r = running.get(jobName);
        return r != null && r.thread().isAlive();
    }

    /** Whether this launcher ran the job (a new launcher, e.g. after a restart, knows none). */
    @Override
    public boolean exists(String jobName) {
        return running.containsKey(jobName);
    }

    /** Names of the jobs whose thread is alive. */
    public List<String> alive() {
        return running.entrySet().stream()
                .filter(e -> e.getValue().thread().isAlive())
                .map(Map.Entry::getKey)
                .toList();
    }

    /** Exit code of a finished job, or null while running or unknown. */
    public Integer exitCode(String jobName) {
        return exitCodes.get(jobName);
    }

    /** Stops every job and waits for them (bounded). */
    public void shutdown(long waitMs) throws InterruptedException {
        reaper.shutdownNow();
        running.values().forEach(r -> r.stop().stop("shutdown"));
        long deadline = System.currentTimeMillis() + waitMs;
        for (Running r : running.values()) {
            r.thread().join(Math.max(1, deadline - System.currentTimeMillis()));
        }
    }

    /** {@link #shutdown} with the stop grace period, then interrupts what still runs. */
    @Override
    public void close() throws InterruptedException {
        shutdown(stopGraceMs);
        for (Running r : running.values()) {
            r.thread().interrupt();
        }
    }
}
