package io.streamforge.binance.book;

import io.streamforge.binance.DepthSnapshot;
import io.streamforge.binance.DepthUpdate;
import io.streamforge.binance.PriceLevel;
import io.streamforge.domain.Symbol;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A local order book kept by Binance's documented procedure: buffer {@code depthUpdate} events,
 * fetch a snapshot; if its {@code lastUpdateId} is older than the first buffered {@code U}, fetch
 * again (on the next event); drop buffered events with {@code u <= lastUpdateId}; then apply events
 * in order, ignoring {@code u <= bookId} and rebuilding from a new snapshot when {@code U > bookId
 * + 1} (an event was missed). Quantity 0 removes a level; prices and quantities are exact decimals.
 *
 * <p>Every public method is synchronized, so a feed thread and a reader may share it. The snapshot
 * is fetched synchronously on the calling thread.
 */
public final class LocalOrderBook {
    /** Where snapshots come from, e.g. {@code s -> restClient.depth(s, 1000)}. */
    @FunctionalInterface
    public interface SnapshotSource {
        DepthSnapshot fetch(Symbol symbol);
    }

    /** What the book emits: the full book after each (re)sync and every applied update. */
    public interface Listener {
        default void onSnapshot(DepthSnapshot book) {}

        default void onDelta(DepthUpdate applied) {}

        /** The book is (re)synchronising; {@code reason} says why (for telemetry). */
        default void onResync(Symbol symbol, String reason) {}
    }

    public static final int DEFAULT_MAX_BUFFERED = 10_000;

    private final Symbol symbol;
    private final SnapshotSource source;
    private final Listener listener;
    private final int maxBuffered;
    private final Deque<DepthUpdate> buffer = new ArrayDeque<>();
    private final NavigableMap<BigDecimal, BigDecimal> bids =
            new TreeMap<>(Collections.reverseOrder());
    private final NavigableMap<BigDecimal, BigDecimal> asks = new TreeMap<>();
    private boolean synced;
    private long bookId = -1;
    private long snapshotsFetched;
    private long gaps;
    private long ignored;
    private long applied;

    public LocalOrderBook(
            Symbol symbol, SnapshotSource source, Listener listener, int maxBuffered) {
        this.symbol = Objects.requireNonNull(symbol, "symbol");
        this.source = Objects.requireNonNull(source, "source");
        this.listener = listener == null ? new Listener() {} : listener;
        if (maxBuffered < 1) {
            throw new IllegalArgumentException("maxBuffered: must be >= 1, got " + maxBuffered);
        }
        this.maxBuffered = maxBuffered;
    }

    public LocalOrderBook(Symbol symbol, SnapshotSource source, Listener listener) {
        this(symbol, source, listener, DEFAULT_MAX_BUFFERED);
    }

    /** Feeds one stream event (in stream order). */
    public synchronized void onUpdate(DepthUpdate u) {
        Objects.requireNonNull(u, "update");
        if (!u.symbol().equals(symbol)) {
            throw new IllegalArgumentException(
                    "depthUpdate for " + u.symbol() + " fed to the book of " + symbol);
        }
        if (!synced) {
            bufferAndSync(u);
            return;
        }
        applyOrRebuild(u);
    }

    private void bufferAndSync(DepthUpdate u) {
        if (buffer.size() >= maxBuffered) {
            buffer.pollFirst(); // a snapshot that lags this much must be refetched anyway
        }
        buffer.addLast(u);
        DepthSnapshot s = source.fetch(symbol);
        snapshotsFetched++;
        long firstU = buffer.peekFirst().firstUpdateId();
        if (s.lastUpdateId() < firstU) {
            listener.onResync(
                    symbol,
                    "snapshot lastUpdateId "
                            + s.lastUpdateId()
                            + " older than first buffered U "
                            + firstU
                            + "; refetching on the next event");
            return;
        }
        load(s);
        List<DepthUpdate> pending = new ArrayList<>(buffer);
        buffer.clear();
        for (DepthUpdate e : pending) {
            if (synced) {
                applyOrRebuild(e);
            } else {
                buffer.addLast(e); // a nested rebuild is waiting for a newer snapshot
            }
        }
    }

    private void applyOrRebuild(DepthUpdate u) {
        if (u.finalUpdateId() <= bookId) {
            ignored++;
            return;
        }
        if (u.firstUpdateId() > bookId + 1) {
            gaps++;
            String reason = "gap: missed updates " + (bookId + 1) + ".." + (u.firstUpdateId() - 1);
            listener.onResync(symbol, reason);
            synced = false;
            bids.clear();
            asks.clear();
            bookId = -1;
            bufferAndSync(u);
            return;
        }
        apply(bids, u.bids());
        apply(asks, u.asks());
        bookId = u.finalUpdateId();
        applied++;
        listener.onDelta(u);
    }

    private void load(DepthSnapshot s) {
        bids.clear();
        asks.clear();
        apply(bids, s.bids());
        apply(asks, s.asks());
        bookId = s.lastUpdateId();
        synced = true;
        listener.onSnapshot(snapshot());
    }

    private static void apply(Map<BigDecimal, BigDecimal> side, List<PriceLevel> levels) {
        for (PriceLevel l : levels) {
            if (l.removes()) {
                side.remove(l.price());
            } else {
                side.put(l.price(), l.qty());
            }
        }
    }

    /** The whole book now (bids best first, asks best first). */
    public synchronized DepthSnapshot snapshot() {
        return new DepthSnapshot(
                symbol,
                Math.max(bookId, 0),
                levels(bids, Integer.MAX_VALUE),
                levels(asks, Integer.MAX_VALUE));
    }

    public synchronized List<PriceLevel> bids(int depth) {
        return levels(bids, depth);
    }

    public synchronized List<PriceLevel> asks(int depth) {
        return levels(asks, depth);
    }

    public synchronized Optional<PriceLevel> bestBid() {
        return bids.isEmpty() ? Optional.empty() : Optional.of(level(bids.firstEntry()));
    }

    public synchronized Optional<PriceLevel> bestAsk() {
        return asks.isEmpty() ? Optional.empty() : Optional.of(level(asks.firstEntry()));
    }

    private static List<PriceLevel> levels(NavigableMap<BigDecimal, BigDecimal> side, int depth) {
        List<PriceLevel> out = new ArrayList<>(Math.min(depth, side.size()));
        for (Map.Entry<BigDecimal, BigDecimal> e : side.entrySet()) {
            if (out.size() >= depth) break;
            out.add(level(e));
        }
        return out;
    }

    private static PriceLevel level(Map.Entry<BigDecimal, BigDecimal> e) {
        return new PriceLevel(e.getKey(), e.getValue());
    }

    public Symbol symbol() {
        return symbol;
    }

    public synchronized boolean synced() {
        return synced;
    }

    /** The update id the book reflects ({@code -1} before the first sync). */
    public synchronized long lastUpdateId() {
        return synced ? bookId : -1;
    }

    public synchronized int buffered() {
        return buffer.size();
    }

    public synchronized long snapshotsFetched() {
        return snapshotsFetched;
    }

    /** Sequence gaps detected (each one caused a rebuild). */
    public synchronized long gaps() {
        return gaps;
    }

    public synchronized long ignoredUpdates() {
        return ignored;
    }

    public synchronized long appliedUpdates() {
        return applied;
    }
}
