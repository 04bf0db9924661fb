package io.streamforge.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Memory of a process tree from {@code /proc}: the sum of {@code VmRSS} (resident pages, shared
 * ones counted in every process that maps them — PostgreSQL's shared buffers once per backend) and
 * of {@code Pss} from {@code smaps_rollup} (shared pages divided among their users: what the tree
 * really occupies). A sampler thread keeps the peaks. Linux only.
 */
final class ProcessMemory implements AutoCloseable {
    /** Peaks (bytes) and the process count at the RSS peak. */
    record Peak(long rssBytes, long pssBytes, int processes) {}

    private final Supplier<List<Long>> roots;
    private final Thread sampler;
    private volatile boolean running = true;
    private volatile Peak peak = new Peak(0, 0, 0);

    private ProcessMemory(Supplier<List<Long>> roots, long periodMs) {
        this.roots = roots;
        this.sampler =
                new Thread(
                        () -> {
                            while (running) {
                                sample();
                                try {
                                    Thread.sleep(periodMs);
                                } catch (InterruptedException e) {
                                    return;
                                }
                            }
                        },
                        "bench-rss-sampler");
        sampler.setDaemon(true);
    }

    /** Samples the trees of {@code roots} (re-evaluated each time) every {@code periodMs}. */
    static ProcessMemory start(Supplier<List<Long>> roots, long periodMs) {
        ProcessMemory m = new ProcessMemory(roots, periodMs);
        m.sampler.start();
        return m;
    }

    Peak peak() {
        return peak;
    }

    private void sample() {
        Set<Long> pids = new HashSet<>();
        for (long root : roots.get()) {
            if (root > 0) {
                ProcessHandle.of(root)
                        .ifPresent(
                                h -> {
                                    pids.add(root);
                                    h.descendants().forEach(d -> pids.add(d.pid()));
                                });
            }
        }
        long rss = 0;
        long pss = 0;
        for (long pid : pids) {
            rss += kb(Path.of("/proc/" + pid + "/status"), "VmRSS:");
            pss += kb(Path.of("/proc/" + pid + "/smaps_rollup"), "Pss:");
        }
        Peak p = peak;
        if (rss > p.rssBytes() || pss > p.pssBytes()) {
            peak =
                    new Peak(
                            Math.max(rss, p.rssBytes()),
                            Math.max(pss, p.pssBytes()),
                            rss > p.rssBytes() ? pids.size() : p.processes());
        }
    }

    /** The {@code field} line of a /proc file in kB, as bytes (0 when unreadable). */
    static long kb(Path file, String field) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(field)) {
                    String v = line.substring(field.length()).strip();
                    return Long.parseLong(v.substring(0, v.indexOf(' '))) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process ended between listing and reading
        }
        return 0;
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
        sample();
    }
}
