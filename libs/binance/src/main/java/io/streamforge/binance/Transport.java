package io.streamforge.binance;

import io.streamforge.binance.wire.BinanceJson;
import io.streamforge.binance.wire.ErrorBody;
import io.streamforge.domain.port.TimeSource;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one GET through the weight budget and classifies the answer. The ONLY place with retry
 * logic: transient failures are retried up to {@code maxRetries} with exponential backoff and
 * jitter; a 429/418 blocks the shared budget until Retry-After, so the retry waits there.
 */
final class Transport {
    static final String USED_WEIGHT_HEADER = "X-MBX-USED-WEIGHT-1M";
    static final long DEFAULT_BAN_MS = 120_000L;
    private static final Logger LOG = LoggerFactory.getLogger(Transport.class);
    private static final Pattern BANNED_UNTIL = Pattern.compile("banned until (\\d{10,16})");

    private final BinanceClientConfig config;
    private final WeightBudget budget;
    private final TimeSource time;
    private final Sleeper sleeper;
    private final ClientListener listener;
    private final HttpClient http;

    Transport(
            BinanceClientConfig config,
            WeightBudget budget,
            TimeSource time,
            Sleeper sleeper,
            ClientListener listener) {
        this.config = config;
        this.budget = budget;
        this.time = time;
        this.sleeper = sleeper;
        this.listener = listener;
        this.http =
                HttpClient.newBuilder()
                        .connectTimeout(Duration.ofMillis(config.requestTimeoutMs()))
                        .build();
    }

    /** GET with retries; returns the 2xx body. */
    String get(Endpoint endpoint, int weight, Map<String, String> params) {
        URI uri = uri(endpoint, params);
        for (int attempt = 0; ; attempt++) {
            long reservedAtMs = acquire(weight);
            try {
                return once(endpoint, uri, weight, reservedAtMs);
            } catch (BinanceTransientException e) {
                if (attempt >= config.maxRetries()) {
                    throw e;
                }
                long backoff = e.retryAfterMs() >= 0 ? 0 : backoffMs(attempt + 1);
                listener.onRetry(endpoint.path(), attempt + 1, backoff, e);
                LOG.debug(
                        "retry {} of {} in {} ms: {}",
                        attempt + 1,
                        endpoint.path(),
                        backoff,
                        e.getMessage());
                sleeper.sleepMs(backoff);
            }
        }
    }

    /** Waits until the budget grants {@code weight}; returns the reservation time (ms). */
    private long acquire(int weight) {
        while (true) {
            long now = time.nowMs();
            long wait = budget.tryReserve(weight, now);
            if (wait == 0) {
                return now;
            }
            long blockedUntil = budget.blockedUntilMs();
            long blockedFor = blockedUntil > now ? blockedUntil - now : 0;
            if (blockedFor > config.maxRateLimitWaitMs()) {
                throw new RateLimitedException(
                        "weight budget of "
                                + config.host()
                                + " is blocked for "
                                + blockedFor
                                + " ms after a 429/418, longer than maxRateLimitWaitMs "
                                + config.maxRateLimitWaitMs(),
                        -1,
                        0,
                        blockedFor);
            }
            listener.onBudgetWait(wait);
            sleeper.sleepMs(wait);
        }
    }

    private String once(Endpoint endpoint, URI uri, int weight, long reservedAtMs) {
        HttpRequest.Builder req =
                HttpRequest.newBuilder(uri)
                        .GET()
                        .timeout(Duration.ofMillis(config.requestTimeoutMs()))
                        .header("Accept", "application/json");
        if (config.useMicroseconds()) {
            req.header("X-MBX-TIME-UNIT", "MICROSECOND");
        }
        long t0 = System.nanoTime();
        HttpResponse<String> resp;
        try {
            resp = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            budget.complete(weight, -1, reservedAtMs, time.nowMs());
            listener.onRequest(endpoint.path(), -1, -1, System.nanoTime() - t0);
            String what = e instanceof HttpTimeoutException ? "timed out" : "I/O error";
            throw new BinanceTransientException(
                    "Binance " + endpoint.path() + " " + what + ": " + e, e, -1, 0, -1);
        } catch (InterruptedException e) {
            budget.complete(weight, -1, reservedAtMs, time.nowMs());
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + endpoint.path(), e);
        }
        long used = longHeader(resp.headers(), USED_WEIGHT_HEADER);
        budget.complete(weight, used, reservedAtMs, time.nowMs());
        listener.onRequest(endpoint.path(), resp.statusCode(), used, System.nanoTime() - t0);
        return classify(endpoint, resp);
    }

    private String classify(Endpoint endpoint, HttpResponse<String> resp) {
        int status = resp.statusCode();
        String body = resp.body();
        if (status >= 200 && status < 300) {
            return body;
        }
        ErrorBody err = BinanceJson.errorBodyOrNull(body);
        int code = err == null ? 0 : err.codeOrZero();
        String msg = err == null ? excerpt(body) : err.msg();
        if (status == 429 || status == 418) {
            long retryAfterMs = retryAfterMs(resp.headers(), status, msg);
            LOG.warn(
                    "Binance {} answered HTTP {} ({}); blocking {} for {} ms",
                    endpoint.path(),
                    status,
                    msg,
                    config.host(),
                    retryAfterMs);
            budget.blockUntil(time.nowMs() + retryAfterMs);
            listener.onRateLimited(status, retryAfterMs);
            throw new RateLimitedException(
                    "Binance "
                            + endpoint.path()
                            + (status == 418 ? " IP banned" : " rate limited")
                            + " (HTTP "
                            + status
                            + ", code "
                            + code
                            + ": "
                            + msg
                            + "); retry after "
                            + retryAfterMs
                            + " ms",
                    status,
                    code,
                    retryAfterMs);
        }
        if (status >= 500 || status == 408 || code == -1006 || code == -1007 || code == -1008) {
            throw new BinanceTransientException(
                    "Binance "
                            + endpoint.path()
                            + " HTTP "
                            + status
                            + ", code "
                            + code
                            + ": "
                            + msg,
                    null,
                    status,
                    code,
                    -1);
        }
        throw new BinanceApiException(endpoint.path(), status, code, msg);
    }

    /**
     * Retry-After in seconds; without one: "banned until &lt;ms&gt;" from the message, else the
     * next minute window for 429 and 2 minutes for 418.
     */
    private long retryAfterMs(HttpHeaders headers, int status, String msg) {
        long seconds = longHeader(headers, "Retry-After");
        if (seconds >= 0) {
            return seconds * 1_000L;
        }
        Matcher m = BANNED_UNTIL.matcher(msg == null ? "" : msg);
        if (m.find()) {
            long until = Long.parseLong(m.group(1));
            return Math.max(0, until - time.nowMs());
        }
        if (status == 418) {
            return DEFAULT_BAN_MS;
        }
        return WeightBudget.WINDOW_MS - Math.floorMod(time.nowMs(), WeightBudget.WINDOW_MS);
    }

    /** Exponential backoff for retry {@code n} (1-based) with equal jitter: [d/2, d]. */
    long backoffMs(int n) {
        long d = config.initialBackoffMs();
        for (int i = 1; i < n && d < config.maxBackoffMs(); i++) {
            d = Math.min(config.maxBackoffMs(), d * 2);
        }
        d = Math.min(d, config.maxBackoffMs());
        long half = d / 2;
        return half + (d - half == 0 ? 0 : ThreadLocalRandom.current().nextLong(d - half + 1));
    }

    private URI uri(Endpoint endpoint, Map<String, String> params) {
        String query =
                params.entrySet().stream()
                        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                        .collect(Collectors.joining("&"));
        return URI.create(
                config.baseUrl() + endpoint.path() + (query.isEmpty() ? "" : "?" + query));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Header value as a non-negative long (header names are case-insensitive), or -1. */
    static long longHeader(HttpHeaders headers, String name) {
        return headers.firstValue(name)
                .map(String::strip)
                .filter(v -> v.matches("[0-9]{1,18}"))
                .map(Long::parseLong)
                .orElse(-1L);
    }

    private static String excerpt(String body) {
        if (body == null) return "";
        return body.length() <= 200 ? body : body.substring(0, 200) + "...";
    }
}
