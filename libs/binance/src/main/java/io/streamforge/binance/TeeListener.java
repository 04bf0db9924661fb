package io.streamforge.binance;

/** Forwards every event to two listeners (the client's counters and the caller's listener). */
final class TeeListener implements ClientListener {
    private final ClientListener a;
    private final ClientListener b;

    TeeListener(ClientListener a, ClientListener b) {
        this.a = a;
        this.b = b;
    }

    @Override
    public void onRequest(String endpoint, int status, long weightUsed, long latencyNs) {
        a.onRequest(endpoint, status, weightUsed, latencyNs);
        b.onRequest(endpoint, status, weightUsed, latencyNs);
    }

    @Override
    public void onRateLimited(int httpStatus, long retryAfterMs) {
        a.onRateLimited(httpStatus, retryAfterMs);
        b.onRateLimited(httpStatus, retryAfterMs);
    }

    @Override
    public void onBudgetWait(long waitMs) {
        a.onBudgetWait(waitMs);
        b.onBudgetWait(waitMs);
    }

    @Override
    public void onRetry(String endpoint, int attempt, long backoffMs, RuntimeException cause) {
        a.onRetry(endpoint, attempt, backoffMs, cause);
        b.onRetry(endpoint, attempt, backoffMs, cause);
    }
}
