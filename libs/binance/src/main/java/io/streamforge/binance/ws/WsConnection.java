package io.streamforge.binance.ws;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One JDK WebSocket of a shard. Joins fragmented text frames, tracks the last activity (message or
 * ping; the JDK answers pings with pongs by itself) and reports the end exactly once.
 */
final class WsConnection implements WebSocket.Listener {
    interface Handler {
        void onText(WsConnection c, String text);

        void onEnded(WsConnection c, String reason);
    }

    final int shard;
    final long id;
    final Set<Long> pendingAcks = ConcurrentHashMap.newKeySet();
    final java.util.concurrent.atomic.AtomicInteger acked =
            new java.util.concurrent.atomic.AtomicInteger();
    volatile int acksNeeded = Integer.MAX_VALUE;
    final AtomicLong pings = new AtomicLong();
    volatile boolean ready;
    volatile boolean planned; // closed by us: its end is not a drop

    /**
     * New connections hold their events until the feed releases them (after a gap report or the old
     * connection drained).
     */
    boolean holding = true; // guarded by this

    final java.util.List<WsMessages.Parsed> held = new java.util.ArrayList<>(); // guarded by this
    private volatile Runnable drained;
    volatile long lastActivityNanos = System.nanoTime();
    private final Handler handler;
    private final AtomicBoolean ended = new AtomicBoolean();
    private final StringBuilder partial = new StringBuilder();
    private volatile WebSocket ws;

    WsConnection(int shard, long id, Handler handler) {
        this.shard = shard;
        this.id = id;
        this.handler = handler;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        this.ws = webSocket;
        touch();
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        touch();
        if (last && partial.length() == 0) {
            handler.onText(this, data.toString()); // a whole message: one copy, not two
        } else {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                handler.onText(this, text);
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
        touch();
        pings.incrementAndGet();
        webSocket.request(1);
        return null; // the JDK sends the pong itself
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        touch();
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        end("closed by server: " + statusCode + (reason.isEmpty() ? "" : " " + reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        end("connection error: " + error);
    }

    void attach(WebSocket webSocket) {
        this.ws = webSocket;
    }

    /** Sends one text message and waits for it to be written (one send at a time). */
    void send(String text, long timeoutMs) throws Exception {
        ws.sendText(text, true).get(timeoutMs, TimeUnit.MILLISECONDS);
    }

    long idleMs() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastActivityNanos);
    }

    /**
     * Planned close: sends a close frame and keeps reading until the server's close arrives, so
     * every event sent before it is still delivered; then runs {@code drained} (once).
     */
    void closePlanned(String reason, Runnable drained) {
        this.drained = drained;
        planned = true;
        WebSocket w = ws;
        if (w == null || ended.get()) {
            end(reason);
            return;
        }
        w.sendClose(WebSocket.NORMAL_CLOSURE, reason)
                .whenComplete(
                        (x, e) -> {
                            if (e != null) kill("close failed: " + e);
                        });
    }

    /** Kills the socket and reports {@code reason} (unless it was planned or already ended). */
    void kill(String reason) {
        WebSocket w = ws;
        if (w != null) {
            w.abort();
        }
        end(reason);
    }

    boolean ended() {
        return ended.get();
    }

    private void end(String reason) {
        if (!ended.compareAndSet(false, true)) return;
        if (planned) {
            Runnable d = drained;
            if (d != null) d.run();
        } else {
            handler.onEnded(this, reason);
        }
    }

    private void touch() {
        lastActivityNanos = System.nanoTime();
    }
}
