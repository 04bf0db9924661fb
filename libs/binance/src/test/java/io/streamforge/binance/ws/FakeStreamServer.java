package io.streamforge.binance.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.websocket.WsContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real WebSocket server (Javalin 7 / Jetty, port 0) speaking the combined-stream protocol: {@code
 * /stream}, SUBSCRIBE with a {@code {"result":null,"id":n}} reply, {@code {"stream":..,"data":..}}
 * frames; plus faults: hard disconnects, silence, serverShutdown.
 */
final class FakeStreamServer implements AutoCloseable {
    record Control(long atNanos, String session, String method, List<String> params, long id) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    final List<Control> controls = new CopyOnWriteArrayList<>();
    final AtomicInteger connectionsOpened = new AtomicInteger();
    final Map<String, WsContext> open = new ConcurrentHashMap<>();
    final Map<String, Set<String>> subscriptions = new ConcurrentHashMap<>();
    final Set<String> silenced = ConcurrentHashMap.newKeySet();
    volatile boolean rejectConnections;

    /** SUBSCRIBE gets no answer at all. */
    volatile boolean ignoreSubscribes;

    /** SUBSCRIBE gets an error reply (code 2, as Binance answers an invalid request). */
    volatile boolean rejectSubscribes;

    private final Javalin app;

    FakeStreamServer() {
        app =
                Javalin.create(
                                cfg -> {
                                    cfg.jetty.port = 0;
                                    cfg.jetty.host = "127.0.0.1";
                                    cfg.routes.wsBeforeUpgrade(
                                            "/stream",
                                            ctx -> {
                                                if (rejectConnections)
                                                    throw new io.javalin.http
                                                            .ServiceUnavailableResponse("down");
                                            });
                                    cfg.routes.ws(
                                            "/stream",
                                            ws -> {
                                                ws.onConnect(
                                                        ctx -> {
                                                            connectionsOpened.incrementAndGet();
                                                            open.put(ctx.sessionId(), ctx);
                                                            subscriptions.put(
                                                                    ctx.sessionId(),
                                                                    ConcurrentHashMap.newKeySet());
                                                        });
                                                ws.onMessage(ctx -> control(ctx, ctx.message()));
                                                ws.onClose(ctx -> open.remove(ctx.sessionId()));
                                                ws.onError(ctx -> open.remove(ctx.sessionId()));
                                            });
                                })
                        .start();
    }

    String url() {
        return "ws://127.0.0.1:" + app.port();
    }

    private void control(WsContext ctx, String text) throws Exception {
        JsonNode n = JSON.readTree(text);
        List<String> params = new ArrayList<>();
        n.path("params").forEach(p -> params.add(p.asText()));
        long id = n.path("id").asLong();
        String method = n.path("method").asText();
        controls.add(new Control(System.nanoTime(), ctx.sessionId(), method, params, id));
        if (method.equals("SUBSCRIBE") && rejectSubscribes) {
            ctx.send("{\"error\":{\"code\":2,\"msg\":\"Invalid request\"},\"id\":" + id + "}");
        } else if (method.equals("SUBSCRIBE") && !ignoreSubscribes) {
            subscriptions.get(ctx.sessionId()).addAll(params);
            ctx.send("{\"result\":null,\"id\":" + id + "}");
        }
    }

    /** Sends {@code data} of {@code stream} to every open, subscribed, non-silenced connection. */
    int publish(String stream, String data) {
        int sent = 0;
        for (var e : open.entrySet()) {
            Set<String> subs = subscriptions.get(e.getKey());
            if (subs != null && subs.contains(stream) && !silenced.contains(e.getKey())) {
                e.getValue().send("{\"stream\":\"" + stream + "\",\"data\":" + data + "}");
                sent++;
            }
        }
        return sent;
    }

    /** Sessions currently subscribed to {@code stream}. */
    List<String> sessionsWith(String stream) {
        List<String> out = new ArrayList<>();
        open.keySet()
                .forEach(
                        id -> {
                            if (subscriptions.getOrDefault(id, Set.of()).contains(stream))
                                out.add(id);
                        });
        return out;
    }

    /** Drops every connection without a close handshake. */
    void disconnectAll() {
        open.values().forEach(ctx -> ctx.session.disconnect());
        open.clear();
    }

    void silenceAll() {
        silenced.addAll(open.keySet());
    }

    void serverShutdownNotice() {
        open.values()
                .forEach(
                        ctx ->
                                ctx.send(
                                        "{\"e\":\"serverShutdown\",\"E\":"
                                                + System.currentTimeMillis()
                                                + "}"));
    }

    @Override
    public void close() {
        app.stop();
    }
}
