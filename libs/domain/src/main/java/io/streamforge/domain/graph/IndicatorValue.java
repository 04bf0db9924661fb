package io.streamforge.domain.graph;

import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One indicator value of one candle, identified by {@code (symbol, interval, openTimeUs, name)}.
 * {@code NaN} means "no value" (warm-up) and is never stored; infinities are rejected.
 *
 * @param name the indicator column, e.g. {@code RSI_14}, {@code BBANDS_20_2_UPPER}
 */
public record IndicatorValue(
        Symbol symbol, Interval interval, long openTimeUs, String name, double value) {

    /** Indicator names: 1-64 of letters, digits, {@code _ . -}. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    public IndicatorValue {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(interval, "interval");
        checkName(name);
        if (Double.isInfinite(value)) {
            throw new IllegalArgumentException(
                    "indicator " + name + " of " + symbol + " at " + openTimeUs + ": " + value);
        }
    }

    /** Throws {@link IllegalArgumentException} unless {@code name} is a valid indicator name. */
    public static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "indicator name '" + name + "': expected 1-64 of [A-Za-z0-9_.-]");
        }
        return name;
    }

    /** Deterministic key {@code <symbol>:<interval>:<open_time_us>:<name>}. */
    public String key() {
        return symbol + ":" + interval.code() + ":" + openTimeUs + ":" + name;
    }

    /** Whether this is a real value (not the warm-up NaN). */
    public boolean present() {
        return !Double.isNaN(value);
    }
}
