package io.streamforge.sim;

import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import java.util.Locale;

/**
 * A parsed stream name: {@code <s>@aggTrade}, {@code <s>@trade}, {@code <s>@kline_<i>}, {@code
 * <s>@depth}, {@code <s>@depth@100ms}, {@code <s>@depth5|10|20[@100ms]}. The symbol part must be
 * lower case, as on Binance.
 */
record StreamName(
        String name, Symbol symbol, Kind kind, Interval interval, int levels, boolean fast) {
    enum Kind {
        AGG_TRADE,
        TRADE,
        KLINE,
        DEPTH_DIFF,
        DEPTH_PARTIAL
    }

    /** Parses {@code name}; null when it is not a stream of a symbol the model serves. */
    static StreamName parse(String name, MarketModel model) {
        if (name == null) {
            return null;
        }
        int at = name.indexOf('@');
        if (at <= 0
                || !name.substring(0, at).equals(name.substring(0, at).toLowerCase(Locale.ROOT))) {
            return null;
        }
        Symbol symbol;
        try {
            symbol = Symbol.of(name.substring(0, at).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (!model.hasSymbol(symbol)) {
            return null;
        }
        String rest = name.substring(at + 1);
        boolean fast = rest.endsWith("@100ms");
        String base = fast ? rest.substring(0, rest.length() - 6) : rest;
        if (!fast && rest.equals("aggTrade")) {
            return new StreamName(name, symbol, Kind.AGG_TRADE, null, 0, false);
        }
        if (!fast && rest.equals("trade")) {
            return new StreamName(name, symbol, Kind.TRADE, null, 0, false);
        }
        if (!fast && rest.startsWith("kline_")) {
            try {
                Interval i = Interval.of(rest.substring(6));
                return new StreamName(name, symbol, Kind.KLINE, i, 0, false);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        if (base.equals("depth")) {
            return new StreamName(name, symbol, Kind.DEPTH_DIFF, null, 0, fast);
        }
        if (base.equals("depth5") || base.equals("depth10") || base.equals("depth20")) {
            int levels = Integer.parseInt(base.substring(5));
            return new StreamName(name, symbol, Kind.DEPTH_PARTIAL, null, levels, fast);
        }
        return null;
    }
}
