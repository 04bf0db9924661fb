package io.streamforge.domain.queue;

import java.util.Locale;

/**
 * How far the orchestrator got in launching a step's current attempt. {@code LAUNCHING} is
 * persisted <em>before</em> the launcher is called, so after a crash the orchestrator knows a job
 * of that attempt may exist and never starts a second one under another name.
 */
public enum LaunchState {
    /** No job was ever requested for this step (or for its current attempt). */
    NONE,
    /** The launch of {@code attempt} was claimed; the launcher may or may not have the job. */
    LAUNCHING,
    /** The launcher accepted the job of {@code attempt}. */
    LAUNCHED,
    /** The queue was stopped: the launcher was asked to remove the job after the grace period. */
    STOPPING;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LaunchState of(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
