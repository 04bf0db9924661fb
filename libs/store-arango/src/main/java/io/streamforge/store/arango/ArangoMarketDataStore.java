package io.streamforge.store.arango;

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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * {@link MarketDataStore} on ArangoDB: collections {@code candles}, {@code agg_trades}, {@code
 * trades}, documents keyed by the record key. One {@code upsert} call is one stream transaction
 * that writes only the collections it touches: per collection the records are de-duplicated by key
 * (last wins) and sent as {@link Aql#UPSERT} in batches of {@code batchSize}; any failure aborts
 * the transaction, so a call stores all its records or none.
 */
public final class ArangoMarketDataStore implements MarketDataStore {
    private final ArangoClient client;

    ArangoMarketDataStore(ArangoClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public void upsert(Collection<? extends MarketRecord> records) {
        Objects.requireNonNull(records, "records");
        Map<String, LinkedHashMap<String, Map<String, Object>>> byCollection =
                new LinkedHashMap<>();
        int i = 0;
        for (MarketRecord r : records) {
            if (r == null) {
                throw new IllegalArgumentException("records[" + i + "] is null");
            }
            Map<String, Object> doc = MarketDocs.toDocument(r);
            LinkedHashMap<String, Map<String, Object>> docs =
                    byCollection.computeIfAbsent(
                            MarketDocs.collectionOf(r.kind()), k -> new LinkedHashMap<>());
            docs.remove(r.key()); // last wins, at the position of the last occurrence
            docs.put(r.key(), doc);
            i++;
        }
        if (byCollection.isEmpty()) {
            return;
        }
        String[] write = byCollection.keySet().toArray(new String[0]);
        client.inTransaction(
                "upsert of " + i + " records",
                write,
                new String[0],
                tx -> {
                    byCollection.forEach(
                            (coll, docs) ->
                                    client.upsert(coll, new ArrayList<>(docs.values()), tx));
                    return null;
                });
    }

    @Override
    public List<Candle> candles(Symbol symbol, Interval interval, TimeRange range) {
        Map<String, Object> bind = rangeBind(ArangoSchema.CANDLES, symbol, range);
        bind.put("interval", Objects.requireNonNull(interval, "interval").code());
        return read(
                "candles of " + symbol + " " + interval.code(),
                Aql.CANDLES,
                bind,
                MarketDocs::candle);
    }

    @Override
    public List<AggTrade> aggTrades(Symbol symbol, TimeRange range) {
        Map<String, Object> bind = rangeBind(ArangoSchema.AGG_TRADES, symbol, range);
        return read("aggTrades of " + symbol, Aql.AGG_TRADES, bind, MarketDocs::aggTrade);
    }

    @Override
    public List<Trade> trades(Symbol symbol, TimeRange range) {
        Map<String, Object> bind = rangeBind(ArangoSchema.TRADES, symbol, range);
        return read("trades of " + symbol, Aql.TRADES, bind, MarketDocs::trade);
    }

    @Override
    public long count(String kind, Symbol symbol) {
        String collection = MarketDocs.collectionOf(kind);
        Map<String, Object> bind = new HashMap<>();
        bind.put("@coll", collection);
        bind.put("symbol", Objects.requireNonNull(symbol, "symbol").value());
        List<Number> n = client.query("count of " + kind, Aql.COUNT, bind, Number.class, null);
        return n.isEmpty() ? 0 : n.get(0).longValue();
    }

    private static Map<String, Object> rangeBind(String coll, Symbol symbol, TimeRange range) {
        Map<String, Object> bind = new HashMap<>();
        bind.put("@coll", coll);
        bind.put("symbol", Objects.requireNonNull(symbol, "symbol").value());
        bind.put("startUs", Objects.requireNonNull(range, "range").startUs());
        bind.put("endUs", range.endUs());
        return bind;
    }

    private <T> List<T> read(
            String what, String aql, Map<String, Object> bind, Function<Map<String, Object>, T> f) {
        List<Map<String, Object>> docs = client.documents(what, aql, bind, null);
        List<T> out = new ArrayList<>(docs.size());
        for (Map<String, Object> d : docs) {
            out.add(f.apply(d));
        }
        return out;
    }
}
