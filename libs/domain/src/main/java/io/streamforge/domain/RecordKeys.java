package io.streamforge.domain;

/** Deterministic record keys: the natural key of every upsert. */
public final class RecordKeys {
    private RecordKeys() {}

    public static String candle(Market market, Symbol symbol, Interval interval, long openTimeUs) {
        return market.keyPrefix() + ":" + symbol + ":" + interval.code() + ":" + openTimeUs;
    }

    public static String aggTrade(Market market, Symbol symbol, long aggId) {
        return market.keyPrefix() + ":" + symbol + ":a:" + aggId;
    }

    public static String trade(Market market, Symbol symbol, long tradeId) {
        return market.keyPrefix() + ":" + symbol + ":t:" + tradeId;
    }
}
