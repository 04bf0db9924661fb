package io.streamforge.app.live;

import io.streamforge.domain.port.TimeSource;

/** A replay clock: start + wall time elapsed × speed (the simulator and the loader share it). */
final class ReplayClock implements TimeSource {
    private final long startUs;
    private final double speed;
    private final long startNs = System.nanoTime();

    ReplayClock(long startUs, double speed) {
        this.startUs = startUs;
        this.speed = speed;
    }

    @Override
    public long nowUs() {
        return startUs + (long) ((System.nanoTime() - startNs) / 1_000.0 * speed);
    }
}
