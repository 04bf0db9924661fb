package io.streamforge.domain;

/** A failure that may succeed when retried (timeouts, 5xx, 429, broker unavailable). */
public class TransientException extends RuntimeException {
    private final long retryAfterMs;

    public TransientException(String message, Throwable cause) {
        this(message, cause, -1);
    }

    public TransientException(String message, Throwable cause, long retryAfterMs) {
        super(message, cause);
        this.retryAfterMs = retryAfterMs;
    }

    /** Server-advised wait before retrying, or -1 when none was given. */
    public long retryAfterMs() {
        return retryAfterMs;
    }
}
