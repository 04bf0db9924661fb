package io.streamforge.binance.ws;

import io.streamforge.binance.MalformedResponseException;
import io.streamforge.domain.Micros;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binance market streams over {@code java.net.http.WebSocket}: combined streams sharded to at most
 * {@code maxStreamsPerConnection} per connection, SUBSCRIBE messages paced under 5/s, a watchdog
 * for dead connections, make-before-break rotation before the 24 h cut-off (staggered per shard)
 * and on {@code serverShutdown}, reconnect with backoff after unplanned drops followed by {@link
 * WsFeedListener#onGap} per stream, and de-duplication of overlapping events across connections.
 *
 * <p>All connection state changes run on one scheduler thread; events are delivered under one lock.
 */
public final class BinanceWsFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BinanceWsFeed.class);

    private final WsFeedConfig config;
    private final List<Shard> shards = new ArrayList<>();
    private final EventSink sink;
    private final HttpClient http;
    private final ScheduledExecutorService scheduler;
    private final AtomicLong connectionIds = new AtomicLong();
    private final AtomicLong controlIds = new AtomicLong();
    private final CountDownLatch allConnected;
    private volatile boolean closed;

    /** A group of streams served by one connection at a time (two while rotating). */
    private static final class Shard {
        final int index;
        final List<String> streams;
        WsConnection current;
        WsConnection pending;
        String pendingReason;
        boolean dropped;
        String dropReason;
        int attempts;
        boolean everConnected;

        Shard(int index, List<String> streams) {
            this.index = index;
            this.streams = List.copyOf(streams);
        }
    }

    public BinanceWsFeed(WsFeedConfig config, List<WsStream> streams, WsFeedListener listener) {
        this.config = Objects.requireNonNull(config, "config");
        this.sink = new EventSink(Objects.requireNonNull(listener, "listener"));
        List<String> names =
                new ArrayList<>(new LinkedHashSet<>(streams.stream().map(WsStream::name).toList()));
        if (names.isEmpty()) {
            throw new IllegalArgumentException("streams: at least one stream is required");
        }
        List<List<String>> groups = shard(names, config.maxStreamsPerConnection());
        for (int i = 0; i < groups.size(); i++) {
            shards.add(new Shard(i, groups.get(i)));
        }
        this.allConnected = new CountDownLatch(shards.size());
        this.http =
                HttpClient.newBuilder()
                        .connectTimeout(Duration.ofMillis(config.connectTimeoutMs()))
                        .build();
        this.scheduler =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "binance-ws-feed");
                            t.setDaemon(true);
                            return t;
                        });
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
        long period = Math.max(10, Math.min(1_000, config.idleTimeoutMs() / 4));
        scheduler.scheduleAtFixedRate(this::watchdog, period, period, TimeUnit.MILLISECONDS);
        for (Shard s : shards) {
            scheduler.execute(() -> open(s, "initial"));
        }
    }

    /** Waits until every shard was subscribed once; false on timeout. */
    public boolean awaitConnected(long timeoutMs) throws InterruptedException {
        return allConnected.await(timeoutMs, TimeUnit.MILLISECONDS);
    }

    public List<List<String>> shards() {
        return shards.stream().map(s -> s.streams).toList();
    }

    public long duplicatesDropped() {
        return sink.duplicates.get();
    }

    public long eventsDelivered() {
        return sink.delivered.get();
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        try {
            scheduler
                    .submit(
                            () -> {
                                for (Shard s : shards) {
                                    if (s.current != null)
                                        s.current.closePlanned("client closing", null);
                                    if (s.pending != null)
                                        s.pending.closePlanned("client closing", null);
                                }
                            })
                    .get(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException
                | java.util.concurrent.TimeoutException
                | java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("binance ws feed close: {}", e.toString());
        }
        scheduler.shutdownNow();
    }

    // ---- connection lifecycle (scheduler thread) ----

    private void open(Shard s, String reason) {
        if (closed || s.pending != null) return;
        WsConnection c = new WsConnection(s.index, connectionIds.incrementAndGet(), handler());
        s.pending = c;
        s.pendingReason = reason;
        String uri =
                config.baseUrl()
                        + "/stream"
                        + (config.useMicroseconds() ? "?timeUnit=MICROSECOND" : "");
        http.newWebSocketBuilder()
                .connectTimeout(Duration.ofMillis(config.connectTimeoutMs()))
                .buildAsync(URI.create(uri), c)
                .whenComplete(
                        (ws, err) ->
                                run(
                                        () -> {
                                            if (err != null) {
                                                failed(s, c, "connect failed: " + err);
                                            } else {
                                                c.attach(ws);
                                                int per = config.streamsPerSubscribe();
                                                c.acksNeeded = (s.streams.size() + per - 1) / per;
                                                subscribe(s, c, 0);
                                            }
                                        }));
        scheduler.schedule(
                () -> {
                    if (s.pending == c && !c.ready) {
                        c.planned = true;
                        c.kill("timeout");
                        failed(s, c, "not subscribed within " + config.connectTimeoutMs() + " ms");
                    }
                },
                config.connectTimeoutMs(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * Sends SUBSCRIBE for batch {@code from..}, then schedules the next one after the pacing gap.
     */
    private void subscribe(Shard s, WsConnection c, int from) {
        if (closed || s.pending != c || c.ended()) return;
        int to = Math.min(s.streams.size(), from + config.streamsPerSubscribe());
        long id = controlIds.incrementAndGet();
        StringBuilder sb = new StringBuilder("{\"method\":\"SUBSCRIBE\",\"params\":[");
        for (int i = from; i < to; i++) {
            sb.append(i == from ? "" : ",").append('"').append(s.streams.get(i)).append('"');
        }
        sb.append("],\"id\":").append(id).append('}');
        c.pendingAcks.add(id);
        try {
            c.send(sb.toString(), config.connectTimeoutMs());
        } catch (Exception e) {
            c.planned = true;
            c.kill("send failed");
            failed(s, c, "SUBSCRIBE failed: " + e);
            return;
        }
        if (to < s.streams.size()) {
            scheduler.schedule(
                    () -> subscribe(s, c, to), config.controlIntervalMs(), TimeUnit.MILLISECONDS);
        }
    }

    /** All SUBSCRIBEs of {@code c} acknowledged: it becomes the shard's connection. */
    private void activated(Shard s, WsConnection c) {
        if (closed || s.pending != c) return;
        WsConnection old = s.current;
        s.current = c;
        s.pending = null;
        scheduleRotation(s, c);
        if (s.dropped) {
            s.dropped = false;
            int attempts = s.attempts;
            s.attempts = 0;
            sink.reconnected(s.index, attempts, s.streams, Micros.of(Instant.now()), s.dropReason);
            sink.release(c);
        } else if (old != null) {
            String reason = s.pendingReason;
            old.closePlanned(
                    "rotated",
                    () -> {
                        sink.release(c);
                        sink.lifecycle(l -> l.onRotated(s.index, reason));
                    });
            scheduler.schedule(
                    () -> old.kill("drain timeout"),
                    config.connectTimeoutMs(),
                    TimeUnit.MILLISECONDS);
        } else {
            sink.lifecycle(l -> l.onConnected(s.index, s.streams));
            sink.release(c);
        }
        if (!s.everConnected) {
            s.everConnected = true;
            allConnected.countDown();
        }
    }

    private void scheduleRotation(Shard s, WsConnection c) {
        long after = config.rotateAfterMs(s.index);
        scheduler.schedule(
                () -> {
                    if (s.current == c && s.pending == null) open(s, "lifetime " + after + " ms");
                },
                after,
                TimeUnit.MILLISECONDS);
    }

    /** A connection ended without us closing it. */
    private void ended(Shard s, WsConnection c, String reason) {
        if (closed) return;
        if (c == s.pending) {
            failed(s, c, reason);
            return;
        }
        if (c != s.current) return;
        s.current = null;
        s.dropped = true;
        s.dropReason = reason;
        LOG.warn("binance ws shard {} dropped: {}", s.index, reason);
        sink.lifecycle(l -> l.onDropped(s.index, reason));
        if (s.pending == null) reconnectLater(s, reason);
    }

    /**
     * A new connection did not come up; retry with backoff (the old one, if any, keeps serving).
     */
    private void failed(Shard s, WsConnection c, String reason) {
        if (s.pending != c) return;
        s.pending = null;
        LOG.warn("binance ws shard {} connection {} failed: {}", s.index, c.id, reason);
        if (s.current == null) {
            if (!s.dropped && s.everConnected) s.dropped = true;
            reconnectLater(s, s.pendingReason);
        } else {
            scheduler.schedule(() -> open(s, s.pendingReason), backoffMs(1), TimeUnit.MILLISECONDS);
        }
    }

    private void reconnectLater(Shard s, String reason) {
        if (closed) return;
        s.attempts++;
        scheduler.schedule(() -> open(s, reason), backoffMs(s.attempts), TimeUnit.MILLISECONDS);
    }

    private long backoffMs(int attempt) {
        long d = config.reconnectInitialBackoffMs();
        for (int i = 1; i < attempt && d < config.reconnectMaxBackoffMs(); i++) d *= 2;
        d = Math.min(d, config.reconnectMaxBackoffMs());
        return d / 2 + ThreadLocalRandom.current().nextLong(d - d / 2 + 1);
    }

    private void watchdog() {
        for (Shard s : shards) {
            WsConnection c = s.current;
            if (c != null && !c.ended() && c.idleMs() > config.idleTimeoutMs()) {
                c.kill("idle timeout: no message or ping for " + config.idleTimeoutMs() + " ms");
            }
        }
    }

    // ---- messages (connection threads) ----

    private WsConnection.Handler handler() {
        return new WsConnection.Handler() {
            @Override
            public void onText(WsConnection c, String text) {
                message(c, text);
            }

            @Override
            public void onEnded(WsConnection c, String reason) {
                run(() -> ended(shards.get(c.shard), c, reason));
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
        Shard s = shards.get(c.shard);
        if (ev instanceof WsMessages.ControlReply r) {
            if (!r.ok()) {
                c.kill("SUBSCRIBE rejected: code " + r.errorCode() + " " + r.errorMsg());
            } else if (c.pendingAcks.remove(r.id())
                    && c.acked.incrementAndGet() == c.acksNeeded
                    && !c.ready) {
                c.ready = true;
                run(() -> activated(s, c));
            }
            return;
        }
        if (ev instanceof WsMessages.ServerShutdown) {
            run(
                    () -> {
                        if (s.current == c && s.pending == null) open(s, "serverShutdown");
                    });
            return;
        }
        if (ev == null || p.stream() == null) return;
        sink.offer(c, p);
    }

    private void run(Runnable r) {
        if (!closed) {
            try {
                scheduler.execute(r);
            } catch (java.util.concurrent.RejectedExecutionException ignored) {
                // closing
            }
        }
    }
}
