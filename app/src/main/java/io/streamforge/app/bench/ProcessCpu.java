package io.streamforge.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * CPU time of the processes a bench owns — this JVM, its child processes (a peer's JVM) and the
 * PostgreSQL server (the postmaster named by {@code postmaster.pid}, with its backends) — read from
 * {@code /proc/<pid>/stat}: user + system time of every live process plus the time of children
 * already reaped by the roots. Unlike {@link CpuMeter} (the whole machine), other work on a shared
 * machine does not count. Linux only; elsewhere {@link #available()} is false.
 */
public final class ProcessCpu {
    private static final double TICK_NS = 1e9 / 100; // USER_HZ, 100 on Linux

    private final List<Long> roots;
    private final long excluded;
    private final long startNs;

    private ProcessCpu(List<Long> roots, long excluded) {
        this.roots = roots;
        this.excluded = excluded;
        this.startNs = totalNs();
    }

    /** Starts counting for this JVM (and its children) plus the postmaster of {@code pgdata}. */
    public static ProcessCpu start(Path pgdata) {
        return start(pgdata, -1);
    }

    /**
     * Like {@link #start(Path)} without the child process {@code excludedPid} and its descendants
     * (e.g. the exchange simulator in its own process).
     */
    public static ProcessCpu start(Path pgdata, long excludedPid) {
        return new ProcessCpu(
                List.of(ProcessHandle.current().pid(), postmasterPid(pgdata)), excludedPid);
    }

    /** Counts process {@code pid} and its descendants only. */
    public static ProcessCpu of(long pid) {
        return new ProcessCpu(List.of(pid), -1);
    }

    static boolean available() {
        return Files.isReadable(Path.of("/proc/self/stat"));
    }

    /** CPU seconds used since {@link #start}. */
    public double seconds() {
        return (totalNs() - startNs) / 1e9;
    }

    /** CPU µs per record since {@link #start}. */
    public double microsPer(long records) {
        return seconds() * 1e6 / Math.max(1, records);
    }

    private long totalNs() {
        if (!available()) {
            return 0;
        }
        Set<Long> pids = new HashSet<>();
        long ticks = 0;
        for (long root : roots) {
            if (root <= 0) {
                continue;
            }
            long[] r = stat(root);
            ticks += r[2]; // reaped children of the root
            pids.add(root);
            ProcessHandle.of(root).ifPresent(h -> h.descendants().forEach(d -> pids.add(d.pid())));
        }
        if (excluded > 0) {
            pids.remove(excluded);
            ProcessHandle.of(excluded)
                    .ifPresent(h -> h.descendants().forEach(d -> pids.remove(d.pid())));
        }
        for (long pid : pids) {
            ticks += stat(pid)[1];
        }
        return (long) (ticks * TICK_NS);
    }

    /** {pid, utime+stime, cutime+cstime} in ticks; zeros when the process is gone. */
    private static long[] stat(long pid) {
        try {
            String s = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            // after "pid (comm) ": state=f[0], ..., utime=f[11], stime=f[12], cutime=f[13],
            // cstime=f[14]
            return new long[] {
                pid,
                Long.parseLong(f[11]) + Long.parseLong(f[12]),
                Long.parseLong(f[13]) + Long.parseLong(f[14])
            };
        } catch (IOException | RuntimeException e) {
            return new long[] {pid, 0, 0};
        }
    }

    private static long postmasterPid(Path pgdata) {
        try {
            return Long.parseLong(
                    Files.readAllLines(pgdata.resolve("postmaster.pid")).get(0).strip());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
