package io.streamforge.binance;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.streamforge.domain.Interval;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real local HTTP server (JDK HttpServer, port 0) speaking a small part of the Binance REST API
 * with programmed data, scripted error replies and optional weight enforcement per minute of the
 * shared {@link FakeClock}. Independent of the client code except for the domain Interval.
 */
final class FakeBinance implements AutoCloseable {
    record Req(String path, Map<String, String> query, long clockMs, String timeUnit) {}

    record Reply(int status, String body, Map<String, String> headers) {
        static Reply ok(String body) {
            return new Reply(200, body, Map.of());
        }

        static Reply error(int status, int code, String msg) {
            return new Reply(status, "{\"code\":" + code + ",\"msg\":\"" + msg + "\"}", Map.of());
        }

        Reply withHeader(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Reply(status, body, h);
        }
    }

    record AggRow(long id, long timeMs, boolean invalidated) {}

    private static final Map<String, Integer> WEIGHTS =
            Map.of(
                    "/api/v3/klines", 2,
                    "/api/v3/uiKlines", 2,
                    "/api/v3/aggTrades", 4,
                    "/api/v3/exchangeInfo", 20,
                    "/api/v3/time", 1,
                    "/api/v3/ping", 1);

    static {
        // without TCP_NODELAY each small exchange waits ~40 ms for a delayed ACK
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    static final String EXCHANGE_INFO =
            "{\"timezone\":\"UTC\",\"rateLimits\":[],\"symbols\":["
                    + "{\"symbol\":\"ETHBTC\",\"status\":\"TRADING\",\"extra\":[1,2]},"
                    + "{\"symbol\":\"LUNAUSDT\",\"status\":\"BREAK\"},"
                    + "{\"symbol\":\"BTCUSDT\",\"status\":\"TRADING\"}]}";

    final FakeClock clock;
    final List<Req> requests = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final Map<String, Deque<Reply>> scripted = new HashMap<>();

    volatile long klinesFromMs = 0;
    volatile long klinesToMs = Long.MAX_VALUE / 1000;
    volatile int klineOverlap = 0;
    volatile List<AggRow> aggRows = List.of();
    volatile long delayMs = 0;
    volatile String depthBody = "{\"lastUpdateId\":1,\"bids\":[],\"asks\":[]}";
    volatile int enforcedLimit = -1;
    volatile int externalWeightPerMinute = 0;

    private long windowStartMs = Long.MIN_VALUE;
    private long windowUsed;
    private long maxWindowUsed;
    private int answered429;

    FakeBinance(FakeClock clock) throws IOException {
        this.clock = clock;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    synchronized void script(String path, Reply... replies) {
        scripted.computeIfAbsent(path, p -> new ArrayDeque<>()).addAll(List.of(replies));
    }

    synchronized int answered429() {
        return answered429;
    }

    synchronized long maxWindowUsed() {
        return maxWindowUsed;
    }

    List<Req> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            Map<String, String> q = query(ex.getRequestURI().getRawQuery());
            boolean micros =
                    "MICROSECOND".equals(ex.getRequestHeaders().getFirst("X-MBX-TIME-UNIT"));
            requests.add(new Req(path, q, clock.nowMs(), micros ? "us" : "ms"));
            if (delayMs > 0) {
                Thread.sleep(delayMs);
            }
            Reply reply;
            long used;
            synchronized (this) {
                reply = account(path, q);
                used = windowUsed;
                if (reply == null) {
                    Deque<Reply> d = scripted.get(path);
                    reply = d == null || d.isEmpty() ? null : d.poll();
                }
            }
            if (reply == null) {
                reply = route(path, q, micros);
            }
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json;charset=UTF-8");
            ex.getResponseHeaders().add("x-mbx-used-weight-1m", Long.toString(used));
            reply.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            ex.sendResponseHeaders(reply.status(), body.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Counts the request's weight in the current minute; a 429 reply when enforcing and over. */
    private Reply account(String path, Map<String, String> q) {
        long now = clock.nowMs();
        long window = Math.floorDiv(now, 60_000L) * 60_000L;
        if (window != windowStartMs) {
            windowStartMs = window;
            windowUsed = externalWeightPerMinute;
        }
        int w = path.equals("/api/v3/depth") ? depthWeight(q) : WEIGHTS.getOrDefault(path, 1);
        if (enforcedLimit > 0 && windowUsed + w > enforcedLimit) {
            answered429++;
            long retryS = (window + 60_000L - now + 999) / 1000;
            return Reply.error(429, -1003, "Too much request weight used")
                    .withHeader("Retry-After", Long.toString(retryS));
        }
        windowUsed += w;
        maxWindowUsed = Math.max(maxWindowUsed, windowUsed);
        return null;
    }

    private Reply route(String path, Map<String, String> q, boolean micros) {
        return switch (path) {
            case "/api/v3/klines", "/api/v3/uiKlines" -> klines(q, micros);
            case "/api/v3/depth" -> Reply.ok(depthBody);
            case "/api/v3/aggTrades" -> aggTrades(q, micros);
            case "/api/v3/time" -> Reply.ok("{\"serverTime\":" + clock.nowMs() + "}");
            case "/api/v3/ping" -> Reply.ok("{}");
            case "/api/v3/exchangeInfo" -> Reply.ok(EXCHANGE_INFO);
            default -> Reply.error(404, -1000, "no route " + path);
        };
    }

    private Reply klines(Map<String, String> q, boolean micros) {
        Interval interval;
        try {
            interval = Interval.of(q.getOrDefault("interval", ""));
        } catch (IllegalArgumentException e) {
            return Reply.error(400, -1120, "Invalid interval.");
        }
        if (!q.containsKey("startTime") || !q.containsKey("endTime")) {
            return Reply.error(400, -1102, "startTime and endTime required by this fake");
        }
        int limit = Integer.parseInt(q.getOrDefault("limit", "500"));
        long startUs = toUs(Long.parseLong(q.get("startTime")));
        long endUs = toUs(Long.parseLong(q.get("endTime")));
        long open = interval.openTimeOf(Math.max(startUs, klinesFromMs * 1000));
        if (open < startUs || open < klinesFromMs * 1000) {
            open = interval.nextOpenTime(open);
        }
        for (int i = 0; i < klineOverlap && !interval.isCalendar(); i++) {
            open -= interval.fixedUs();
        }
        StringBuilder sb = new StringBuilder("[");
        for (int n = 0; n < limit && open <= endUs && open < klinesToMs * 1000; n++) {
            long close = interval.closeTimeOf(open);
            long t = open / 1000;
            String p = (100 + t / 60_000 % 97) + ".12000000";
            sb.append(n == 0 ? "" : ",")
                    .append(
                            String.format(
                                    "[%d,\"%s\",\"%s\",\"%s\",\"%s\",\"1.5\",%d,\"150.3\",%d,\"0.7\",\"70.1\",\"0\"]",
                                    micros ? open : t,
                                    p,
                                    p,
                                    p,
                                    p,
                                    micros ? close : close / 1000,
                                    n + 1));
            open = interval.nextOpenTime(open);
        }
        return Reply.ok(sb.append(']').toString());
    }

    private Reply aggTrades(Map<String, String> q, boolean micros) {
        int limit = Integer.parseInt(q.getOrDefault("limit", "500"));
        List<AggRow> out = new ArrayList<>();
        if (q.containsKey("fromId")) {
            long from = Long.parseLong(q.get("fromId"));
            for (AggRow r : aggRows) {
                if (r.id() >= from && out.size() < limit) out.add(r);
            }
        } else if (q.containsKey("startTime") && q.containsKey("endTime")) {
            long s = toUs(Long.parseLong(q.get("startTime"))) / 1000;
            long e = toUs(Long.parseLong(q.get("endTime"))) / 1000;
            if (e - s > 3_600_000L) {
                return Reply.error(400, -1127, "More than 1 hours between startTime and endTime.");
            }
            for (AggRow r : aggRows) {
                if (r.timeMs() >= s && r.timeMs() <= e && out.size() < limit) out.add(r);
            }
        } else {
            return Reply.error(400, -1102, "fromId or startTime+endTime required by this fake");
        }
        StringBuilder sb = new StringBuilder("[");
        for (AggRow r : out) {
            String p = r.invalidated() ? "0" : "42." + (r.id() % 100) + "000000";
            long f = r.invalidated() ? -1 : r.id() * 3;
            sb.append(sb.length() == 1 ? "" : ",")
                    .append(
                            String.format(
                                    "{\"a\":%d,\"p\":\"%s\",\"q\":\"%s\",\"f\":%d,\"l\":%d,\"T\":%d,\"m\":%b,\"M\":true}",
                                    r.id(),
                                    p,
                                    r.invalidated() ? "0" : "0.5",
                                    f,
                                    r.invalidated() ? -1 : f + 2,
                                    micros ? r.timeMs() * 1000 : r.timeMs(),
                                    r.id() % 2 == 0));
        }
        return Reply.ok(sb.append(']').toString());
    }

    /** The documented ladder, written independently of the client's Endpoint. */
    private static int depthWeight(Map<String, String> q) {
        int limit = Integer.parseInt(q.getOrDefault("limit", "100"));
        return limit > 1000 ? 250 : limit > 500 ? 50 : limit > 100 ? 25 : 5;
    }

    private static long toUs(long msOrUs) {
        return msOrUs > 10_000_000_000_000L ? msOrUs : msOrUs * 1000;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) return q;
        for (String kv : raw.split("&")) {
            int i = kv.indexOf('=');
            String k = URLDecoder.decode(i < 0 ? kv : kv.substring(0, i), StandardCharsets.UTF_8);
            String v = i < 0 ? "" : URLDecoder.decode(kv.substring(i + 1), StandardCharsets.UTF_8);
            q.put(k, v);
        }
        return q;
    }
}
