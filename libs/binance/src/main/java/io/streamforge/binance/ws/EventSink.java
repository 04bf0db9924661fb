package io.streamforge.binance.ws;

import io.streamforge.binance.DepthUpdate;
import io.streamforge.domain.AggTrade;
import io.streamforge.domain.Trade;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The feed's side towards the listener: de-duplicates stream events, releases events a new
 * connection held back, and calls the listener one call at a time (one lock for events and
 * lifecycle callbacks).
 */
final class EventSink {
    private final WsFeedListener listener;
    private final StreamDedup dedup = new StreamDedup();
    private final Object lock = new Object();
    final AtomicLong duplicates = new AtomicLong();
    final AtomicLong delivered = new AtomicLong();

    EventSink(WsFeedListener listener) {
        this.listener = listener;
    }

    /** A lifecycle callback, serialised with the events. */
    void lifecycle(Consumer<WsFeedListener> call) {
        synchronized (lock) {
            call.accept(listener);
        }
    }

    /** After an unplanned drop: reconnected + one gap per stream, from the last delivered event. */
    void reconnected(int shard, int attempts, List<String> streams, long nowUs, String reason) {
        synchronized (lock) {
            listener.onReconnected(shard, attempts);
            for (String stream : streams) {
                listener.onGap(
                        new WsGap(
                                stream,
                                dedup.lastId(stream),
                                dedup.lastTimeUs(stream),
                                nowUs,
                                reason));
            }
        }
    }

    /** Holds the event while {@code c} is holding, else delivers it. */
    void offer(WsConnection c, WsMessages.Parsed p) {
        synchronized (c) {
            if (c.holding) {
                c.held.add(p);
                return;
            }
        }
        deliver(p);
    }

    /** Delivers what {@code c} held back and lets its later events through directly. */
    void release(WsConnection c) {
        synchronized (c) {
            for (WsMessages.Parsed p : c.held) deliver(p);
            c.held.clear();
            c.holding = false;
        }
    }

    private void deliver(WsMessages.Parsed p) {
        Object ev = p.event();
        synchronized (lock) {
            if (!dedup.accept(p.stream(), ev)) {
                duplicates.incrementAndGet();
                return;
            }
            delivered.incrementAndGet();
            if (ev instanceof AggTrade a) listener.onAggTrade(p.stream(), a);
            else if (ev instanceof Trade t) listener.onTrade(p.stream(), t);
            else if (ev instanceof KlineUpdate k) listener.onKline(p.stream(), k);
            else if (ev instanceof DepthUpdate d) listener.onDepth(p.stream(), d);
        }
    }
}
