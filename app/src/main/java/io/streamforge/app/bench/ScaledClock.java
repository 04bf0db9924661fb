package io.streamforge.app.bench;

import io.streamforge.binance.Sleeper;
import io.streamforge.domain.port.TimeSource;
import java.util.concurrent.locks.LockSupport;

/**
 * A simulated clock running {@code speed} times faster than the wall clock from a known wall-clock
 * origin, shared by the simulator and the client so that both count weight in the same (scaled)
 * minutes; it can also map a simulated time back to the wall clock (for event-time latency).
 */
final class ScaledClock implements TimeSource {
    private final long startUs;
    private final double speed;
    private final long wallStartNs;

    ScaledClock(long startUs, double speed) {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException(
                    "speed must be a positive finite number, got " + speed);
        }
        this.startUs = startUs;
        this.speed = speed;
        this.wallStartNs = System.nanoTime();
    }

    @Override
    public long nowUs() {
        return startUs + (long) ((System.nanoTime() - wallStartNs) / 1_000.0 * speed);
    }

    double speed() {
        return speed;
    }

    /** The {@link System#nanoTime()} at which this clock shows {@code simUs}. */
    long wallNanosOf(long simUs) {
        return wallStartNs + (long) ((simUs - startUs) * 1_000.0 / speed);
    }

    /** Wall nanoseconds that {@code simMs} simulated milliseconds take. */
    long wallNanosFor(double simMs) {
        return (long) (simMs * 1_000_000.0 / speed);
    }

    /** A sleeper that waits simulated milliseconds (the client's budget waits and backoff). */
    Sleeper sleeper() {
        return ms -> {
            if (ms <= 0) {
                return;
            }
            LockSupport.parkNanos(wallNanosFor(ms));
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException(
                        "interrupted while waiting " + ms + " simulated ms");
            }
        };
    }

    /** Parks until this clock shows at least {@code simUs}. */
    void sleepUntil(long simUs) {
        long wait;
        while ((wait = wallNanosOf(simUs) - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }
}
