package io.streamforge.store.arango;

import io.streamforge.domain.Interval;
import io.streamforge.domain.PermanentException;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.graph.IndicatorValue;
import io.streamforge.domain.port.IndicatorStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@link IndicatorStore} on ArangoDB: collection {@code indicators}, one document per value, {@code
 * _key} = {@link IndicatorValue#key()} ({@code <symbol>:<interval>:<open_time_us>:<name>}),
 * attributes {@code symbol}, {@code interval}, {@code name}, {@code open_time_us} (µs integer) and
 * {@code value} as the string of {@link Double#toString(double)} — exact for every double including
 * {@code -0.0}, like the decimals of the market data. A batch is validated, NaN values dropped,
 * de-duplicated by key (last wins) and written with {@link Aql#UPSERT} in one stream transaction.
 */
public final class ArangoIndicatorStore implements IndicatorStore {
    private final ArangoClient client;

    ArangoIndicatorStore(ArangoClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public long upsert(Collection<IndicatorValue> values) {
        Objects.requireNonNull(values, "values");
        LinkedHashMap<String, Map<String, Object>> byKey = new LinkedHashMap<>();
        int i = 0;
        for (IndicatorValue v : values) {
            if (v == null) {
                throw new IllegalArgumentException("values[" + i + "]: null value in batch");
            }
            if (v.present()) {
                byKey.remove(v.key()); // last wins
                byKey.put(v.key(), document(v));
            }
            i++;
        }
        if (byKey.isEmpty()) {
            return 0;
        }
        client.inTransaction(
                "upsert of " + byKey.size() + " indicator values",
                new String[] {ArangoSchema.INDICATORS},
                new String[0],
                tx -> {
                    client.upsert(ArangoSchema.INDICATORS, new ArrayList<>(byKey.values()), tx);
                    return null;
                });
        return byKey.size();
    }

    @Override
    public List<IndicatorValue> values(
            Symbol symbol, Interval interval, String name, TimeRange range) {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(interval, "interval");
        IndicatorValue.checkName(name);
        Objects.requireNonNull(range, "range");
        Map<String, Object> bind = bind(symbol, interval);
        bind.put("name", name);
        bind.put("startUs", range.startUs());
        bind.put("endUs", range.endUs());
        List<Map<String, Object>> docs =
                client.documents(
                        "read of " + name + " of " + symbol + " " + interval.code(),
                        Aql.INDICATOR_VALUES,
                        bind,
                        null);
        List<IndicatorValue> out = new ArrayList<>(docs.size());
        for (Map<String, Object> d : docs) {
            out.add(value(d, symbol, interval, name));
        }
        return out;
    }

    @Override
    public List<String> names(Symbol symbol, Interval interval) {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(interval, "interval");
        List<String> names =
                new ArrayList<>(
                        client.query(
                                "indicator names of " + symbol + " " + interval.code(),
                                Aql.INDICATOR_NAMES,
                                bind(symbol, interval),
                                String.class,
                                null));
        names.sort(null); // in Java: AQL string order follows the server's collation
        return names;
    }

    private static Map<String, Object> bind(Symbol symbol, Interval interval) {
        Map<String, Object> bind = new HashMap<>();
        bind.put("@coll", ArangoSchema.INDICATORS);
        bind.put("symbol", symbol.value());
        bind.put("interval", interval.code());
        return bind;
    }

    static Map<String, Object> document(IndicatorValue v) {
        String key = v.key();
        if (!MarketDocs.KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("indicator key '" + key + "' is not a valid _key");
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("_key", key);
        d.put("symbol", v.symbol().value());
        d.put("interval", v.interval().code());
        d.put("name", v.name());
        d.put("open_time_us", v.openTimeUs());
        d.put("value", Double.toString(v.value()));
        return d;
    }

    private static IndicatorValue value(
            Map<String, Object> d, Symbol symbol, Interval interval, String name) {
        String text = MarketDocs.text(d, "value");
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new PermanentException(
                    "document " + d.get("_key") + ": attribute value is not a number: " + text, e);
        }
        return new IndicatorValue(
                symbol, interval, MarketDocs.number(d, "open_time_us"), name, value);
    }
}
