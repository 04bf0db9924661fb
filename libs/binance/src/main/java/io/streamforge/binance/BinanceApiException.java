package io.streamforge.binance;

import io.streamforge.domain.PermanentException;

/**
 * Binance rejected the request (4xx with an error body such as {@code -1121 Invalid symbol}).
 * Retrying cannot help. {@code code} is the Binance code, or 0 when the body carried none.
 */
public class BinanceApiException extends PermanentException {
    private final int httpStatus;
    private final int code;
    private final String binanceMessage;

    public BinanceApiException(String endpoint, int httpStatus, int code, String binanceMessage) {
        super(
                "Binance "
                        + endpoint
                        + " failed: HTTP "
                        + httpStatus
                        + ", code "
                        + code
                        + ": "
                        + binanceMessage);
        this.httpStatus = httpStatus;
        this.code = code;
        this.binanceMessage = binanceMessage;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public int code() {
        return code;
    }

    public String binanceMessage() {
        return binanceMessage;
    }
}
