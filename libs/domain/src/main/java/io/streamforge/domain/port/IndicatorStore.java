package io.streamforge.domain.port;

import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.graph.IndicatorValue;
import java.util.Collection;
import java.util.List;

/**
 * Where indicator values are persisted, keyed by {@code (symbol, interval, open_time_us, name)}.
 * Writes are idempotent upserts: the same values twice leave the store unchanged; a new value for a
 * key replaces the old one.
 */
public interface IndicatorStore {
    /**
     * Upserts a batch in one transaction. {@code NaN} values (warm-up) are skipped and leave any
     * stored value untouched; duplicates of a key inside the batch: the last wins. A {@code null}
     * element fails the whole batch with an {@link IllegalArgumentException} naming its index.
     * Returns the number of distinct keys written (NaN ones not counted).
     */
    long upsert(Collection<IndicatorValue> values);

    /** Values of one indicator of one symbol and interval with open time in {@code range}. */
    List<IndicatorValue> values(Symbol symbol, Interval interval, String name, TimeRange range);

    /** Names of the indicators stored for a symbol and interval, sorted. */
    List<String> names(Symbol symbol, Interval interval);
}
