package io.streamforge.sim;

import io.streamforge.domain.Interval;
import io.streamforge.domain.Micros;
import io.streamforge.domain.Symbol;
import java.util.regex.Pattern;

/** Binance-compatible parsing and validation of query parameters (errors as {@link ApiError}). */
final class Params {
    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9\\-_.]{1,20}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,20}");

    private Params() {}

    static boolean present(String raw) {
        return raw != null && !raw.isEmpty();
    }

    /** A mandatory, known symbol: -1102 when absent, -1100 when malformed, -1121 when unknown. */
    static Symbol symbol(String raw, MarketModel model) {
        if (!present(raw)) {
            throw ApiError.mandatory("symbol");
        }
        Symbol s = symbolFormat(raw);
        if (!model.hasSymbol(s)) {
            throw ApiError.badSymbol();
        }
        return s;
    }

    /** A well-formed symbol (not necessarily served): -1100 when malformed, -1121 when invalid. */
    static Symbol symbolFormat(String raw) {
        if (!SYMBOL.matcher(raw).matches()) {
            throw ApiError.illegalChars("symbol", ApiError.SYMBOL_RANGE);
        }
        try {
            return new Symbol(raw);
        } catch (IllegalArgumentException e) {
            throw ApiError.badSymbol();
        }
    }

    static Interval interval(String raw) {
        if (!present(raw)) {
            throw ApiError.mandatory("interval");
        }
        try {
            return Interval.of(raw);
        } catch (IllegalArgumentException e) {
            throw ApiError.badInterval();
        }
    }

    /** An optional non-negative LONG; null when absent. */
    static Long optLong(String name, String raw) {
        if (!present(raw)) {
            return null;
        }
        if (!DIGITS.matcher(raw).matches()) {
            throw ApiError.illegalChars(name, ApiError.DIGITS);
        }
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw ApiError.invalidParam(name);
        }
    }

    /** An optional time in ms or µs (value &gt; 10^13 → µs), returned in µs; null when absent. */
    static Long optTimeUs(String name, String raw) {
        Long v = optLong(name, raw);
        if (v == null) {
            return null;
        }
        if (v > Micros.MICROS_THRESHOLD) {
            return v;
        }
        return Micros.fromMs(v);
    }

    /**
     * Exclusive µs bound for an inclusive endTime: ms input covers its whole millisecond, µs input
     * only itself.
     */
    static Long optEndExclusiveUs(String raw) {
        Long v = optLong("endTime", raw);
        if (v == null) {
            return null;
        }
        return v > Micros.MICROS_THRESHOLD ? v + 1 : Micros.fromMs(v) + 1_000L;
    }

    /** limit in [1, max], default when absent; -1100 when not digits, -1130 when out of range. */
    static int limit(String raw, int def, int max) {
        Long v = optLong("limit", raw);
        if (v == null) {
            return def;
        }
        if (v < 1 || v > max) {
            throw ApiError.invalidParam("limit");
        }
        return v.intValue();
    }
}
