package io.streamforge.loader.ws;

import io.streamforge.domain.port.TimeSource;

/** A replay clock (start + wall elapsed × speed) that a test can freeze. */
final class SimClock implements TimeSource {
    private final long startUs;
    private final double speed;
    private final long startNs = System.nanoTime();
    private volatile long frozenUs = -1;

    SimClock(long startUs, double speed) {
        this.startUs = startUs;
        this.speed = speed;
    }

    @Override
    public long nowUs() {
        long f = frozenUs;
        return f >= 0 ? f : startUs + (long) ((System.nanoTime() - startNs) / 1_000.0 * speed);
    }

    /** Stops the clock at the current instant; returns it. */
    long freeze() {
        frozenUs = nowUs();
        return frozenUs;
    }
}
