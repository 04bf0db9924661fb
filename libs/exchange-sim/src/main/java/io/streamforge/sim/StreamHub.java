package io.streamforge.sim;

import io.streamforge.domain.port.TimeSource;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.ee10.websocket.server.JettyServerUpgradeRequest;
import org.eclipse.jetty.ee10.websocket.server.JettyServerUpgradeResponse;
import org.eclipse.jetty.ee10.websocket.server.JettyWebSocketServerContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket side of the simulator: accepts {@code /ws[/<stream>]} and {@code
 * /stream?streams=a/b}, limits new connections per IP, and on every tick polls "now" from the
 * {@link TimeSource}, pushes the new events of every subscribed stream, pings, and enforces
 * lifetime and pong timeout. One producer per stream name is shared by all its subscribers.
 */
final class StreamHub implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StreamHub.class);

    private final MarketModel model;
    private final Faults faults;
    private final TimeSource clock;
    private final StreamLimits limits;
    private final Set<WsSession> sessions = ConcurrentHashMap.newKeySet();
    private final Map<String, StreamProducers.Producer> producers = new HashMap<>();
    private final Map<String, Deque<Long>> connectsByIp = new HashMap<>();
    private final ScheduledExecutorService ticker;
    private final AtomicLong limitDrops = new AtomicLong();
    private final AtomicLong rejectedConnections = new AtomicLong();
    private long lastDropNs = System.nanoTime();

    StreamHub(MarketModel model, Faults faults, TimeSource clock, StreamLimits limits) {
        this.model = model;
        this.faults = faults;
        this.clock = clock;
        this.limits = limits;
        this.ticker =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "sim-stream-hub");
                            t.setDaemon(true);
                            return t;
                        });
        ticker.scheduleWithFixedDelay(
                this::safeTick, limits.tickMs(), limits.tickMs(), TimeUnit.MILLISECONDS);
    }

    /** Registers the WebSocket mappings on Jetty's container. */
    void install(JettyWebSocketServerContainer container) {
        container.setIdleTimeout(Duration.ofMillis(limits.lifetimeMs() + limits.pongTimeoutMs()));
        container.setMaxTextMessageSize(65_536);
        container.addMapping("/ws", this::create);
        container.addMapping("/ws/*", this::create);
        container.addMapping("/stream", this::create);
    }

    private Object create(JettyServerUpgradeRequest req, JettyServerUpgradeResponse resp) {
        try {
            String ip = ip(req.getRemoteSocketAddress());
            String path = req.getRequestURI().getPath();
            Map<String, List<String>> q = req.getParameterMap();
            boolean micros = "MICROSECOND".equals(first(q, "timeUnit").toUpperCase(Locale.ROOT));
            boolean combined = path.equals("/stream");
            List<String> names = new ArrayList<>();
            String raw = combined ? first(q, "streams") : path.replaceFirst("^/ws/?", "");
            for (String n : raw.split("/")) {
                if (!n.isEmpty()) {
                    names.add(n);
                }
            }
            for (String n : names) {
                if (StreamName.parse(n, model) == null) {
                    resp.sendError(400, "Invalid request: invalid stream " + n);
                    return null;
                }
            }
            if (names.size() > limits.maxStreamsPerConnection()) {
                resp.sendError(
                        400, "Too many streams: at most " + limits.maxStreamsPerConnection());
                return null;
            }
            if (!admitConnection(ip)) {
                rejectedConnections.incrementAndGet();
                resp.sendError(429, "Too many new connections from " + ip);
                return null;
            }
            return new WsSession(this, ip, combined, micros, distinct(names));
        } catch (IOException e) {
            LOG.debug("upgrade rejected", e);
            return null;
        }
    }

    private synchronized boolean admitConnection(String ip) {
        long now = System.nanoTime() / 1_000_000L;
        Deque<Long> times = connectsByIp.computeIfAbsent(ip, k -> new ArrayDeque<>());
        while (!times.isEmpty() && now - times.peekFirst() >= limits.connectionWindowMs()) {
            times.pollFirst();
        }
        if (times.size() >= limits.connectionsPerWindow()) {
            return false;
        }
        times.addLast(now);
        return true;
    }

    private static String first(Map<String, List<String>> q, String key) {
        List<String> v = q.get(key);
        return v == null || v.isEmpty() || v.get(0) == null ? "" : v.get(0);
    }

    private static String ip(SocketAddress a) {
        return a instanceof InetSocketAddress
                ? ((InetSocketAddress) a).getAddress().getHostAddress()
                : String.valueOf(a);
    }

    void opened(WsSession s) {
        sessions.add(s);
    }

    void closed(WsSession s) {
        sessions.remove(s);
    }

    private void safeTick() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.warn("stream tick failed", e);
        }
    }

    /** Housekeeping and event delivery for "now"; runs on the hub thread. */
    synchronized void tick() {
        long nowNs = System.nanoTime();
        long dropEvery = faults.wsDropEveryMs();
        if (dropEvery > 0 && nowNs - lastDropNs >= dropEvery * 1_000_000L) {
            lastDropNs = nowNs;
            dropAll();
        }
        for (WsSession s : sessions) {
            s.housekeep(nowNs, limits);
        }
        Map<String, List<WsSession>> subs = new LinkedHashMap<>();
        for (WsSession s : sessions) {
            for (String n : s.streams()) {
                subs.computeIfAbsent(n, k -> new ArrayList<>()).add(s);
            }
        }
        producers.keySet().retainAll(subs.keySet());
        long nowUs = clock.nowUs();
        for (Map.Entry<String, List<WsSession>> e : subs.entrySet()) {
            StreamProducers.Producer p = producers.get(e.getKey());
            if (p == null) {
                StreamName n = StreamName.parse(e.getKey(), model);
                producers.put(e.getKey(), StreamProducers.create(n, model, faults, nowUs));
                continue;
            }
            for (StreamEvent ev : p.poll(nowUs)) {
                for (WsSession s : e.getValue()) {
                    s.sendEvent(e.getKey(), ev.json(s.micros));
                }
            }
        }
    }

    void dropAll() {
        for (WsSession s : List.copyOf(sessions)) {
            s.disconnect();
        }
    }

    void rotateAll() {
        for (WsSession s : List.copyOf(sessions)) {
            s.close(1000, "Connection lifetime reached");
        }
    }

    /**
     * Sends {@code serverShutdown} to every open connection now and closes those connections (1001)
     * after {@code graceMs} wall milliseconds on the hub thread (0 = at once, as before).
     * Connections opened during the grace are not affected: they are the clients' replacements.
     */
    void serverShutdown(long graceMs) {
        long nowUs = clock.nowUs();
        List<WsSession> notified = List.copyOf(sessions);
        for (WsSession s : notified) {
            String data = "{\"e\":\"serverShutdown\",\"E\":" + JsonOut.time(nowUs, s.micros) + "}";
            s.sendEvent("!serverShutdown", data);
        }
        if (graceMs <= 0) {
            closeShutdown(notified);
        } else {
            ticker.schedule(() -> closeShutdown(notified), graceMs, TimeUnit.MILLISECONDS);
        }
    }

    private static void closeShutdown(List<WsSession> notified) {
        for (WsSession s : notified) {
            s.close(1001, "Server shutdown");
        }
    }

    MarketModel model() {
        return model;
    }

    StreamLimits limits() {
        return limits;
    }

    void countLimitDrop() {
        limitDrops.incrementAndGet();
    }

    int connections() {
        return sessions.size();
    }

    long limitDrops() {
        return limitDrops.get();
    }

    long rejectedConnections() {
        return rejectedConnections.get();
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        for (WsSession s : List.copyOf(sessions)) {
            s.close(1001, "Server shutdown");
        }
    }

    static List<String> distinct(List<String> names) {
        return new ArrayList<>(new java.util.LinkedHashSet<>(names));
    }
}
