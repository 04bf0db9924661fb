package io.streamforge.runtime.logging;

import io.streamforge.runtime.ConfigReader;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Where and how log events are forwarded to Fluent-bit. Read from the environment by {@link
 * #read(ConfigReader, String)}; forwarding is off unless {@code FLUENT_HOST} is set.
 *
 * @param tag Forward tag, always {@code internal.<app>} (the Fluent-bit Lua filter names the
 *     Elasticsearch index from it)
 * @param queueCapacity bounded in-memory queue; events beyond it are dropped and counted
 * @param batchSize events per Forward message ({@code [tag, [[time, record], ...], option]})
 * @param ack ask Fluent-bit to acknowledge every batch ({@code chunk} option); unacknowledged
 *     batches are resent after reconnecting
 */
public record FluentSettings(
        String host,
        int port,
        String tag,
        int queueCapacity,
        int batchSize,
        boolean ack,
        Duration connectTimeout,
        Duration ackTimeout,
        Duration retryMin,
        Duration retryMax,
        Duration flushTimeout) {
    public static final int DEFAULT_PORT = 24224;
    public static final String TAG_PREFIX = "internal.";

    public FluentSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host is blank");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port not in [1, 65535]: " + port);
        }
        if (queueCapacity < 1 || batchSize < 1) {
            throw new IllegalArgumentException("queueCapacity and batchSize must be positive");
        }
        if (retryMin.isNegative() || retryMax.compareTo(retryMin) < 0) {
            throw new IllegalArgumentException("need 0 <= retryMin <= retryMax");
        }
    }

    /** Settings with the defaults for everything but host, port and app. */
    public static FluentSettings defaults(String host, int port, String app) {
        return new FluentSettings(
                host,
                port,
                tagFor(app),
                10_000,
                500,
                true,
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                Duration.ofMillis(100),
                Duration.ofSeconds(10),
                Duration.ofSeconds(5));
    }

    /** {@code internal.<app>}; the app must be a non-blank name without whitespace. */
    public static String tagFor(String app) {
        if (app == null || app.isBlank() || !app.trim().matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException(
                    "app name must match [A-Za-z0-9._-]+, got '" + app + "'");
        }
        return TAG_PREFIX + app.trim();
    }

    /**
     * Reads FLUENT_HOST, FLUENT_PORT (24224), FLUENT_QUEUE_SIZE (10000), FLUENT_BATCH_SIZE (500),
     * FLUENT_ACK (true), FLUENT_RETRY_MAX_MS (10000), FLUENT_FLUSH_TIMEOUT_MS (5000). Empty when
     * FLUENT_HOST is unset; problems are recorded in the reader.
     */
    public static Optional<FluentSettings> read(ConfigReader r, String app) {
        String host = r.optional("FLUENT_HOST", null);
        if (host == null) {
            return Optional.empty();
        }
        FluentSettings d = defaults(host, DEFAULT_PORT, app);
        // out-of-range values are recorded as problems by the reader; the defaults stand in
        // for them so that the settings can still be built until validate() throws
        int port =
                within(r.intValue("FLUENT_PORT", DEFAULT_PORT, 1, 65_535), 1, 65_535, DEFAULT_PORT);
        int queue =
                within(
                        r.intValue("FLUENT_QUEUE_SIZE", 10_000, 1, 10_000_000),
                        1,
                        10_000_000,
                        10_000);
        int batch = within(r.intValue("FLUENT_BATCH_SIZE", 500, 1, 10_000), 1, 10_000, 500);
        Boolean ack = r.parsed("FLUENT_ACK", FluentSettings::bool, Boolean.TRUE);
        int retryMaxMs =
                within(
                        r.intValue("FLUENT_RETRY_MAX_MS", 10_000, 100, 600_000),
                        100,
                        600_000,
                        10_000);
        int flushMs =
                within(r.intValue("FLUENT_FLUSH_TIMEOUT_MS", 5_000, 0, 600_000), 0, 600_000, 5_000);
        return Optional.of(
                new FluentSettings(
                        host,
                        port,
                        d.tag(),
                        queue,
                        batch,
                        ack == null || ack,
                        d.connectTimeout(),
                        d.ackTimeout(),
                        d.retryMin(),
                        Duration.ofMillis(retryMaxMs),
                        Duration.ofMillis(flushMs)));
    }

    private static int within(int v, int min, int max, int fallback) {
        return v < min || v > max ? fallback : v;
    }

    static Boolean bool(String v) {
        String s = v.toLowerCase(Locale.ROOT);
        if (s.equals("true") || s.equals("false")) {
            return Boolean.valueOf(s);
        }
        throw new IllegalArgumentException("'" + v + "' is not true or false");
    }

    public FluentSettings withQueueCapacity(int capacity) {
        return new FluentSettings(
                host,
                port,
                tag,
                capacity,
                batchSize,
                ack,
                connectTimeout,
                ackTimeout,
                retryMin,
                retryMax,
                flushTimeout);
    }

    public FluentSettings withFlushTimeout(Duration timeout) {
        return new FluentSettings(
                host,
                port,
                tag,
                queueCapacity,
                batchSize,
                ack,
                connectTimeout,
                ackTimeout,
                retryMin,
                retryMax,
                timeout);
    }

    public String address() {
        return host + ":" + port;
    }
}
