package io.streamforge.runtime;

import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.function.BooleanSupplier;

/** {@code /health/live|ready|startup} and {@code /metrics} (Prometheus text) of a worker. */
public final class HealthServer implements AutoCloseable {
    private final Javalin app;

    public HealthServer(int port, PrometheusMeterRegistry registry, BooleanSupplier ready) {
        this.app =
                Javalin.create(
                                cfg -> {
                                    cfg.startup.showJavalinBanner = false;
                                    cfg.jetty.host =
                                            System.getenv().getOrDefault("HTTP_HOST", "0.0.0.0");
                                    cfg.jetty.port = port;
                                    cfg.routes.get(
                                            "/health/live",
                                            ctx -> ctx.json(java.util.Map.of("status", "UP")));
                                    cfg.routes.get(
                                            "/health/startup",
                                            ctx -> ctx.json(java.util.Map.of("status", "UP")));
                                    cfg.routes.get(
                                            "/health/ready",
                                            ctx -> {
                                                boolean ok = ready.getAsBoolean();
                                                ctx.status(ok ? 200 : 503)
                                                        .json(
                                                                java.util.Map.of(
                                                                        "status",
                                                                        ok ? "UP" : "DOWN"));
                                            });
                                    cfg.routes.get(
                                            "/metrics",
                                            ctx ->
                                                    ctx.contentType(
                                                                    "text/plain; version=0.0.4; charset=utf-8")
                                                            .result(registry.scrape()));
                                })
                        .start();
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
