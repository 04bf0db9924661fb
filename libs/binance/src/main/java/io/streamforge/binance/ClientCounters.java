package io.streamforge.binance;

import java.util.concurrent.atomic.AtomicLong;

/** Simple thread-safe counters of one client, readable in tests and health endpoints. */
public final class ClientCounters implements ClientListener {
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong failedRequests = new AtomicLong();
    private final AtomicLong rateLimited = new AtomicLong();
    private final AtomicLong banned = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong budgetWaits = new AtomicLong();
    private final AtomicLong budgetWaitMs = new AtomicLong();
    private final AtomicLong lastUsedWeight = new AtomicLong(-1);

    @Override
    public void onRequest(String endpoint, int status, long weightUsed, long latencyNs) {
        requests.incrementAndGet();
        if (status < 200 || status >= 300) {
            failedRequests.incrementAndGet();
        }
        if (weightUsed >= 0) {
            lastUsedWeight.set(weightUsed);
        }
    }

    @Override
    public void onRateLimited(int httpStatus, long retryAfterMs) {
        (httpStatus == 418 ? banned : rateLimited).incrementAndGet();
    }

    @Override
    public void onBudgetWait(long waitMs) {
        budgetWaits.incrementAndGet();
        budgetWaitMs.addAndGet(waitMs);
    }

    @Override
    public void onRetry(String endpoint, int attempt, long backoffMs, RuntimeException cause) {
        retries.incrementAndGet();
    }

    /** HTTP exchanges attempted (including failed ones). */
    public long requests() {
        return requests.get();
    }

    /** Exchanges without a 2xx answer (errors, timeouts, I/O failures). */
    public long failedRequests() {
        return failedRequests.get();
    }

    /** 429 answers. */
    public long rateLimited() {
        return rateLimited.get();
    }

    /** 418 answers (IP bans). */
    public long banned() {
        return banned.get();
    }

    public long retries() {
        return retries.get();
    }

    /** Times the client waited for the weight budget (window full or Retry-After block). */
    public long budgetWaits() {
        return budgetWaits.get();
    }

    public long budgetWaitMs() {
        return budgetWaitMs.get();
    }

    /** Last {@code X-MBX-USED-WEIGHT-1M} seen, or -1. */
    public long lastUsedWeight() {
        return lastUsedWeight.get();
    }
}
