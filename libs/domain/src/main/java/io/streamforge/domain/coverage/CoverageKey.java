package io.streamforge.domain.coverage;

import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import java.util.Comparator;
import java.util.Objects;

/**
 * What coverage is tracked for: a symbol's stream, and for {@link DataStream#KLINES} the interval
 * (required there, {@code null} for every other stream).
 */
public record CoverageKey(Symbol symbol, DataStream stream, Interval interval)
        implements Comparable<CoverageKey> {
    private static final Comparator<CoverageKey> ORDER =
            Comparator.comparing(CoverageKey::symbol)
                    .thenComparing(CoverageKey::stream)
                    .thenComparing(CoverageKey::intervalCode);

    public CoverageKey {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(stream, "stream");
        if (stream == DataStream.KLINES && interval == null) {
            throw new IllegalArgumentException("coverage key: klines need an interval");
        }
        if (stream != DataStream.KLINES && interval != null) {
            throw new IllegalArgumentException(
                    "coverage key: only klines have an interval, not " + stream.wire());
        }
    }

    public static CoverageKey klines(Symbol symbol, Interval interval) {
        return new CoverageKey(symbol, DataStream.KLINES, interval);
    }

    public static CoverageKey aggTrades(Symbol symbol) {
        return new CoverageKey(symbol, DataStream.AGG_TRADES, null);
    }

    public static CoverageKey of(Symbol symbol, DataStream stream) {
        return new CoverageKey(symbol, stream, null);
    }

    /** The interval code, or {@code ""} for streams without one (the stored form). */
    public String intervalCode() {
        return interval == null ? "" : interval.code();
    }

    /** Rebuilds a key from its stored form ({@code interval} may be {@code ""}). */
    public static CoverageKey parse(String symbol, String stream, String interval) {
        return new CoverageKey(
                Symbol.of(symbol),
                DataStream.of(stream),
                interval == null || interval.isEmpty() ? null : Interval.of(interval));
    }

    @Override
    public int compareTo(CoverageKey o) {
        return ORDER.compare(this, o);
    }

    /** E.g. {@code BTCUSDT klines 1m}, {@code XRPETH agg_trades}. */
    @Override
    public String toString() {
        return symbol + " " + stream.wire() + (interval == null ? "" : " " + interval.code());
    }
}
