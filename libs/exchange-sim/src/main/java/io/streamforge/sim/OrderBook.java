package io.streamforge.sim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A deterministic order book of one symbol that evolves with update ids. Update id {@code k}
 * happens at {@code k × 100 ms}; the book at time t holds every update with id ≤ t / 100 ms, so a
 * snapshot's {@code lastUpdateId} is {@code floor(t / 100 ms)}.
 *
 * <p>Every {@link #CHECKPOINT} ids (one minute) the book is reset to a fresh book around the mid
 * (1-tick spread, {@link #LEVELS} levels a side, seeded sizes) — the reset is an ordinary update
 * whose changes are the difference to the previous book. Every other id changes one level near the
 * top (set a seeded size, or remove it) and removes levels of the other side it would cross. Any
 * book is therefore at most {@value #CHECKPOINT} updates away from a fresh one.
 */
final class OrderBook {
    static final long STEP_US = 100_000L;
    static final long CHECKPOINT = 600;
    static final int LEVELS = 1_000;

    private final SymbolSpec spec;
    private final MarketModel model;
    private final long sym;

    /** Price in ticks → quantity in steps; bids descending. */
    final NavigableMap<Long, Long> bids = new TreeMap<>(Collections.reverseOrder());

    final NavigableMap<Long, Long> asks = new TreeMap<>();
    long updateId;

    /** Changes of one or more updates: price ticks → new quantity (0 = removed), per side. */
    static final class Changes {
        final Map<Long, Long> bids = new LinkedHashMap<>();
        final Map<Long, Long> asks = new LinkedHashMap<>();

        boolean isEmpty() {
            return bids.isEmpty() && asks.isEmpty();
        }
    }

    private OrderBook(MarketModel model, SymbolSpec spec) {
        this.model = model;
        this.spec = spec;
        this.sym = Noise.id(spec.symbol().value());
    }

    /** The book with every update up to id {@code updateId} applied. */
    static OrderBook at(MarketModel model, SymbolSpec spec, long updateId) {
        OrderBook b = new OrderBook(model, spec);
        long start = Math.floorDiv(updateId, CHECKPOINT) * CHECKPOINT;
        b.fill(start);
        while (b.updateId < updateId) {
            b.next(null);
        }
        return b;
    }

    /** The book of {@code model} at time {@code timeUs}. */
    static OrderBook atTime(MarketModel model, SymbolSpec spec, long timeUs) {
        return at(model, spec, Math.floorDiv(timeUs, STEP_US));
    }

    /** Applies update id {@code updateId + 1}, recording what changed into {@code into}. */
    void next(Changes into) {
        long id = updateId + 1;
        if (Math.floorMod(id, CHECKPOINT) == 0) {
            OrderBook fresh = new OrderBook(model, spec);
            fresh.fill(id);
            if (into != null) {
                diffSide(bids, fresh.bids, into.bids);
                diffSide(asks, fresh.asks, into.asks);
            }
            bids.clear();
            bids.putAll(fresh.bids);
            asks.clear();
            asks.putAll(fresh.asks);
        } else {
            step(id, into);
        }
        updateId = id;
    }

    /** Advances to {@code target}; a jump of more than a checkpoint is one diff to the new book. */
    void advanceTo(long target, Changes into) {
        if (target - updateId > CHECKPOINT) {
            OrderBook later = at(model, spec, target);
            diffSide(bids, later.bids, into.bids);
            diffSide(asks, later.asks, into.asks);
            bids.clear();
            bids.putAll(later.bids);
            asks.clear();
            asks.putAll(later.asks);
            updateId = target;
            return;
        }
        while (updateId < target) {
            next(into);
        }
    }

    private void fill(long id) {
        bids.clear();
        asks.clear();
        long bestBid = bestBidAt(id);
        long h = Noise.hash(model.seed(), sym, id, 0xB00CL);
        fillSide(bids, Noise.hash(h, 1, 1), bestBid, -1, id);
        fillSide(asks, Noise.hash(h, 2, 2), bestBid + 1, 1, id);
        updateId = id;
    }

    private void fillSide(NavigableMap<Long, Long> side, long h, long best, int dir, long id) {
        long price = best;
        for (int j = 0; j < LEVELS && price >= 1; j++) {
            long lh = Noise.hash(h, j, 3);
            side.put(price, qty(lh, id));
            price += dir * (1 + (Noise.mix(lh) & 3) % 3);
        }
    }

    private void step(long id, Changes into) {
        long h = Noise.hash(model.seed(), sym, id, 0x5EEDL);
        boolean bid = (h & 1L) == 0;
        double u = Noise.unit(Noise.mix(h + 1));
        long distance = (long) (u * u * 40);
        long bestBid = bestBidAt(id);
        long price = bid ? bestBid - distance : bestBid + 1 + distance;
        if (price < 1) {
            return;
        }
        boolean remove = Noise.unit(Noise.mix(h + 2)) < 0.25;
        long q = remove ? 0L : qty(Noise.mix(h + 3), id);
        if (wouldEmptyASide(bid, price, q)) {
            return; // a real book keeps both sides: skip orders that would wipe one out
        }
        set(
                bid ? bids : asks,
                bid ? into == null ? null : into.bids : into == null ? null : into.asks,
                price,
                q);
        if (q > 0) {
            NavigableMap<Long, Long> other = bid ? asks : bids;
            Map<Long, Long> otherChanges = into == null ? null : bid ? into.asks : into.bids;
            while (!other.isEmpty()
                    && (bid ? other.firstKey() <= price : other.firstKey() >= price)) {
                set(other, otherChanges, other.firstKey(), 0L);
            }
        }
    }

    /**
     * Whether this update would leave a side empty: removing the last level of its own side, or an
     * order crossing every level of the other side (the mid price can drift far within a minute).
     */
    private boolean wouldEmptyASide(boolean bid, long price, long q) {
        NavigableMap<Long, Long> own = bid ? bids : asks;
        if (q == 0) {
            return own.size() == 1 && own.containsKey(price);
        }
        NavigableMap<Long, Long> other = bid ? asks : bids;
        return !other.isEmpty() && (bid ? other.lastKey() <= price : other.lastKey() >= price);
    }

    private static void set(
            NavigableMap<Long, Long> side, Map<Long, Long> changes, long p, long q) {
        if (q == 0) {
            side.remove(p);
        } else {
            side.put(p, q);
        }
        if (changes != null) {
            changes.put(p, q);
        }
    }

    private static void diffSide(
            NavigableMap<Long, Long> from, NavigableMap<Long, Long> to, Map<Long, Long> out) {
        for (Long p : from.keySet()) {
            if (!to.containsKey(p)) {
                out.put(p, 0L);
            }
        }
        for (Map.Entry<Long, Long> e : to.entrySet()) {
            if (!e.getValue().equals(from.get(e.getKey()))) {
                out.put(e.getKey(), e.getValue());
            }
        }
    }

    private long bestBidAt(long id) {
        double mid = model.midPrice(spec.symbol(), id * STEP_US);
        return Math.max(1L, (long) Math.floor(mid * StrictMath.pow(10, spec.tickScale())));
    }

    private long qty(long h, long id) {
        double mid = model.midPrice(spec.symbol(), id * STEP_US);
        double notional = spec.medianNotional() * StrictMath.exp(1.3 * Noise.gaussian(h));
        return Math.max(1L, (long) (notional / mid * StrictMath.pow(10, spec.stepScale())));
    }

    SymbolSpec spec() {
        return spec;
    }
}
