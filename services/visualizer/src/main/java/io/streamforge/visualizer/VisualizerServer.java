package io.streamforge.visualizer;

import static io.streamforge.runtime.auth.Role.OPERATOR;
import static io.streamforge.runtime.auth.Role.VIEWER;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.streamforge.domain.PermanentException;
import io.streamforge.domain.TransientException;
import io.streamforge.domain.port.GraphStore;
import io.streamforge.domain.port.IndicatorStore;
import io.streamforge.domain.port.MarketDataStore;
import io.streamforge.domain.port.ModelRepository;
import io.streamforge.runtime.EndedRequests;
import io.streamforge.runtime.auth.AuthException;
import io.streamforge.runtime.auth.HttpAuth;
import io.streamforge.runtime.auth.OidcSettings;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The visualizer's HTTP server: the UI ({@code /}, static files from {@code web/} on the
 * classpath), the JSON API under {@code /api} over the store ports and the queue-manager, {@code
 * /health/*} and {@code /metrics}. Errors are RFC 9457 problem+json naming the parameter.
 */
public final class VisualizerServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VisualizerServer.class);

    /** Most candles or indicator values one request may return. */
    public static final int MAX_ROWS = 20_000;

    /** Most stored candles one {@code /api/chart} request reads (it sends at most 5,000). */
    public static final int MAX_SOURCE_ROWS = 200_000;

    /** The page's files in {@code web/} on the classpath, with their content types. */
    static final Map<String, String> WEB_FILES =
            Map.of(
                    "app.css", "text/css; charset=utf-8",
                    "auth.js", "text/javascript; charset=utf-8",
                    "api.js", "text/javascript; charset=utf-8",
                    "app.js", "text/javascript; charset=utf-8",
                    "pipelines.js", "text/javascript; charset=utf-8",
                    "candles.js", "text/javascript; charset=utf-8",
                    "graph.js", "text/javascript; charset=utf-8",
                    "coverage.js", "text/javascript; charset=utf-8",
                    "charts.js", "text/javascript; charset=utf-8");

    /** The stores the API reads. */
    public record Ports(
            MarketDataStore marketData,
            IndicatorStore indicators,
            GraphStore graphs,
            ModelRepository models) {
        public Ports {
            Objects.requireNonNull(marketData, "marketData");
            Objects.requireNonNull(indicators, "indicators");
            Objects.requireNonNull(graphs, "graphs");
            Objects.requireNonNull(models, "models");
        }
    }

    private final PrometheusMeterRegistry registry =
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final QueueManagerRelay relay;
    private final Javalin app;

    /**
     * Starts serving at once.
     *
     * @param queueManagerUrl base URL of the queue-manager API, e.g. {@code http://qm:8080}
     * @param modelName model whose runs {@code /api/models} lists when no {@code name} is given;
     *     null = the request must name one
     * @param port 0 = a free port (see {@link #port()})
     */
    public VisualizerServer(
            Ports ports, String queueManagerUrl, String modelName, String host, int port) {
        this(
                ports,
                queueManagerUrl,
                modelName,
                host,
                port,
                HttpAuth.forBind(OidcSettings.DISABLED, host, "visualizer"));
    }

    /**
     * With access control: {@code /api/*} data routes need the {@code viewer} role; the page,
     * {@code /auth.js}, {@code /api/config}, {@code /api/auth-config}, health and metrics are
     * public. The caller's bearer token is forwarded to the queue-manager.
     */
    public VisualizerServer(
            Ports ports,
            String queueManagerUrl,
            String modelName,
            String host,
            int port,
            HttpAuth auth) {
        Objects.requireNonNull(queueManagerUrl, "queueManagerUrl");
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        this.relay = new QueueManagerRelay(queueManagerUrl);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("model_name", modelName);
        config.put("max_rows", MAX_ROWS);
        config.put("max_source_rows", MAX_SOURCE_ROWS);
        config.put("max_points", ChartRoutes.MAX_POINTS);
        this.app =
                Javalin.create(
                                cfg -> {
                                    configure(cfg, ports, modelName, config, host, port);
                                    cfg.routes.get(
                                            "/api/auth-config",
                                            ctx -> Responses.json(ctx, auth.browserConfig()));
                                    auth.install(cfg.routes);
                                })
                        .start();
        LOG.info("visualizer listening on {}:{} (queue-manager {})", host, port(), queueManagerUrl);
    }

    private void configure(
            JavalinConfig cfg,
            Ports ports,
            String modelName,
            Map<String, Object> config,
            String host,
            int port) {
        cfg.startup.showJavalinBanner = false;
        cfg.jetty.host = host;
        cfg.jetty.port = port;
        var r = cfg.routes;
        MarketRoutes market = new MarketRoutes(ports.marketData(), ports.indicators(), MAX_ROWS);
        GraphRoutes graphs = new GraphRoutes(ports.graphs());
        ModelRoutes models = new ModelRoutes(ports.models(), modelName);
        ChartRoutes chart = new ChartRoutes(ports.marketData(), MAX_SOURCE_ROWS);
        r.get("/", ctx -> resource(ctx, "index.html", "text/html; charset=utf-8"));
        WEB_FILES.forEach((file, type) -> r.get("/" + file, ctx -> resource(ctx, file, type)));
        r.get("/vendor/echarts.min.js", Vendor::echarts);
        r.get("/api/config", ctx -> Responses.json(ctx, config));
        r.get("/api/queues", timed("/api/queues", relay::queues), VIEWER);
        // before /{id}: the all-queues stream
        r.get("/api/queues/events", relay::allEvents, VIEWER);
        r.post(
                "/api/queues/start-pipeline",
                timed("/api/queues/start-pipeline", relay::start),
                OPERATOR);
        r.get("/api/queues/{id}", timed("/api/queues/{id}", relay::queue), VIEWER);
        r.get(
                "/api/queues/{id}/coverage",
                timed("/api/queues/{id}/coverage", relay::coverage),
                VIEWER);
        r.get("/api/queues/{id}/events", relay::events, VIEWER);
        r.post("/api/queues/{id}/stop", timed("/api/queues/{id}/stop", relay::stop), OPERATOR);
        r.post(
                "/api/queues/{id}/resume",
                timed("/api/queues/{id}/resume", relay::resume),
                OPERATOR);
        r.get("/api/chart", timed("/api/chart", chart::chart), VIEWER);
        r.get("/api/candles", timed("/api/candles", market::candles), VIEWER);
        r.get("/api/indicators", timed("/api/indicators", market::indicatorNames), VIEWER);
        r.get(
                "/api/indicators/values",
                timed("/api/indicators/values", market::indicatorValues),
                VIEWER);
        r.get("/api/graphs", timed("/api/graphs", graphs::list), VIEWER);
        r.get("/api/graphs/{collection}", timed("/api/graphs/{collection}", graphs::get), VIEWER);
        r.get("/api/models", timed("/api/models", models::list), VIEWER);
        r.get("/api/models/{run}", timed("/api/models/{run}", models::get), VIEWER);
        r.get("/health/live", ctx -> Responses.json(ctx, Map.of("status", "UP")));
        r.get("/health/ready", ctx -> ready(ctx, ports.graphs()));
        r.get(
                "/metrics",
                ctx ->
                        ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                                .result(registry.scrape()));
        errors(r);
    }

    private static void errors(io.javalin.config.RoutesConfig r) {
        r.exception(
                AuthException.class,
                (e, ctx) -> {
                    if (e.status() == 401) {
                        ctx.header("WWW-Authenticate", "Bearer realm=\"streamforge\"");
                    }
                    problem(ctx, e.status(), e.getMessage(), List.of());
                });
        r.exception(
                ApiProblem.class, (e, ctx) -> problem(ctx, e.status(), e.getMessage(), e.fields()));
        r.exception(
                TransientException.class,
                (e, ctx) -> problem(ctx, 503, "store unavailable: " + e.getMessage(), List.of()));
        r.exception(
                PermanentException.class,
                (e, ctx) -> problem(ctx, 502, "store failed: " + e.getMessage(), List.of()));
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
                    problem(ctx, 500, "internal error: " + e.getMessage(), List.of());
                });
        r.error(
                404,
                ctx -> {
                    if (EndedRequests.ended(ctx)) {
                        return;
                    }
                    if (!Responses.PROBLEM.equals(ctx.res().getContentType())) {
                        problem(ctx, 404, "no route " + ctx.method() + " " + ctx.path(), List.of());
                    }
                });
    }

    private static void problem(Context ctx, int status, String detail, List<String> fields) {
        if (EndedRequests.ended(ctx)) {
            return; // nothing to answer on, and a throw here would loop (EndedRequests)
        }
        Responses.problem(ctx, status, detail, fields);
    }

    /** Times a route: {@code streamforge_visualizer_api_request_seconds{route,outcome}}. */
    private Handler timed(String route, Handler h) {
        return ctx -> {
            Timer.Sample sample = Timer.start(registry);
            String outcome = "error";
            try {
                h.handle(ctx);
                outcome = "ok";
            } finally {
                sample.stop(
                        Timer.builder("streamforge.visualizer.api.request")
                                .description("visualizer API requests")
                                .tag("service", "visualizer")
                                .tag("route", route)
                                .tag("outcome", outcome)
                                .register(registry));
            }
        };
    }

    private static void ready(Context ctx, GraphStore graphs) {
        try {
            graphs.collections();
            Responses.json(ctx, Map.of("status", "UP"));
        } catch (RuntimeException e) {
            ctx.status(503)
                    .contentType("application/json")
                    .result(Responses.write(Map.of("status", "DOWN", "reason", e.toString())));
        }
    }

    private static void resource(Context ctx, String name, String type) throws IOException {
        try (InputStream in = VisualizerServer.class.getResourceAsStream("/web/" + name)) {
            if (in == null) {
                throw new ApiProblem(404, "missing resource " + name);
            }
            ctx.header("Cache-Control", "no-cache").contentType(type).result(in.readAllBytes());
        }
    }

    public int port() {
        return app.port();
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        relay.close();
        app.stop();
        registry.close();
    }
}
