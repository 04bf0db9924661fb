package io.streamforge.app.bench;

import java.lang.management.ManagementFactory;

/**
 * The whole machine's CPU use during a measured phase (every process: the JVM, PostgreSQL, the
 * rest), sampled every 100 ms from {@code com.sun.management.OperatingSystemMXBean#getCpuLoad}.
 * {@link #cpuMicrosPer} turns it into CPU time per record, which decides a pipeline's rate when all
 * its stages share the same cores.
 */
public final class CpuMeter implements AutoCloseable {
    private static final long PERIOD_MS = 100;

    private final com.sun.management.OperatingSystemMXBean os;
    private final Thread sampler;
    private volatile boolean running = true;
    private double loadSum;
    private int samples;

    private CpuMeter(com.sun.management.OperatingSystemMXBean os) {
        this.os = os;
        this.sampler = new Thread(this::sample, "bench-cpu-meter");
        sampler.setDaemon(true);
    }

    /** Starts sampling now. */
    public static CpuMeter start() {
        CpuMeter m =
                new CpuMeter(
                        (com.sun.management.OperatingSystemMXBean)
                                ManagementFactory.getOperatingSystemMXBean());
        m.os.getCpuLoad(); // the first reading only sets the baseline
        m.sampler.start();
        return m;
    }

    private void sample() {
        while (running) {
            try {
                Thread.sleep(PERIOD_MS);
            } catch (InterruptedException e) {
                return;
            }
            double load = os.getCpuLoad();
            if (load >= 0) {
                synchronized (this) {
                    loadSum += load;
                    samples++;
                }
            }
        }
    }

    /** Stops sampling (idempotent). */
    @Override
    public void close() {
        if (running) {
            running = false;
            sampler.interrupt();
            try {
                sampler.join(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Mean share of all cores busy while measuring, 0..1 (NaN without samples). */
    public synchronized double busy() {
        return samples == 0 ? Double.NaN : loadSum / samples;
    }

    public static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** Machine CPU time per record, µs: busy share × cores × {@code seconds} ÷ records. */
    public double cpuMicrosPer(long records, double seconds) {
        close();
        return busy() * cores() * seconds * 1e6 / Math.max(1, records);
    }
}
