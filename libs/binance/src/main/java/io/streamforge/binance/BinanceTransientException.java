package io.streamforge.binance;

import io.streamforge.domain.TransientException;

/**
 * A failure that may succeed later: 5xx, timeouts, I/O errors, codes -1006/-1007/-1008. {@code
 * httpStatus} is -1 when no response came; {@code code} is the Binance code or 0.
 */
public class BinanceTransientException extends TransientException {
    private final int httpStatus;
    private final int code;

    public BinanceTransientException(
            String message, Throwable cause, int httpStatus, int code, long retryAfterMs) {
        super(message, cause, retryAfterMs);
        this.httpStatus = httpStatus;
        this.code = code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public int code() {
        return code;
    }
}
