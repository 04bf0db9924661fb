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
 * Forwards {@code /api/queues[/{id}]} to the queue-manager's {@code /queues[/{id}]} (status, type
 * and body as they are) and relays its SSE stream {@code /queues/{id}/events} byte for byte, with a
 * comment ping every {@link #PING_MS} so that a closed browser tab ends the upstream connection.
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
        forward(ctx, "queues");
    }

    void queue(Context ctx) {
        forward(ctx, "queues/" + queueId(ctx));
    }

    private void forward(Context ctx, String path) {
        HttpRequest req =
                withToken(ctx, HttpRequest.newBuilder(base.resolve(path)))
                        .timeout(TIMEOUT)
                        .GET()
                        .build();
        HttpResponse<byte[]> res = send(req, HttpResponse.BodyHandlers.ofByteArray());
        ctx.status(HttpStatus.forStatus(res.statusCode()))
                .contentType(res.headers().firstValue("content-type").orElse("application/json"))
                .result(res.body());
    }

    /** Relays the SSE stream until either side closes; 404 problem when the queue is unknown. */
    void events(Context ctx) throws IOException {
        String id = queueId(ctx);
        HttpRequest check =
                withToken(ctx, HttpRequest.newBuilder(base.resolve("queues/" + id)))
                        .timeout(TIMEOUT)
                        .GET()
                        .build();
        int status = send(check, HttpResponse.BodyHandlers.discarding()).statusCode();
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
        HttpRequest req =
                withToken(ctx, HttpRequest.newBuilder(base.resolve("queues/" + id + "/events")))
                        .header("Accept", "text/event-stream")
                        .GET()
                        .build();
        HttpResponse<InputStream> res = send(req, HttpResponse.BodyHandlers.ofInputStream());
        String type = res.headers().firstValue("content-type").orElse("");
        if (res.statusCode() != 200 || !type.startsWith("text/event-stream")) {
            res.body().close();
            throw new ApiProblem(
                    502, "queue-manager events of " + id + ": " + res.statusCode() + " " + type);
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
    private static HttpRequest.Builder withToken(Context ctx, HttpRequest.Builder b) {
        String auth = ctx.header("Authorization");
        return auth == null ? b : b.header("Authorization", auth);
    }

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
