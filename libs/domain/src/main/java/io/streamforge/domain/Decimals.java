package io.streamforge.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Exact decimal handling. Prices and quantities travel as strings and are held as {@link
 * BigDecimal} with a normalised scale: trailing zeros stripped, never a negative scale, so {@code
 * "0.01000000"} and {@code "0.01"} are equal under {@link BigDecimal#equals}.
 */
public final class Decimals {
    private Decimals() {}

    public static BigDecimal normalize(BigDecimal value) {
        Objects.requireNonNull(value, "decimal");
        if (value.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** Parses a decimal string; the error names the field. */
    public static BigDecimal parse(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(field + ": missing decimal");
        }
        try {
            return normalize(new BigDecimal(text.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": not a decimal: '" + text + "'", e);
        }
    }

    /** Plain string form without exponent, as Binance prints it (minus trailing zeros). */
    public static String format(BigDecimal value) {
        return normalize(value).toPlainString();
    }
}
