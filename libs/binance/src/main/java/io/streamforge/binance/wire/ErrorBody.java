package io.streamforge.binance.wire;

/**
 * Binance error body {@code {"code": -1121, "msg": "Invalid symbol."}}; {@code code} may be null.
 */
public record ErrorBody(Integer code, String msg) {
    /** The code, or 0 when the body carried none. */
    public int codeOrZero() {
        return code == null ? 0 : code;
    }
}
