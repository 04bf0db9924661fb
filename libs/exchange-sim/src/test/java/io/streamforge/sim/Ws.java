package io.streamforge.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/** A real java.net.http WebSocket client for the tests: queues text messages, records closing. */
final class Ws implements WebSocket.Listener, AutoCloseable {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    final AtomicInteger pings = new AtomicInteger();
    private final StringBuilder partial = new StringBuilder();
    WebSocket socket;

    static Ws connect(String url) {
        Ws ws = new Ws();
        ws.socket = CLIENT.newWebSocketBuilder().buildAsync(URI.create(url), ws).join();
        return ws;
    }

    @Override
    public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            messages.add(partial.toString());
            partial.setLength(0);
        }
        w.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onPing(WebSocket w, ByteBuffer message) {
        pings.incrementAndGet();
        w.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket w, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket w, Throwable error) {
        closed.complete(-1);
    }

    void send(String text) {
        socket.sendText(text, true).join();
    }

    /** The next text message within {@code seconds}, or null. */
    String next(double seconds) {
        try {
            return messages.poll((long) (seconds * 1000), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode nextJson(double seconds) {
        String s = next(seconds);
        if (s == null) {
            throw new AssertionError("no message within " + seconds + " s");
        }
        return json(s);
    }

    /** Messages until one matches {@code until} (inclusive), failing after {@code seconds}. */
    List<JsonNode> until(Predicate<JsonNode> until, double seconds) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        List<JsonNode> out = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            String s = next(0.05);
            if (s == null) {
                continue;
            }
            JsonNode n = json(s);
            out.add(n);
            if (until.test(n)) {
                return out;
            }
        }
        throw new AssertionError("condition not met within " + seconds + " s; got " + out.size());
    }

    /** Close code (-1 = dropped without a close frame), or null when still open after seconds. */
    Integer awaitClosed(double seconds) {
        try {
            return closed.get((long) (seconds * 1000), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            return null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(String s) {
        try {
            return Http.JSON.readTree(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(e -> null);
        }
        socket.abort();
    }
}
