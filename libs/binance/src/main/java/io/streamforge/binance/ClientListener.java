package io.streamforge.binance;

/**
 * Metrics hooks without a metrics dependency; the runtime bridges them to Micrometer. Called on the
 * requesting thread; implementations must be fast and must not throw.
 */
public interface ClientListener {
    /**
     * After every HTTP exchange. {@code status} is the HTTP status, or -1 when no response came
     * (timeout, I/O error). {@code weightUsed} is the {@code X-MBX-USED-WEIGHT-1M} header, or -1.
     */
    default void onRequest(String endpoint, int status, long weightUsed, long latencyNs) {}

    /** After a 429 (or 418 ban) with the wait the server asked for. */
    default void onRateLimited(int httpStatus, long retryAfterMs) {}

    /** Before the client waits because the local weight budget is spent or blocked. */
    default void onBudgetWait(long waitMs) {}

    /** Before a transient failure is retried ({@code attempt} starts at 1). */
    default void onRetry(String endpoint, int attempt, long backoffMs, RuntimeException cause) {}

    ClientListener NONE = new ClientListener() {};
}
