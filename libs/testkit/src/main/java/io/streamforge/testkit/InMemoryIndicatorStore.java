package io.streamforge.testkit;

import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.graph.IndicatorValue;
import io.streamforge.domain.port.IndicatorStore;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A thread-safe {@link IndicatorStore} in memory, keyed by {@link IndicatorValue#key()}. It passes
 * {@link IndicatorStoreContract}: a batch is validated completely before anything is written.
 */
public final class InMemoryIndicatorStore implements IndicatorStore {
    private final Map<String, IndicatorValue> byKey = new HashMap<>();

    @Override
    public synchronized long upsert(Collection<IndicatorValue> values) {
        Objects.requireNonNull(values, "values");
        int i = 0;
        for (IndicatorValue v : values) {
            if (v == null) {
                throw new IllegalArgumentException("values[" + i + "]: null value in batch");
            }
            i++;
        }
        var written = new HashSet<String>();
        for (IndicatorValue v : values) {
            if (v.present()) {
                byKey.put(v.key(), v);
                written.add(v.key());
            }
        }
        return written.size();
    }

    @Override
    public synchronized List<IndicatorValue> values(
            Symbol symbol, Interval interval, String name, TimeRange range) {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(interval, "interval");
        IndicatorValue.checkName(name);
        Objects.requireNonNull(range, "range");
        return byKey.values().stream()
                .filter(v -> v.symbol().equals(symbol) && v.interval() == interval)
                .filter(v -> v.name().equals(name) && range.contains(v.openTimeUs()))
                .sorted(Comparator.comparingLong(IndicatorValue::openTimeUs))
                .toList();
    }

    @Override
    public synchronized List<String> names(Symbol symbol, Interval interval) {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(interval, "interval");
        return byKey.values().stream()
                .filter(v -> v.symbol().equals(symbol) && v.interval() == interval)
                .map(IndicatorValue::name)
                .distinct()
                .sorted()
                .toList();
    }
}
