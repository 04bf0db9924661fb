package io.streamforge.binance.ws;

import io.streamforge.binance.MalformedResponseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binance market streams over {@code java.net.http.WebSocket}: combined streams sharded to at most
 * {@code maxStreamsPerConnection} per connection, SUBSCRIBE messages paced under 5/s, a watchdog
 * for dead connections, make-before-break rotation before the 24 h cut-off (staggered per shard)
 * and on {@code serverShutdown}, reconnect with backoff after unplanned drops followed by {@link
 * WsFeedListener#onGap} per stream, and de-duplication of overlapping events across connections.
 *
 * <p>All connection state changes run on one scheduler thread ({@link ShardSupervisor}); events are
 * parsed on the receiving thread and delivered under one lock ({@link EventSink}).
 */
public final class BinanceWsFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BinanceWsFeed.class);

    private final EventSink sink;
    private final ShardSupervisor shards;

    public BinanceWsFeed(WsFeedConfig config, List<WsStream> streams, WsFeedListener listener) {
        Objects.requireNonNull(config, "config");
        this.sink = new EventSink(Objects.requireNonNull(listener, "listener"));
        List<String> names =
                new ArrayList<>(new LinkedHashSet<>(streams.stream().map(WsStream::name).toList()));
        if (names.isEmpty()) {
            throw new IllegalArgumentException("streams: at least one stream is required");
        }
        this.shards =
                new ShardSupervisor(
                        config, shard(names, config.maxStreamsPerConnection()), sink, handler());
    }

    /** Splits stream names into consecutive groups of at most {@code max}. */
    public static List<List<String>> shard(List<String> names, int max) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i += max) {
            out.add(List.copyOf(names.subList(i, Math.min(names.size(), i + max))));
        }
        return out;
    }

    /** Opens every shard (asynchronously) and starts the watchdog. */
    public void start() {
        shards.start();
    }

    /** Waits until every shard was subscribed once; false on timeout. */
    public boolean awaitConnected(long timeoutMs) throws InterruptedException {
        return shards.awaitConnected(timeoutMs);
    }

    public List<List<String>> shards() {
        return shards.streams();
    }

    public long duplicatesDropped() {
        return sink.duplicates.get();
    }

    public long eventsDelivered() {
        return sink.delivered.get();
    }

    @Override
    public void close() {
        shards.close();
    }

    // ---- messages (connection threads; the hot path: parse, then straight to the sink) ----

    private WsConnection.Handler handler() {
        return new WsConnection.Handler() {
            @Override
            public void onText(WsConnection c, String text) {
                message(c, text);
            }

            @Override
            public void onEnded(WsConnection c, String reason) {
                shards.connectionEnded(c, reason);
            }
        };
    }

    private void message(WsConnection c, String text) {
        WsMessages.Parsed p;
        try {
            p = WsMessages.parse(text);
        } catch (MalformedResponseException e) {
            LOG.warn("binance ws shard {}: {}", c.shard, e.getMessage());
            return;
        }
        Object ev = p.event();
        if (ev instanceof WsMessages.ControlReply r) {
            if (!r.ok()) {
                c.kill("SUBSCRIBE rejected: code " + r.errorCode() + " " + r.errorMsg());
            } else if (c.pendingAcks.remove(r.id())
                    && c.acked.incrementAndGet() == c.acksNeeded
                    && !c.ready) {
                c.ready = true;
                shards.acknowledged(c);
            }
            return;
        }
        if (ev instanceof WsMessages.ServerShutdown) {
            shards.serverShutdown(c);
            return;
        }
        if (ev == null || p.stream() == null) return;
        sink.offer(c, p);
    }
}
