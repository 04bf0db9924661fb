package io.streamforge.app.rehearse;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Scrapes the {@code /metrics} of each Job pod the {@link ProcessKubelet} runs, every {@value
 * #PERIOD_MS} ms while it runs, and keeps the union of the metric names each exposed. A Job that
 * ends between two scrapes is not seen; best effort (the metrics check says "job-only" for what
 * only such Jobs expose).
 */
final class JobScrapes implements AutoCloseable {
    static final long PERIOD_MS = 500;

    private final ProcessKubelet kubelet;
    private final Map<String, Set<String>> exposed = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean closed;

    JobScrapes(ProcessKubelet kubelet) {
        this.kubelet = kubelet;
        this.thread = new Thread(this::loop, "job-scrapes");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (!closed) {
            for (ProcessKubelet.JobRun run : kubelet.runs()) {
                ChildPod pod = run.pod();
                if (pod != null && run.exitCode() == null && pod.process().isAlive()) {
                    Set<String> names = ReferencedMetrics.exposed(pod.metrics());
                    if (!names.isEmpty()) {
                        exposed.computeIfAbsent(
                                        "job/" + run.job(), k -> ConcurrentHashMap.newKeySet())
                                .addAll(names);
                    }
                }
            }
            try {
                Thread.sleep(PERIOD_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The metric names each scraped Job exposed, by {@code job/<name>}. */
    Map<String, Set<String>> exposed() {
        Map<String, Set<String>> out = new TreeMap<>();
        exposed.forEach((k, v) -> out.put(k, Set.copyOf(v)));
        return out;
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
