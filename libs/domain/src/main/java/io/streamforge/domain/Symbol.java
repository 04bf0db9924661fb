package io.streamforge.domain;

import java.util.Locale;
import java.util.Objects;

/** An exchange symbol such as {@code BTCUSDT}; always upper case, 2..20 of [A-Z0-9]. */
public record Symbol(String value) implements Comparable<Symbol> {
    public Symbol {
        Objects.requireNonNull(value, "symbol");
        if (!valid(value)) {
            throw new IllegalArgumentException(
                    "invalid symbol '" + value + "': expected 2-20 upper-case letters or digits");
        }
    }

    /** Parses a symbol given in any case ({@code btcusdt} → {@code BTCUSDT}). */
    public static Symbol of(String raw) {
        Objects.requireNonNull(raw, "symbol");
        return new Symbol(valid(raw) ? raw : raw.trim().toUpperCase(Locale.ROOT));
    }

    /** Same as matching {@code [A-Z0-9]{2,20}}, without a regex (this runs once per record). */
    private static boolean valid(String s) {
        int n = s.length();
        if (n < 2 || n > 20) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }

    /** Lower-case form used in WebSocket stream names. */
    public String lower() {
        return value.toLowerCase(Locale.ROOT);
    }

    @Override
    public int compareTo(Symbol o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
