package io.streamforge.sim;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.streamforge.domain.Micros;
import java.util.function.ToIntFunction;
import org.eclipse.jetty.ee10.websocket.server.config.JettyWebSocketServletContainerInitializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Binance-compatible spot market-data server on loopback, backed by a {@link MarketModel}. Start
 * with {@link #start(SimConfig)}; close to stop. Every API reply carries {@code X-MBX-USED-WEIGHT}
 * and {@code X-MBX-USED-WEIGHT-1M}; over the weight limit the reply is 429, and clients that keep
 * going are banned with 418 (see {@link RateLimiter}).
 */
public final class ExchangeSimulator implements AutoCloseable {
    static final String JSON = "application/json;charset=UTF-8";
    private static final Logger LOG = LoggerFactory.getLogger(ExchangeSimulator.class);

    /** An endpoint body: given the request, "now" in µs and the time unit, returns JSON. */
    @FunctionalInterface
    interface Endpoint {
        String handle(Context ctx, long nowUs, boolean micros);
    }

    private final SimConfig config;
    private final MarketModel model;
    private final Faults faults;
    private final SimStats stats = new SimStats();
    private final RateLimiter limiter;
    private final MarketEndpoints market;
    private final StreamHub hub;
    private final DumpFiles dumps;
    private final Javalin app;

    private ExchangeSimulator(SimConfig config) {
        this.config = config;
        this.model = new MarketModel(config);
        this.faults =
                new Faults(config.seed(), config.weightLimitPerMinute(), config.microsSwitchDate());
        this.limiter = new RateLimiter(config.requestsBeforeBan(), config.banTimeScale());
        this.market = new MarketEndpoints(model, faults);
        this.hub = new StreamHub(model, faults, config.timeSource(), config.streams());
        this.dumps = new DumpFiles(model, faults, config.timeSource());
        faults.attach(model, hub);
        this.app = Javalin.create(this::configure);
    }

    /** Starts a simulator (port 0 = a free port) and returns once it accepts connections. */
    public static ExchangeSimulator start(SimConfig config) {
        ExchangeSimulator sim = new ExchangeSimulator(config);
        try {
            sim.app.start(config.host(), config.port());
        } catch (RuntimeException e) {
            sim.hub.close();
            throw e;
        }
        LOG.info("exchange simulator listening on {} ({})", sim.baseUrl(), sim.model);
        return sim;
    }

    private void configure(JavalinConfig cfg) {
        cfg.startup.showJavalinBanner = false;
        cfg.startup.showOldJavalinVersionWarning = false;
        cfg.jetty.modifyServletContextHandler(
                h ->
                        JettyWebSocketServletContainerInitializer.configure(
                                h, (servletContext, container) -> hub.install(container)));
        cfg.routes.get("/data/*", this::dumpFile);
        cfg.routes.get("/api/v3/ping", api("/api/v3/ping", 1, (c, n, m) -> "{}"));
        cfg.routes.get("/api/v3/time", api("/api/v3/time", 1, this::time));
        cfg.routes.get(
                "/api/v3/exchangeInfo", api("/api/v3/exchangeInfo", 20, market::exchangeInfo));
        cfg.routes.get("/api/v3/klines", api("/api/v3/klines", 2, market::klines));
        cfg.routes.get("/api/v3/uiKlines", api("/api/v3/uiKlines", 2, market::klines));
        cfg.routes.get("/api/v3/aggTrades", api("/api/v3/aggTrades", 4, market::aggTrades));
        cfg.routes.get("/api/v3/trades", api("/api/v3/trades", 25, market::trades));
        cfg.routes.get(
                "/api/v3/historicalTrades",
                api("/api/v3/historicalTrades", 25, market::historicalTrades));
        cfg.routes.get(
                "/api/v3/depth", api("/api/v3/depth", MarketEndpoints::depthWeight, market::depth));
        cfg.routes.get("/sim/faults", ctx -> ctx.contentType(JSON).result(faults.toJson()));
        cfg.routes.post("/sim/faults", this::postFaults);
        cfg.routes.post(
                "/sim/reset-limits",
                ctx -> {
                    limiter.reset();
                    ctx.contentType(JSON).result("{}");
                });
    }

    private String time(Context ctx, long nowUs, boolean micros) {
        return "{\"serverTime\":" + JsonOut.time(nowUs, micros) + "}";
    }

    private Handler api(String path, int weight, Endpoint endpoint) {
        return api(path, ctx -> weight, endpoint);
    }

    private Handler api(String path, ToIntFunction<Context> weightOf, Endpoint endpoint) {
        return ctx -> {
            int weight = weightOf.applyAsInt(ctx);
            long latency = faults.latencyMs();
            if (latency > 0) {
                Thread.sleep(latency);
            }
            long nowUs = config.timeSource().nowUs();
            RateLimiter.Decision d =
                    limiter.admit(ctx.ip(), weight, faults.weightLimitPerMinute(), nowUs);
            ctx.header("X-MBX-USED-WEIGHT", Long.toString(d.usedWeight()));
            ctx.header("X-MBX-USED-WEIGHT-1M", Long.toString(d.usedWeight()));
            ctx.contentType(JSON);
            int status;
            String body;
            if (!d.allowed()) {
                status = d.status();
                body = JsonOut.error(-1003, limitMessage(d));
                ctx.header("Retry-After", Long.toString(d.retryAfterSeconds()));
            } else if (faults.nextRequestFails()) {
                ApiError e = ApiError.serverBusy(faults.errorStatus());
                status = e.httpStatus;
                body = JsonOut.error(e.code, e.getMessage());
            } else {
                ApiError error = null;
                String ok = null;
                try {
                    ok = endpoint.handle(ctx, nowUs, micros(ctx));
                } catch (ApiError e) {
                    error = e;
                } catch (RuntimeException e) {
                    LOG.warn("{} failed", path, e);
                    error = ApiError.unknown();
                }
                status = error == null ? 200 : error.httpStatus;
                body = error == null ? ok : JsonOut.error(error.code, error.getMessage());
            }
            stats.record(path, status, d.status() == 418 ? 0 : weight);
            ctx.status(status).result(body);
        };
    }

    private String limitMessage(RateLimiter.Decision d) {
        if (d.status() == 418) {
            return "Way too much request weight used; IP banned until "
                    + Micros.toMs(d.bannedUntilUs())
                    + ". Please use WebSocket Streams for live updates to avoid bans.";
        }
        return "Too much request weight used; current limit is "
                + faults.weightLimitPerMinute()
                + " request weight per 1 MINUTE. Please use WebSocket Streams for live updates to"
                + " avoid polling the API.";
    }

    private static boolean micros(Context ctx) {
        String unit = ctx.header("X-MBX-TIME-UNIT");
        return unit != null && unit.trim().equalsIgnoreCase("MICROSECOND");
    }

    private void postFaults(Context ctx) {
        try {
            FaultsAdmin.apply(faults, ctx.body());
            ctx.contentType(JSON).result(faults.toJson());
        } catch (IllegalArgumentException | IllegalStateException e) {
            ctx.status(400).contentType(JSON).result(JsonOut.error(-1130, e.getMessage()));
        }
    }

    /** GET /data/...: a dump zip or its .CHECKSUM; 404 (S3-style XML) when not published. */
    private void dumpFile(Context ctx) throws InterruptedException {
        long latency = faults.latencyMs();
        if (latency > 0) {
            Thread.sleep(latency);
        }
        if (faults.nextRequestFails()) {
            stats.record("/data", faults.errorStatus(), 0);
            ctx.status(faults.errorStatus()).result("Service Unavailable");
            return;
        }
        String path = ctx.path();
        boolean sum = path.endsWith(".CHECKSUM");
        String zipPath = sum ? path.substring(0, path.length() - 9) : path;
        if (sum) {
            var text = dumps.checksum(zipPath);
            text.ifPresent(t -> ctx.contentType("text/plain").result(t));
            notFoundUnless(ctx, text.isPresent(), path);
        } else {
            var zip = dumps.zip(zipPath);
            zip.ifPresent(b -> ctx.contentType("application/zip").result(b));
            notFoundUnless(ctx, zip.isPresent(), path);
        }
    }

    private void notFoundUnless(Context ctx, boolean found, String path) {
        stats.record("/data", found ? 200 : 404, 0);
        if (!found) {
            ctx.status(404)
                    .contentType("application/xml")
                    .result(
                            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>NoSuchKey</Code>"
                                    + "<Message>The specified key does not exist.</Message><Key>"
                                    + path.substring(1)
                                    + "</Key></Error>");
        }
    }

    /** {@code ws://host:port}: raw streams at {@code /ws/<stream>}, combined at {@code /stream}. */
    public String wsBaseUrl() {
        return "ws://" + config.host() + ":" + port();
    }

    /** The dump files served under {@code /data/}; also writes them to a local folder. */
    public DumpFiles dumps() {
        return dumps;
    }

    /** Open WebSocket connections. */
    public int webSocketConnections() {
        return hub.connections();
    }

    /** Connections closed for sending more than the allowed messages per second. */
    public long webSocketRateLimitDrops() {
        return hub.limitDrops();
    }

    /** Upgrades refused (429) for too many new connections per IP. */
    public long webSocketRejectedConnections() {
        return hub.rejectedConnections();
    }

    public String baseUrl() {
        return "http://" + config.host() + ":" + port();
    }

    public int port() {
        return app.port();
    }

    public SimConfig config() {
        return config;
    }

    public MarketModel model() {
        return model;
    }

    public Faults faults() {
        return faults;
    }

    public SimStats stats() {
        return stats;
    }

    /** Forgets all weight windows and IP bans. */
    public void resetRateLimits() {
        limiter.reset();
    }

    @Override
    public void close() {
        hub.close();
        app.stop();
    }
}
