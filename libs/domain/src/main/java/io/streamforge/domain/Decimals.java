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
            String t = text.trim();
            BigDecimal v = new BigDecimal(t);
            return alreadyNormal(t) ? v : normalize(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": not a decimal: '" + text + "'", e);
        }
    }

    /**
     * True when {@code new BigDecimal(t)} is already in normal form: no exponent, and either no
     * decimal point (scale 0) or a last digit that is not a zero (no trailing zeros to strip).
     */
    private static boolean alreadyNormal(String t) {
        boolean point = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == 'e' || c == 'E') {
                return false;
            }
            point |= c == '.';
        }
        return !point || t.charAt(t.length() - 1) != '0';
    }

    /** Plain string form without exponent, as Binance prints it (minus trailing zeros). */
    public static String format(BigDecimal value) {
        return normalize(value).toPlainString();
    }
}
