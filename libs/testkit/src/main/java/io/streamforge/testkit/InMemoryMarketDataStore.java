package io.streamforge.testkit;

import io.streamforge.domain.AggTrade;
import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import io.streamforge.domain.MarketRecord;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.Trade;
import io.streamforge.domain.port.MarketDataStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A thread-safe {@link MarketDataStore} in memory, keyed by {@link MarketRecord#key()}. It passes
 * {@link MarketDataStoreContract}: a batch is validated completely before anything is written, so a
 * bad batch leaves the store unchanged.
 */
public final class InMemoryMarketDataStore implements MarketDataStore {
    private static final List<String> KINDS = List.of("candle", "agg_trade", "trade");

    private final Map<String, MarketRecord> byKey = new HashMap<>();

    @Override
    public synchronized void upsert(Collection<? extends MarketRecord> records) {
        Objects.requireNonNull(records, "records");
        int i = 0;
        for (MarketRecord r : records) {
            if (r == null) {
                throw new IllegalArgumentException("records[" + i + "]: null record in batch");
            }
            i++;
        }
        for (MarketRecord r : records) {
            byKey.put(r.key(), r);
        }
    }

    @Override
    public synchronized List<Candle> candles(Symbol symbol, Interval interval, TimeRange range) {
        return select(Candle.class, symbol, range).stream()
                .filter(c -> c.interval() == interval)
                .sorted(Comparator.comparingLong(Candle::openTimeUs))
                .toList();
    }

    @Override
    public synchronized List<AggTrade> aggTrades(Symbol symbol, TimeRange range) {
        return select(AggTrade.class, symbol, range).stream()
                .sorted(Comparator.comparingLong(AggTrade::aggId))
                .toList();
    }

    @Override
    public synchronized List<Trade> trades(Symbol symbol, TimeRange range) {
        return select(Trade.class, symbol, range).stream()
                .sorted(Comparator.comparingLong(Trade::tradeId))
                .toList();
    }

    @Override
    public synchronized long count(String kind, Symbol symbol) {
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException(
                    "unknown record kind '" + kind + "': expected one of " + KINDS);
        }
        return byKey.values().stream()
                .filter(r -> r.kind().equals(kind) && r.symbol().equals(symbol))
                .count();
    }

    /** Number of records of all kinds and symbols. */
    public synchronized int size() {
        return byKey.size();
    }

    private <T extends MarketRecord> List<T> select(Class<T> type, Symbol symbol, TimeRange range) {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(range, "range");
        List<T> out = new ArrayList<>();
        for (MarketRecord r : byKey.values()) {
            if (type.isInstance(r) && r.symbol().equals(symbol) && range.contains(r.timeUs())) {
                out.add(type.cast(r));
            }
        }
        return out;
    }
}
