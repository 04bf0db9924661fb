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
        BigDecimal plain = text == null ? null : parsePlain(text);
        return plain != null ? plain : parseGeneral(field, text);
    }

    /** The general path of {@link #parse}: any form {@link BigDecimal} reads, then normalised. */
    static BigDecimal parseGeneral(String field, String text) {
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
     * The form exchanges print ({@code -?digits[.digits]}, at most {@value #PLAIN_MAX_DIGITS}
     * digits, no sign other than a leading minus, no exponent, no blanks) read straight into an
     * unscaled {@code long} and a scale, trailing fraction zeros dropped on the way: the same value
     * and scale as {@code normalize(new BigDecimal(t))} without BigDecimal's parser and without
     * {@code stripTrailingZeros}. Null for anything else (the general path reads it). A measured
     * hot spot of WebSocket and dump parsing (ADR 3451).
     */
    static BigDecimal parsePlain(String t) {
        int n = t.length();
        if (n == 0 || n > PLAIN_MAX_DIGITS + 2) {
            return null; // more digits than fit, or not a plain decimal
        }
        int i = t.charAt(0) == '-' ? 1 : 0;
        long unscaled = 0;
        int scale = 0;
        int zeros = 0; // fraction zeros not yet multiplied in (dropped if nothing follows them)
        boolean point = false;
        int digits = 0;
        for (; i < n; i++) {
            char c = t.charAt(i);
            if (c == '.' && !point) {
                point = true;
            } else if (c >= '0' && c <= '9') {
                digits++;
                if (point && c == '0') {
                    zeros++;
                } else {
                    for (; zeros > 0; zeros--, scale++) {
                        unscaled *= 10;
                    }
                    unscaled = unscaled * 10 + (c - '0');
                    scale += point ? 1 : 0;
                }
            } else {
                return null;
            }
        }
        if (digits == 0 || digits > PLAIN_MAX_DIGITS) {
            return null;
        }
        if (unscaled == 0) {
            return BigDecimal.ZERO;
        }
        return BigDecimal.valueOf(t.charAt(0) == '-' ? -unscaled : unscaled, scale);
    }

    /** Digits {@link #parsePlain} reads: 18 always fit in a {@code long}. */
    private static final int PLAIN_MAX_DIGITS = 18;

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
