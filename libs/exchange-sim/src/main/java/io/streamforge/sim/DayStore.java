package io.streamforge.sim;

import io.streamforge.domain.Symbol;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The symbol-days of a {@link MarketModel}: each generated from the seed alone when first asked for
 * ({@link DayGenerator}, with the maintenance minutes of {@link ModelAdjustments} closed), kept in
 * a least-recently-used cache of {@code dayCacheSize} days. Thread-safe: generation runs outside
 * the cache's lock (two threads may generate one day twice; the results are equal).
 */
final class DayStore {
    private final DayGenerator generator;
    private final Map<Symbol, SymbolSpec> specs;
    private final Map<Symbol, PricePath> paths = new LinkedHashMap<>();
    private final ModelAdjustments adjustments;
    private final long genesisDay;
    private final Map<DayKey, DayData> cache;

    private record DayKey(Symbol symbol, long epochDay) {}

    DayStore(SimConfig config, Map<Symbol, SymbolSpec> specs, ModelAdjustments adjustments) {
        this.genesisDay = config.genesisDate().toEpochDay();
        this.generator = new DayGenerator(config.seed(), config.aggTradesPerDay(), genesisDay);
        this.specs = specs;
        this.adjustments = adjustments;
        for (SymbolSpec spec : specs.values()) {
            paths.put(spec.symbol(), generator.pathFor(spec));
        }
        int cap = config.dayCacheSize();
        this.cache =
                new LinkedHashMap<>(64, 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<DayKey, DayData> e) {
                        return size() > cap;
                    }
                };
    }

    /** First µs with data (00:00 UTC of the genesis day). */
    long genesisUs() {
        return genesisDay * DayGenerator.DAY_US;
    }

    /** The day from the cache, generated and cached when absent. */
    DayData day(Symbol symbol, long epochDay) {
        DayKey key = new DayKey(symbol, epochDay);
        synchronized (cache) {
            DayData d = cache.get(key);
            if (d != null) {
                return d;
            }
        }
        DayData d = generate(symbol, epochDay);
        synchronized (cache) {
            cache.put(key, d);
        }
        return d;
    }

    /** The day from the cache, or generated without filling the cache. */
    DayData dayUncached(Symbol symbol, long epochDay) {
        synchronized (cache) {
            DayData d = cache.get(new DayKey(symbol, epochDay));
            if (d != null) {
                return d;
            }
        }
        return generate(symbol, epochDay);
    }

    /** Log mid price of {@code spec}'s symbol at {@code timeUs} (trades are printed around it). */
    double logMid(SymbolSpec spec, long timeUs) {
        return generator.logMid(spec, paths.get(spec.symbol()), timeUs);
    }

    /** Forgets every cached day (the maintenance windows changed). */
    void clear() {
        synchronized (cache) {
            cache.clear();
        }
    }

    private DayData generate(Symbol symbol, long epochDay) {
        return generator.generate(
                specs.get(symbol),
                paths.get(symbol),
                epochDay,
                adjustments.closedMinutes(epochDay));
    }
}
