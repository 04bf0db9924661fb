package io.streamforge.visualizer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for the queue-manager HTTP API (JDK {@code HttpServer}) with one queue, {@link #ID}:
 * {@code GET /queues}, {@code GET /queues/{id}} (404 problem for others), {@code GET
 * /queues/{id}/coverage}, {@code POST /queues/start-pipeline} (400 problem naming {@code
 * time_range} when the body has none), {@code POST /queues/{id}/stop}, {@code POST
 * /queues/{id}/resume} (409) and {@code GET /queues/{id}/events} (and, when built with {@code
 * allEvents}, {@code GET /queues/events}): an SSE stream that sends a {@code queue} and a {@code
 * telemetry} event and stays open until {@link #close()}. Every request is recorded ({@link
 * #requests()}) with its Authorization header. The real queue-manager is used by the app's
 * VisualizerBrowserIT; here only the forwarding and relaying are under test.
 */
final class FakeQueueManager implements AutoCloseable {
    static final String ID = "loader-btcusdt-api-candles-2024-06-01-abc123";
    static final String QUEUE =
            "{\"queue_id\":\""
                    + ID
                    + "\",\"status\":\"running\",\"records_written\":42,\"steps\":[]}";
    static final String COVERAGE =
            "{\"queue_id\":\"" + ID + "\",\"keys\":[{\"symbol\":\"BTCUSDT\",\"gaps\":[]}]}";
    static final String TELEMETRY =
            "{\"v\":1,\"queue_id\":\""
                    + ID
                    + "\",\"target\":\"arango-connector\",\"status\":\"loading\","
                    + "\"records_written\":42}";

    private final HttpServer server;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final boolean allEvents;
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    /** One request as received: method, path, query, Authorization header (or null) and body. */
    record Request(String method, String path, String query, String authorization, String body) {}

    FakeQueueManager() throws IOException {
        this(true);
    }

    /** {@code allEvents = false}: an older queue-manager without {@code GET /queues/events}. */
    FakeQueueManager(boolean allEvents) throws IOException {
        this.allEvents = allEvents;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/queues", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Request> requests() {
        return requests;
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String method = ex.getRequestMethod();
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(
                new Request(
                        method,
                        path,
                        ex.getRequestURI().getRawQuery(),
                        ex.getRequestHeaders().getFirst("Authorization"),
                        body));
        if (method.equals("POST")) {
            post(ex, path, body);
        } else if (path.equals("/queues")) {
            send(ex, 200, "application/json", "[" + QUEUE + "]");
        } else if (path.equals("/queues/" + ID)) {
            send(ex, 200, "application/json", QUEUE);
        } else if (path.equals("/queues/" + ID + "/coverage")) {
            send(ex, 200, "application/json", COVERAGE);
        } else if (path.equals("/queues/" + ID + "/events")
                || (allEvents && path.equals("/queues/events"))) {
            stream(ex);
        } else {
            notFound(ex, path);
        }
    }

    private void post(HttpExchange ex, String path, String body) throws IOException {
        if (path.equals("/queues/start-pipeline") && !body.contains("time_range")) {
            send(
                    ex,
                    400,
                    "application/problem+json",
                    "{\"status\":400,\"field\":\"time_range\",\"detail\":\"missing\"}");
        } else if (path.equals("/queues/start-pipeline")) {
            send(ex, 201, "application/json", "{\"status\":\"ok\",\"queue_id\":\"" + ID + "\"}");
        } else if (path.equals("/queues/" + ID + "/stop")) {
            send(
                    ex,
                    202,
                    "application/json",
                    "{\"status\":\"stopping\",\"queue_id\":\"" + ID + "\"}");
        } else if (path.equals("/queues/" + ID + "/resume")) {
            send(
                    ex,
                    409,
                    "application/problem+json",
                    "{\"status\":409,\"detail\":\"queue " + ID + " is running\"}");
        } else {
            notFound(ex, path);
        }
    }

    private static void notFound(HttpExchange ex, String path) throws IOException {
        String id = path.substring("/queues/".length());
        send(
                ex,
                404,
                "application/problem+json",
                "{\"status\":404,\"field\":\"queue_id\",\"detail\":\"no queue " + id + "\"}");
    }

    private void stream(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/event-stream;charset=utf-8");
        ex.sendResponseHeaders(200, 0);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(("event: queue\ndata: " + QUEUE + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            out.write(
                    ("event: telemetry\ndata: " + TELEMETRY + "\n\n")
                            .getBytes(StandardCharsets.UTF_8));
            out.flush();
            closed.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the relay went away
        }
    }

    private static void send(HttpExchange ex, int status, String type, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
    }
}
