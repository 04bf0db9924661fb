package io.streamforge.visualizer;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Forwards {@code /api/queues/**} to the queue-manager's {@code /queues/**} (status, type and body
 * as they are; the request's {@code Authorization} header unchanged): list, one queue, coverage,
 * start and stop. Relays its SSE streams ({@code /queues/{id}/events}, {@code /queues/events})
 * event by event, with a comment ping every {@link #PING_MS} so that a closed browser tab ends the
 * upstream connection.
 */
final class QueueManagerRelay implements AutoCloseable {
    static final long PING_MS = 15_000;
    private static final Pattern QUEUE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,199}");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI base;
    private final HttpClient http =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(3))
                    .build();
    private final Set<InputStream> streams = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService pings =
            Executors.newSingleThreadScheduledExecutor(
                    r -> {
                        Thread t = new Thread(r, "visualizer-sse-ping");
                        t.setDaemon(true);
                        return t;
                    });

    QueueManagerRelay(String baseUrl) {
        this.base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
    }

    void queues(Context ctx) {
        forward(ctx, get(ctx, "queues"));
    }

    void queue(Context ctx) {
        forward(ctx, get(ctx, "queues/" + queueId(ctx)));
    }

    /** {@code GET /queues/{id}/coverage}: received ranges and gaps per key of the queue. */
    void coverage(Context ctx) {
        forward(ctx, get(ctx, "queues/" + queueId(ctx) + "/coverage"));
    }

    /** {@code POST /queues/start-pipeline}: body, content type and Authorization as they are. */
    void start(Context ctx) {
        forward(ctx, post(ctx, "queues/start-pipeline", ctx.bodyAsBytes()));
    }

    /** {@code POST /queues/{id}/stop}. */
    void stop(Context ctx) {
        forward(ctx, post(ctx, "queues/" + queueId(ctx) + "/stop", new byte[0]));
    }

    /** {@code POST /queues/{id}/resume}. */
    void resume(Context ctx) {
        forward(ctx, post(ctx, "queues/" + queueId(ctx) + "/resume", new byte[0]));
    }

    /** The upstream request: the browser's query string and Authorization header as they are. */
    private HttpRequest.Builder upstream(Context ctx, String path) {
        String query = ctx.queryString();
        HttpRequest.Builder b =
                HttpRequest.newBuilder(
                        base.resolve(query == null || query.isEmpty() ? path : path + "?" + query));
        String auth = ctx.header("Authorization");
        if (auth != null) {
            b.header("Authorization", auth);
        }
        return b;
    }

    private HttpRequest get(Context ctx, String path) {
        return upstream(ctx, path).timeout(TIMEOUT).GET().build();
    }

    private HttpRequest post(Context ctx, String path, byte[] body) {
        String type = ctx.contentType() == null ? "application/json" : ctx.contentType();
        return upstream(ctx, path)
                .timeout(TIMEOUT)
                .header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    private void forward(Context ctx, HttpRequest req) {
        HttpResponse<byte[]> res = send(req, HttpResponse.BodyHandlers.ofByteArray());
        ctx.status(HttpStatus.forStatus(res.statusCode()))
                .contentType(res.headers().firstValue("content-type").orElse("application/json"))
                .result(res.body());
    }

    /** Relays one queue's SSE stream until either side closes; 404 problem for an unknown queue. */
    void events(Context ctx) throws IOException {
        String id = queueId(ctx);
        int status =
                send(get(ctx, "queues/" + id), HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status == 404) {
            throw ApiProblem.notFound("queue_id", "no queue " + id);
        }
        if (status == 401 || status == 403) {
            throw new ApiProblem(
                    status, "queue-manager refused the caller's token (" + status + ")");
        }
        if (status != 200) {
            throw new ApiProblem(502, "queue-manager answered " + status + " for queue " + id);
        }
        relay(ctx, "queues/" + id + "/events");
    }

    /**
     * Relays the queue-manager's stream of every queue ({@code GET /queues/events}); 404 when it
     * has none (an older queue-manager), so that the page falls back to one stream per queue.
     */
    void allEvents(Context ctx) throws IOException {
        relay(ctx, "queues/events");
    }

    private void relay(Context ctx, String path) throws IOException {
        HttpRequest req = upstream(ctx, path).header("Accept", "text/event-stream").GET().build();
        HttpResponse<InputStream> res = send(req, HttpResponse.BodyHandlers.ofInputStream());
        String type = res.headers().firstValue("content-type").orElse("");
        if (res.statusCode() != 200 || !type.startsWith("text/event-stream")) {
            res.body().close();
            if (res.statusCode() == 404) {
                throw new ApiProblem(404, "queue-manager has no " + path);
            }
            throw new ApiProblem(
                    502, "queue-manager " + path + ": " + res.statusCode() + " " + type);
        }
        ctx.status(HttpStatus.OK);
        ctx.res().setContentType("text/event-stream;charset=utf-8");
        ctx.res().setHeader("Cache-Control", "no-cache");
        ctx.res().setHeader("X-Accel-Buffering", "no");
        pipe(res.body(), ctx.res().getOutputStream());
    }

    private void pipe(InputStream upstream, OutputStream out) throws IOException {
        streams.add(upstream);
        ScheduledFuture<?> ping =
                pings.scheduleAtFixedRate(
                        () -> write(out, ": ping\n\n", upstream),
                        PING_MS,
                        PING_MS,
                        TimeUnit.MILLISECONDS);
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(upstream, StandardCharsets.UTF_8))) {
            write(out, ": relayed from the queue-manager\n\n", upstream);
            String line;
            StringBuilder event = new StringBuilder();
            while ((line = in.readLine()) != null) {
                event.append(line).append('\n');
                if (line.isEmpty()) {
                    write(out, event.toString(), upstream);
                    event.setLength(0);
                }
            }
        } catch (IOException e) {
            // the browser or the queue-manager went away: end quietly
        } finally {
            ping.cancel(false);
            streams.remove(upstream);
            upstream.close();
        }
    }

    /** One event at a time per response; a failed write closes the upstream (reader ends). */
    private static void write(OutputStream out, String text, InputStream upstream) {
        synchronized (out) {
            try {
                out.write(text.getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException | RuntimeException e) {
                closeQuietly(upstream);
            }
        }
    }

    /** The caller's bearer token goes on to the queue-manager, which checks it itself. */
    private static String queueId(Context ctx) {
        String id = ctx.pathParam("id");
        if (!QUEUE_ID.matcher(id).matches()) {
            throw ApiProblem.badRequest(
                    "queue_id", "queue id '" + id + "': expected 1-200 of [A-Za-z0-9_.-]");
        }
        return id;
    }

    private <T> HttpResponse<T> send(HttpRequest req, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(req, handler);
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiProblem(503, "interrupted while asking the queue-manager");
        }
    }

    private ApiProblem unreachable(Exception e) {
        return new ApiProblem(502, "queue-manager unreachable at " + base + ": " + e);
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException | RuntimeException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        streams.forEach(QueueManagerRelay::closeQuietly);
        pings.shutdownNow();
    }
}
