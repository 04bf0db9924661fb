package io.streamforge.queuemanager.k8s;

import io.streamforge.domain.Symbol;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exchange's trading symbols, cached: loaded once at start (a failure there is fatal: the
 * manager cannot validate requests), reloaded on a miss when older than {@code refreshMs} so that a
 * newly listed symbol is accepted; a failed reload keeps the old set.
 */
public final class TradingSymbols implements Predicate<Symbol> {
    private static final Logger LOG = LoggerFactory.getLogger(TradingSymbols.class);

    private final Supplier<Set<Symbol>> loader;
    private final long refreshMs;
    private final LongSupplier clockMs;
    private volatile Set<Symbol> symbols;
    private volatile long loadedAtMs;

    /** Loads now; throws {@link IllegalStateException} naming the source when that fails. */
    public TradingSymbols(
            Supplier<Set<Symbol>> loader, String source, long refreshMs, LongSupplier clockMs) {
        this.loader = loader;
        this.refreshMs = refreshMs;
        this.clockMs = clockMs;
        try {
            this.symbols = Set.copyOf(loader.get());
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "cannot load trading symbols from "
                            + source
                            + " (needed to validate pipeline requests): "
                            + e.getMessage(),
                    e);
        }
        if (symbols.isEmpty()) {
            throw new IllegalStateException(source + " lists no trading symbols");
        }
        this.loadedAtMs = clockMs.getAsLong();
    }

    @Override
    public boolean test(Symbol s) {
        if (symbols.contains(s)) {
            return true;
        }
        long now = clockMs.getAsLong();
        if (now - loadedAtMs >= refreshMs) {
            synchronized (this) {
                if (now - loadedAtMs >= refreshMs) {
                    reload(now);
                }
            }
        }
        return symbols.contains(s);
    }

    private void reload(long now) {
        try {
            Set<Symbol> fresh = Set.copyOf(loader.get());
            if (!fresh.isEmpty()) {
                symbols = fresh;
            }
        } catch (RuntimeException e) {
            LOG.warn("reloading trading symbols failed; keeping {} cached", symbols.size(), e);
        }
        loadedAtMs = now;
    }

    public int size() {
        return symbols.size();
    }
}
