package io.streamforge.queuemanager;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.sse.SseClient;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.streamforge.domain.port.CoverageLedger;
import io.streamforge.domain.port.QueueStore;
import io.streamforge.domain.queue.QueueRecord;
import io.streamforge.kafka.Json;
import io.streamforge.kafka.TelemetryEvent;
import io.streamforge.queuemanager.coverage.CoverageRoute;
import io.streamforge.runtime.EndedRequests;
import io.streamforge.runtime.auth.AuthException;
import io.streamforge.runtime.auth.HttpAuth;
import io.streamforge.runtime.auth.Role;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The queue-manager HTTP API; errors are RFC 9457 problem+json naming the field. Each route names
 * the least {@link Role} it needs (checked by {@link HttpAuth}); {@code /openapi.json} is generated
 * by {@link ApiDocs}.
 */
public final class ApiServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    private static final String PROBLEM = "application/problem+json";

    /** Largest request body (413 above): a pipeline request is a few kB. */
    public static final long MAX_BODY_BYTES = 64 * 1024;

    /** What the API needs from the manager. */
    public interface Backend {
        QueueRecord startPipeline(byte[] body);

        QueueRecord startTestFlow(byte[] body);

        boolean stop(String queueId);

        /**
         * Resumes an interrupted or failed queue under its id; {@link ProblemException} 404 for an
         * unknown queue, 409 for one that is pending, running or finished.
         */
        QueueRecord resume(String queueId);

        /** Readiness with a {@code status} of UP or DOWN and one entry per check. */
        default Map<String, Object> readiness() {
            return Map.of("status", "UP");
        }

        /** False only when the process must be restarted. */
        default boolean live() {
            return true;
        }
    }

    private final Javalin app;
    private final byte[] openApi;
    private final EventHub hub;

    public ApiServer(
            String host,
            int port,
            Backend backend,
            QueueStore store,
            PrometheusMeterRegistry registry,
            CoverageLedger coverage,
            EventHub hub,
            HttpAuth auth) {
        this.hub = hub;
        this.openApi = write(ApiDocs.document(auth.settings().issuerUrl())).getBytes(UTF_8);
        this.app =
                Javalin.create(
                                cfg -> {
                                    configure(cfg, host, port, backend, store, registry, coverage);
                                    cfg.http.maxRequestSize = MAX_BODY_BYTES;
                                    auth.install(cfg.routes);
                                    errors(cfg.routes);
                                })
                        .start();
    }

    private void configure(
            JavalinConfig cfg,
            String host,
            int port,
            Backend backend,
            QueueStore store,
            PrometheusMeterRegistry reg,
            CoverageLedger coverage) {
        cfg.startup.showJavalinBanner = false;
        cfg.jetty.host = host;
        cfg.jetty.port = port;
        var r = cfg.routes;
        if (coverage != null) {
            r.get("/queues/{id}/coverage", new CoverageRoute(coverage, store), Role.VIEWER);
        }
        r.post(
                "/queues/start-pipeline",
                ctx -> created(ctx, backend.startPipeline(ctx.bodyAsBytes())),
                Role.OPERATOR);
        r.post(
                "/queues/start-test-flow",
                ctx -> created(ctx, backend.startTestFlow(ctx.bodyAsBytes())),
                Role.OPERATOR);
        r.get(
                "/queues",
                ctx -> json(ctx, 200, store.list().stream().map(QueueViews::queue).toList()),
                Role.VIEWER);
        r.get(
                "/queues/list",
                ctx -> json(ctx, 200, store.list().stream().map(QueueViews::queue).toList()),
                Role.VIEWER);
        r.post("/queues/stop", ctx -> stop(ctx, backend, stopId(ctx)), Role.OPERATOR);
        // before /{id}: one stream of every queue's events (a browser needs one connection)
        r.sse("/queues/events", client -> subscribe(client, store, null), Role.VIEWER);
        r.get(
                "/queues/{id}",
                ctx -> json(ctx, 200, QueueViews.queue(find(store, ctx.pathParam("id")))),
                Role.VIEWER);
        r.post("/queues/{id}/stop", ctx -> stop(ctx, backend, ctx.pathParam("id")), Role.OPERATOR);
        r.post(
                "/queues/{id}/resume",
                ctx -> json(ctx, 200, QueueViews.queue(backend.resume(ctx.pathParam("id")))),
                Role.OPERATOR);
        r.sse(
                "/queues/{id}/events",
                client -> subscribe(client, store, client.ctx().pathParam("id")),
                Role.VIEWER);
        r.get(
                "/health/live",
                ctx ->
                        json(
                                ctx,
                                backend.live() ? 200 : 503,
                                Map.of("status", backend.live() ? "UP" : "DOWN")));
        r.get(
                "/health/ready",
                ctx -> {
                    Map<String, Object> ready = backend.readiness();
                    json(ctx, "UP".equals(ready.get("status")) ? 200 : 503, ready);
                });
        r.get("/health/startup", ctx -> json(ctx, 200, Map.of("status", "UP")));
        r.get(
                "/metrics",
                ctx ->
                        ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                                .result(reg.scrape()));
        r.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
        r.get("/docs", ctx -> resource(ctx, "/openapi.html", "text/html; charset=utf-8"));
    }

    private static void errors(io.javalin.config.RoutesConfig r) {
        r.exception(
                AuthException.class,
                (e, ctx) -> {
                    if (e.status() == 401) {
                        ctx.header("WWW-Authenticate", "Bearer realm=\"streamforge\"");
                    }
                    problem(ctx, e.status(), e.getMessage(), null);
                });
        r.exception(
                HttpResponseException.class,
                (e, ctx) ->
                        problem(
                                ctx,
                                e.getStatus(),
                                e.getStatus() == 413
                                        ? "request body larger than " + MAX_BODY_BYTES + " bytes"
                                        : e.getMessage(),
                                e.getStatus() == 413 ? "body" : null));
        r.exception(
                ProblemException.class,
                (e, ctx) -> problem(ctx, e.status(), e.getMessage(), e.field()));
        r.exception(
                Exception.class,
                (e, ctx) -> {
                    if (EndedRequests.ended(ctx)) {
                        LOG.debug(
                                "request ended before its error could be answered: {}",
                                e.toString());
                        return;
                    }
                    LOG.error("request {} failed", ctx.path(), e);
                    problem(ctx, 500, "internal error: " + e.getMessage(), null);
                });
        r.error(
                404,
                ctx -> {
                    if (EndedRequests.ended(ctx)) {
                        return;
                    }
                    if (!PROBLEM.equals(ctx.res().getContentType())) {
                        problem(ctx, 404, "no route " + ctx.method() + " " + ctx.path(), null);
                    }
                });
    }

    private static String stopId(Context ctx) throws IOException {
        var node =
                Json.MAPPER.readTree(
                        ctx.bodyAsBytes().length == 0 ? "{}".getBytes() : ctx.bodyAsBytes());
        if (node == null || !node.hasNonNull("queue_id")) {
            throw new ProblemException(400, "queue_id", "missing");
        }
        return node.get("queue_id").asText();
    }

    private static void stop(Context ctx, Backend backend, String id) {
        if (!backend.stop(id)) {
            throw new ProblemException(404, "queue_id", "no queue " + id);
        }
        json(ctx, 202, Map.of("status", "stopping", "queue_id", id));
    }

    private static QueueRecord find(QueueStore store, String id) {
        return store.find(id)
                .orElseThrow(() -> new ProblemException(404, "queue_id", "no queue " + id));
    }

    /**
     * One SSE stream: the queue ({@code queueId}) or every queue (null), served by the {@link
     * EventHub} on this request's thread; {@code Last-Event-ID} resumes after a drop.
     */
    private void subscribe(SseClient client, QueueStore store, String queueId) {
        if (queueId != null && store.find(queueId).isEmpty()) {
            client.sendEvent("error", "no queue " + queueId);
            client.close();
            return;
        }
        hub.serve(client, queueId, lastEventId(client.ctx()), () -> snapshot(store, queueId));
    }

    private List<EventHub.Event> snapshot(QueueStore store, String queueId) {
        long id = hub.lastId();
        List<QueueRecord> queues =
                queueId == null
                        ? store.listUnfinished()
                        : store.find(queueId).map(List::of).orElse(List.of());
        return queues.stream()
                .map(q -> new EventHub.Event(id, q.queueId(), "queue", write(QueueViews.queue(q))))
                .toList();
    }

    private static Long lastEventId(Context ctx) {
        String h = ctx.header("Last-Event-ID");
        try {
            return h == null || h.isBlank() ? null : Long.parseLong(h.trim());
        } catch (NumberFormatException e) {
            return null; // not one of ours: start with a snapshot
        }
    }

    /** Pushes a telemetry event to the SSE clients of its queue and of all queues. */
    public void publish(TelemetryEvent e) {
        hub.publish(e.queueId(), "telemetry", write(e));
    }

    public EventHub events() {
        return hub;
    }

    private static void created(Context ctx, QueueRecord q) {
        json(ctx, 201, QueueViews.created(q));
    }

    static void json(Context ctx, int status, Object body) {
        ctx.status(HttpStatus.forStatus(status))
                .contentType("application/json")
                .result(write(body));
    }

    private static void problem(Context ctx, int status, String detail, String field) {
        if (EndedRequests.ended(ctx)) {
            return; // nothing to answer on, and a throw here would loop (EndedRequests)
        }
        String title = HttpStatus.forStatus(status).getMessage();
        byte[] body =
                write(QueueViews.problem(status, title, detail, field, ctx.path())).getBytes(UTF_8);
        ctx.status(HttpStatus.forStatus(status)).contentType(PROBLEM).result(body);
    }

    private static void resource(Context ctx, String name, String type) throws IOException {
        try (InputStream in = ApiServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new ProblemException(404, null, "missing resource " + name);
            }
            ctx.contentType(type).result(in.readAllBytes());
        }
    }

    private static String write(Object o) {
        try {
            return Json.MAPPER.writeValueAsString(o);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return app.port();
    }

    /** The registered HTTP routes as {@code "GET /path"} (OpenApiCompletenessTest). */
    java.util.List<String> routes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .filter(e -> e.endpoint.method.isHttpMethod())
                .map(e -> e.endpoint.method + " " + e.endpoint.path)
                .toList();
    }

    @Override
    public void close() {
        hub.closeAll();
        app.stop();
    }
}
