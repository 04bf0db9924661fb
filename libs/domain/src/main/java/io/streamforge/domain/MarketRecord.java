package io.streamforge.domain;

/** A market-data record with a deterministic key: every write of it is an idempotent upsert. */
public sealed interface MarketRecord permits Candle, AggTrade, Trade {
    Symbol symbol();

    /** Deterministic record key, e.g. {@code BINANCE:SPOT:BTCUSDT:1m:<open_time_us>}. */
    String key();

    /** The time the record is placed at (candle open time, trade time), µs. */
    long timeUs();

    /** Kind tag used in JSON and in the store: {@code candle}, {@code agg_trade}, {@code trade}. */
    String kind();
}
