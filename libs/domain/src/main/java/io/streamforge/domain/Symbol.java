package io.streamforge.domain;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** An exchange symbol such as {@code BTCUSDT}; always upper case, 2..20 of [A-Z0-9]. */
public record Symbol(String value) implements Comparable<Symbol> {
    private static final Pattern VALID = Pattern.compile("[A-Z0-9]{2,20}");

    public Symbol {
        Objects.requireNonNull(value, "symbol");
        if (!VALID.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "invalid symbol '" + value + "': expected 2-20 upper-case letters or digits");
        }
    }

    /** Parses a symbol given in any case ({@code btcusdt} → {@code BTCUSDT}). */
    public static Symbol of(String raw) {
        Objects.requireNonNull(raw, "symbol");
        return new Symbol(raw.trim().toUpperCase(Locale.ROOT));
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
