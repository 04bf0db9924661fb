package io.streamforge.sim;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One WebSocket connection: its subscriptions, the {@code combined} property, the time unit, and
 * the per-connection limits (incoming messages per second — text, ping and pong frames count —,
 * lifetime, ping / pong timeout). Public only because Jetty requires a public listener class; not
 * an API.
 */
public final class WsSession implements Session.Listener.AutoDemanding {
    private final StreamHub hub;
    final String ip;
    final boolean micros;
    private final Set<String> streams = new LinkedHashSet<>();
    private final long openedNs = System.nanoTime();
    private volatile boolean combined;
    private volatile Session session;
    private volatile long lastPongNs = System.nanoTime();
    private volatile long lastPingNs = System.nanoTime();
    private long windowStartNs;
    private int windowCount;

    WsSession(StreamHub hub, String ip, boolean combined, boolean micros, List<String> initial) {
        this.hub = hub;
        this.ip = ip;
        this.combined = combined;
        this.micros = micros;
        this.streams.addAll(initial);
    }

    @Override
    public void onWebSocketOpen(Session s) {
        this.session = s;
        hub.opened(this);
    }

    @Override
    public void onWebSocketText(String message) {
        if (admitIncoming()) {
            String reply = WsControl.handle(this, message, hub);
            if (reply != null) {
                sendText(reply);
            }
        }
    }

    @Override
    public void onWebSocketPing(ByteBuffer payload) {
        if (admitIncoming()) {
            Session s = session;
            if (s != null) {
                s.sendPong(payload, Callback.NOOP);
            }
        }
    }

    @Override
    public void onWebSocketPong(ByteBuffer payload) {
        if (admitIncoming()) {
            lastPongNs = System.nanoTime();
        }
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        hub.closed(this);
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        hub.closed(this);
    }

    /** Counts one incoming message; over the per-second limit the connection is closed. */
    private boolean admitIncoming() {
        long now = System.nanoTime();
        int count;
        synchronized (this) {
            if (now - windowStartNs >= 1_000_000_000L) {
                windowStartNs = now;
                windowCount = 0;
            }
            count = ++windowCount;
        }
        if (count > hub.limits().messagesPerSecond()) {
            hub.countLimitDrop();
            close(1008, "Too many messages");
            return false;
        }
        return true;
    }

    /** Lifetime, ping and pong timeout; called by the hub on every tick. */
    void housekeep(long nowNs, StreamLimits limits) {
        Session s = session;
        if (s == null || !s.isOpen()) {
            return;
        }
        if (nowNs - openedNs >= limits.lifetimeMs() * 1_000_000L) {
            close(1000, "Connection lifetime reached");
        } else if (nowNs - lastPongNs >= limits.pongTimeoutMs() * 1_000_000L) {
            s.disconnect();
        } else if (nowNs - lastPingNs >= limits.pingIntervalMs() * 1_000_000L) {
            lastPingNs = nowNs;
            s.sendPing(ByteBuffer.allocate(0), Callback.NOOP);
        }
    }

    void sendEvent(String stream, String json) {
        sendText(combined ? "{\"stream\":\"" + stream + "\",\"data\":" + json + "}" : json);
    }

    void sendText(String text) {
        Session s = session;
        if (s != null && s.isOpen()) {
            s.sendText(text, Callback.NOOP);
        }
    }

    void close(int code, String reason) {
        Session s = session;
        if (s != null && s.isOpen()) {
            s.close(code, reason, Callback.NOOP);
        }
    }

    void disconnect() {
        Session s = session;
        if (s != null) {
            s.disconnect();
        }
    }

    synchronized List<String> streams() {
        return new ArrayList<>(streams);
    }

    /** Adds streams; false (nothing added) when the per-connection limit would be exceeded. */
    synchronized boolean subscribe(List<String> names, int max) {
        Set<String> after = new LinkedHashSet<>(streams);
        after.addAll(names);
        if (after.size() > max) {
            return false;
        }
        streams.addAll(names);
        return true;
    }

    synchronized void unsubscribe(List<String> names) {
        names.forEach(streams::remove);
    }

    boolean combined() {
        return combined;
    }

    void combined(boolean v) {
        combined = v;
    }
}
