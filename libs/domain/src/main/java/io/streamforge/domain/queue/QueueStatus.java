package io.streamforge.domain.queue;

import java.util.Locale;

/** {@code pending → running → finished | failed | interrupted}. */
public enum QueueStatus {
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

    public static QueueStatus of(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
