package io.streamforge.binance;

/**
 * HTTP 429 (weight limit hit) or 418 (IP banned), or a local refusal because the budget is blocked
 * for longer than the client may wait. {@link #retryAfterMs()} says how long to stay silent.
 */
public class RateLimitedException extends BinanceTransientException {
    public RateLimitedException(String message, int httpStatus, int code, long retryAfterMs) {
        super(message, null, httpStatus, code, retryAfterMs);
    }

    /** True for an IP ban (HTTP 418). */
    public boolean banned() {
        return httpStatus() == 418;
    }
}
