package io.streamforge.domain.queue;

import java.util.Locale;

/** State of one step of a queue: same vocabulary as the queue. */
public enum StepStatus {
    PENDING,
    RUNNING,
    FINISHED,
    FAILED,
    INTERRUPTED;

    public boolean terminal() {
        return this == FINISHED || this == FAILED || this == INTERRUPTED;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static StepStatus of(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
