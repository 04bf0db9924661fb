package io.streamforge.binance;

import java.net.URI;
import java.util.Locale;

/**
 * Settings of one {@link BinanceRestClient}. Every limit is configuration, because Binance changes
 * them over time.
 *
 * @param baseUrl e.g. {@code https://data-api.binance.vision} or a local simulator
 * @param weightLimitPerMinute the exchange's REQUEST_WEIGHT limit per minute and IP (6000 in 2026)
 * @param safetyMargin fraction of the limit the client stays under, in (0, 1]
 * @param maxRetries how many times a transient failure is retried (0 = try once)
 * @param initialBackoffMs first retry delay; doubled per attempt, with jitter
 * @param maxBackoffMs cap of the retry delay
 * @param requestTimeoutMs per-request timeout (connect and response)
 * @param useMicroseconds ask Binance for µs timestamps ({@code X-MBX-TIME-UNIT: MICROSECOND})
 * @param maxRateLimitWaitMs longest Retry-After / ban the client waits out; longer ones fail fast
 */
public record BinanceClientConfig(
        String baseUrl,
        int weightLimitPerMinute,
        double safetyMargin,
        int maxRetries,
        long initialBackoffMs,
        long maxBackoffMs,
        long requestTimeoutMs,
        boolean useMicroseconds,
        long maxRateLimitWaitMs) {

    public static final int DEFAULT_WEIGHT_LIMIT = 6000;
    public static final double DEFAULT_SAFETY_MARGIN = 0.95;

    public BinanceClientConfig {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("baseUrl: missing");
        }
        baseUrl = baseUrl.strip();
        while (baseUrl.endsWith("/")) {
            baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        }
        String scheme = schemeOf(baseUrl);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException(
                    "baseUrl: expected http:// or https:// URL, got '" + baseUrl + "'");
        }
        if (weightLimitPerMinute <= 0) {
            throw new IllegalArgumentException(
                    "weightLimitPerMinute: must be positive, got " + weightLimitPerMinute);
        }
        if (!(safetyMargin > 0.0 && safetyMargin <= 1.0)) {
            throw new IllegalArgumentException(
                    "safetyMargin: must be in (0, 1], got " + safetyMargin);
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries: must be >= 0, got " + maxRetries);
        }
        if (initialBackoffMs < 0 || maxBackoffMs < initialBackoffMs) {
            throw new IllegalArgumentException(
                    "backoff: need 0 <= initialBackoffMs <= maxBackoffMs, got "
                            + initialBackoffMs
                            + " and "
                            + maxBackoffMs);
        }
        if (requestTimeoutMs <= 0) {
            throw new IllegalArgumentException(
                    "requestTimeoutMs: must be positive, got " + requestTimeoutMs);
        }
        if (maxRateLimitWaitMs < 0) {
            throw new IllegalArgumentException(
                    "maxRateLimitWaitMs: must be >= 0, got " + maxRateLimitWaitMs);
        }
    }

    /**
     * Defaults: 6000 weight/min, margin 0.95, 5 retries, backoff 500 ms .. 30 s, timeout 10 s, ms
     * timestamps, wait out rate limits of up to 5 minutes.
     */
    public static BinanceClientConfig defaults(String baseUrl) {
        return new BinanceClientConfig(
                baseUrl,
                DEFAULT_WEIGHT_LIMIT,
                DEFAULT_SAFETY_MARGIN,
                5,
                500,
                30_000,
                10_000,
                false,
                300_000);
    }

    /**
     * The weight the client allows itself per minute: {@code floor(limit × margin)}, at least 1.
     */
    public int effectiveWeightLimit() {
        return Math.max(1, (int) Math.floor(weightLimitPerMinute * safetyMargin));
    }

    /** Host (and port) of the base URL, lower case: the key of the per-IP weight budget. */
    public String host() {
        URI uri = URI.create(baseUrl);
        String host = (uri.getHost() == null ? baseUrl : uri.getHost()).toLowerCase(Locale.ROOT);
        return uri.getPort() < 0 ? host : host + ":" + uri.getPort();
    }

    public BinanceClientConfig withWeightLimit(int limitPerMinute, double margin) {
        return new BinanceClientConfig(
                baseUrl,
                limitPerMinute,
                margin,
                maxRetries,
                initialBackoffMs,
                maxBackoffMs,
                requestTimeoutMs,
                useMicroseconds,
                maxRateLimitWaitMs);
    }

    public BinanceClientConfig withRetries(int retries, long initialMs, long maxMs) {
        return new BinanceClientConfig(
                baseUrl,
                weightLimitPerMinute,
                safetyMargin,
                retries,
                initialMs,
                maxMs,
                requestTimeoutMs,
                useMicroseconds,
                maxRateLimitWaitMs);
    }

    public BinanceClientConfig withRequestTimeoutMs(long timeoutMs) {
        return new BinanceClientConfig(
                baseUrl,
                weightLimitPerMinute,
                safetyMargin,
                maxRetries,
                initialBackoffMs,
                maxBackoffMs,
                timeoutMs,
                useMicroseconds,
                maxRateLimitWaitMs);
    }

    public BinanceClientConfig withMicroseconds(boolean micros) {
        return new BinanceClientConfig(
                baseUrl,
                weightLimitPerMinute,
                safetyMargin,
                maxRetries,
                initialBackoffMs,
                maxBackoffMs,
                requestTimeoutMs,
                micros,
                maxRateLimitWaitMs);
    }

    public BinanceClientConfig withMaxRateLimitWaitMs(long waitMs) {
        return new BinanceClientConfig(
                baseUrl,
                weightLimitPerMinute,
                safetyMargin,
                maxRetries,
                initialBackoffMs,
                maxBackoffMs,
                requestTimeoutMs,
                useMicroseconds,
                waitMs);
    }

    private static String schemeOf(String url) {
        int i = url.indexOf("://");
        return i <= 0 ? "" : url.substring(0, i).toLowerCase(Locale.ROOT);
    }
}
