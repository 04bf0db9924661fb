package io.streamforge.queuemanager;

import io.streamforge.domain.port.JobLauncher;
import io.streamforge.domain.queue.JobSpec;
import io.streamforge.runtime.StopSignal;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs workers as threads of this JVM (local mode). Each worker gets the platform environment
 * (Kafka, database, exchange) overlaid with its job's own variables.
 */
public final class LocalJobLauncher implements JobLauncher {
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

    public LocalJobLauncher(Map<String, Entry> entries, Map<String, String> platformEnv) {
        this.entries = Map.copyOf(entries);
        this.platformEnv = Map.copyOf(platformEnv);
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
        }
    }

    @Override
    public boolean isRunning(String jobName) {
        Running r = running.get(jobName);
        return r != null && r.thread().isAlive();
    }

    /** Exit code of a finished job, or null while running or unknown. */
    public Integer exitCode(String jobName) {
        return exitCodes.get(jobName);
    }

    /** Stops every job and waits for them (bounded). */
    public void shutdown(long waitMs) throws InterruptedException {
        running.values().forEach(r -> r.stop().stop("shutdown"));
        long deadline = System.currentTimeMillis() + waitMs;
        for (Running r : running.values()) {
            r.thread().join(Math.max(1, deadline - System.currentTimeMillis()));
        }
    }
}
