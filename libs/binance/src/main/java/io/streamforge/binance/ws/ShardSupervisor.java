package io.streamforge.binance.ws;

import io.streamforge.domain.Micros;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection state machine of {@link BinanceWsFeed}'s shards, all on one scheduler thread:
 * opening a connection and pacing its SUBSCRIBEs, making it the shard's connection once every
 * SUBSCRIBE is acknowledged (releasing its held events after a gap report or the old connection's
 * drain), rotation before the lifetime ends and on {@code serverShutdown}, reconnect with backoff
 * after a drop, and the idle watchdog. Messages never pass through here: the feed delivers events
 * to the {@link EventSink} itself and only hands over acknowledgements, shutdown notices and ends.
 */
final class ShardSupervisor {
    private static final Logger LOG = LoggerFactory.getLogger(ShardSupervisor.class);

    private final WsFeedConfig config;
    private final List<WsShard> shards = new ArrayList<>();
    private final EventSink sink;
    private final WsConnection.Handler handler;
    private final HttpClient http;
    private final ScheduledExecutorService scheduler;
    private final AtomicLong connectionIds = new AtomicLong();
    private final AtomicLong controlIds = new AtomicLong();
    private final CountDownLatch allConnected;
    private volatile boolean closed;

    ShardSupervisor(
            WsFeedConfig config,
            List<List<String>> groups,
            EventSink sink,
            WsConnection.Handler handler) {
        this.config = config;
        this.sink = sink;
        this.handler = handler;
        for (int i = 0; i < groups.size(); i++) {
            shards.add(new WsShard(i, groups.get(i)));
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

    /** Opens every shard (asynchronously) and starts the watchdog. */
    void start() {
        long period = Math.max(10, Math.min(1_000, config.idleTimeoutMs() / 4));
        scheduler.scheduleAtFixedRate(this::watchdog, period, period, TimeUnit.MILLISECONDS);
        for (WsShard s : shards) {
            scheduler.execute(() -> open(s, "initial"));
        }
    }

    boolean awaitConnected(long timeoutMs) throws InterruptedException {
        return allConnected.await(timeoutMs, TimeUnit.MILLISECONDS);
    }

    List<List<String>> streams() {
        return shards.stream().map(s -> s.streams).toList();
    }

    /** Every SUBSCRIBE of {@code c} was acknowledged (called from its receive thread). */
    void acknowledged(WsConnection c) {
        WsShard s = shards.get(c.shard);
        run(() -> activated(s, c));
    }

    /** The server announced it will close {@code c}: a planned rotation, unless one is running. */
    void serverShutdown(WsConnection c) {
        WsShard s = shards.get(c.shard);
        run(
                () -> {
                    if (s.current == c && s.pending == null) open(s, "serverShutdown");
                });
    }

    /** {@code c} ended without us closing it (called from its receive thread). */
    void connectionEnded(WsConnection c, String reason) {
        run(() -> ended(shards.get(c.shard), c, reason));
    }

    /** Closes every connection (planned, no drop reported) and stops the scheduler. */
    void close() {
        if (closed) return;
        closed = true;
        try {
            scheduler
                    .submit(
                            () -> {
                                for (WsShard s : shards) {
                                    if (s.current != null)
                                        s.current.closePlanned("client closing", null);
                                    if (s.pending != null)
                                        s.pending.closePlanned("client closing", null);
                                }
                            })
                    .get(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
            LOG.debug("binance ws feed close: {}", e.toString());
        }
        scheduler.shutdownNow();
    }

    private void open(WsShard s, String reason) {
        if (closed || s.pending != null) return;
        WsConnection c = new WsConnection(s.index, connectionIds.incrementAndGet(), handler);
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
    private void subscribe(WsShard s, WsConnection c, int from) {
        if (closed || s.pending != c || c.ended()) return;
        int to = Math.min(s.streams.size(), from + config.streamsPerSubscribe());
        long id = controlIds.incrementAndGet();
        c.pendingAcks.add(id);
        try {
            c.send(
                    WsMessages.subscribe(s.streams.subList(from, to), id),
                    config.connectTimeoutMs());
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
    private void activated(WsShard s, WsConnection c) {
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

    private void scheduleRotation(WsShard s, WsConnection c) {
        long after = config.rotateAfterMs(s.index);
        scheduler.schedule(
                () -> {
                    if (s.current == c && s.pending == null) open(s, "lifetime " + after + " ms");
                },
                after,
                TimeUnit.MILLISECONDS);
    }

    /** A connection ended without us closing it. */
    private void ended(WsShard s, WsConnection c, String reason) {
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
    private void failed(WsShard s, WsConnection c, String reason) {
        if (s.pending != c) return;
        s.pending = null;
        LOG.warn("binance ws shard {} connection {} failed: {}", s.index, c.id, reason);
        if (s.current == null) {
            if (!s.dropped && s.everConnected) s.dropped = true;
            reconnectLater(s, s.pendingReason);
        } else {
            scheduler.schedule(
                    () -> open(s, s.pendingReason),
                    config.reconnectBackoffMs(1),
                    TimeUnit.MILLISECONDS);
        }
    }

    private void reconnectLater(WsShard s, String reason) {
        if (closed) return;
        s.attempts++;
        scheduler.schedule(
                () -> open(s, reason),
                config.reconnectBackoffMs(s.attempts),
                TimeUnit.MILLISECONDS);
    }

    private void watchdog() {
        for (WsShard s : shards) {
            WsConnection c = s.current;
            if (c != null && !c.ended() && c.idleMs() > config.idleTimeoutMs()) {
                c.kill("idle timeout: no message or ping for " + config.idleTimeoutMs() + " ms");
            }
        }
    }

    private void run(Runnable r) {
        if (!closed) {
            try {
                scheduler.execute(r);
            } catch (RejectedExecutionException ignored) {
                // closing
            }
        }
    }
}
