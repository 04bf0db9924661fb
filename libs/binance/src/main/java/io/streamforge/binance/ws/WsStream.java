package io.streamforge.binance.ws;

import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import java.util.Objects;

/**
 * One market stream. Names are built exactly as Binance expects: lower-case symbol, then {@code
 * @kline_<interval>} (case-sensitive interval, {@code 1M} is a month), {@code @aggTrade}, {@code
 * @trade} or {@code @depth@100ms}.
 */
public record WsStream(Symbol symbol, Kind kind, Interval interval) {
    public enum Kind {
        KLINE,
        AGG_TRADE,
        TRADE,
        DEPTH
    }

    public WsStream {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.KLINE) != (interval != null)) {
            throw new IllegalArgumentException("stream: an interval is required for klines only");
        }
    }

    public static WsStream kline(Symbol symbol, Interval interval) {
        return new WsStream(symbol, Kind.KLINE, Objects.requireNonNull(interval, "interval"));
    }

    public static WsStream aggTrade(Symbol symbol) {
        return new WsStream(symbol, Kind.AGG_TRADE, null);
    }

    public static WsStream trade(Symbol symbol) {
        return new WsStream(symbol, Kind.TRADE, null);
    }

    public static WsStream depth(Symbol symbol) {
        return new WsStream(symbol, Kind.DEPTH, null);
    }

    /** The wire name, e.g. {@code btcusdt@kline_1m}. */
    public String name() {
        String s = symbol.lower();
        switch (kind) {
            case KLINE:
                return s + "@kline_" + interval.code();
            case AGG_TRADE:
                return s + "@aggTrade";
            case TRADE:
                return s + "@trade";
            default:
                return s + "@depth@100ms";
        }
    }

    /** Parses a wire name produced by {@link #name()}; the error names the bad part. */
    public static WsStream parse(String name) {
        Objects.requireNonNull(name, "stream name");
        int at = name.indexOf('@');
        if (at <= 0 || !name.substring(0, at).equals(name.substring(0, at).toLowerCase())) {
            throw new IllegalArgumentException(
                    "stream name '" + name + "': expected <lower-case symbol>@<type>");
        }
        Symbol symbol = Symbol.of(name.substring(0, at));
        String type = name.substring(at + 1);
        if (type.startsWith("kline_")) return kline(symbol, Interval.of(type.substring(6)));
        if (type.equals("aggTrade")) return aggTrade(symbol);
        if (type.equals("trade")) return trade(symbol);
        if (type.equals("depth@100ms")) return depth(symbol);
        throw new IllegalArgumentException(
                "stream name '" + name + "': unsupported type '" + type + "'");
    }

    @Override
    public String toString() {
        return name();
    }
}
