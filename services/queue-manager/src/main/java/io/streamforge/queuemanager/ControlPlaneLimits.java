package io.streamforge.queuemanager;

import io.streamforge.runtime.ConfigReader;

/**
 * Health and SSE limits of the queue-manager: {@code READY_STALE_MS} (readiness DOWN when Kafka or
 * the store did not answer for this long, default 5000), {@code LOOP_STALL_MS} (DOWN when the
 * telemetry loop made no pass for this long, default 30000), {@code SSE_CLIENT_BUFFER} (events
 * buffered per SSE client before it is dropped, default 1000), {@code SSE_REPLAY_EVENTS} (events
 * kept for {@code Last-Event-ID} resumes, default 10000).
 */
public record ControlPlaneLimits(
        long readyStaleMs, long loopStallMs, int sseClientBuffer, int sseReplayEvents) {
    public static final ControlPlaneLimits DEFAULTS =
            new ControlPlaneLimits(5_000, 30_000, 1_000, 10_000);

    /** Reads the four variables; problems go to the reader. */
    public static ControlPlaneLimits read(ConfigReader r) {
        return new ControlPlaneLimits(
                r.intValue("READY_STALE_MS", 5_000, 500, 3_600_000),
                r.intValue("LOOP_STALL_MS", 30_000, 1_000, 3_600_000),
                r.intValue("SSE_CLIENT_BUFFER", 1_000, 1, 1_000_000),
                r.intValue("SSE_REPLAY_EVENTS", 10_000, 1, 10_000_000));
    }
}
