package io.streamforge.sim;

import io.streamforge.domain.Micros;
import io.streamforge.domain.port.TimeSource;
import java.time.Instant;

/**
 * A simulated clock that starts at a chosen instant and runs {@code speed} times faster than the
 * wall clock: {@code now = start + (wall elapsed) × speed}. Give it to {@link
 * SimConfig#withTimeSource} to replay history quickly: at speed 60 a day of trades arrives over the
 * WebSocket streams in 24 minutes, at 3,600 in 24 seconds.
 */
public final class ReplayClock implements TimeSource {
    private final long startUs;
    private final double speed;
    private final long wallStartNs;

    private ReplayClock(long startUs, double speed) {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException(
                    "speed must be a positive finite number, got " + speed);
        }
        this.startUs = startUs;
        this.speed = speed;
        this.wallStartNs = System.nanoTime();
    }

    /** A clock at {@code start} now, advancing {@code speed} simulated seconds per wall second. */
    public static ReplayClock startingAt(Instant start, double speed) {
        return new ReplayClock(Micros.of(start), speed);
    }

    /** Same, with the start in epoch µs. */
    public static ReplayClock startingAtUs(long startUs, double speed) {
        return new ReplayClock(startUs, speed);
    }

    @Override
    public long nowUs() {
        double elapsedUs = (System.nanoTime() - wallStartNs) / 1_000.0;
        return startUs + (long) (elapsedUs * speed);
    }

    public double speed() {
        return speed;
    }

    public long startUs() {
        return startUs;
    }
}
