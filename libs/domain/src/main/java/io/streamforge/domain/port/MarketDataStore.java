package io.streamforge.domain.port;

import io.streamforge.domain.AggTrade;
import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import io.streamforge.domain.MarketRecord;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.Trade;
import java.util.Collection;
import java.util.List;

/**
 * Where market data is persisted. Every write is an idempotent upsert on {@link
 * MarketRecord#key()}: writing the same records twice leaves the store unchanged; a later version
 * of a key replaces the earlier one. A call is atomic: either all records of a call are stored or
 * none.
 */
public interface MarketDataStore {
    /** Upserts a batch that may mix candles, aggTrades and trades, in one transaction. */
    void upsert(Collection<? extends MarketRecord> records);

    /** Candles of one symbol and interval whose open time lies in {@code range}, by open time. */
    List<Candle> candles(Symbol symbol, Interval interval, TimeRange range);

    /** AggTrades of one symbol whose time lies in {@code range}, ordered by agg id. */
    List<AggTrade> aggTrades(Symbol symbol, TimeRange range);

    /** Trades of one symbol whose time lies in {@code range}, ordered by trade id. */
    List<Trade> trades(Symbol symbol, TimeRange range);

    /** Number of stored records of a kind ({@code candle|agg_trade|trade}) for a symbol. */
    long count(String kind, Symbol symbol);
}
