package io.streamforge.binance.ws;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Settings of a {@link BinanceWsFeed}. Every limit is configuration because Binance changes them
 * (streams per connection went 200 → 1024; control messages are limited to 5/s per connection).
 *
 * @param baseUrl {@code wss://data-stream.binance.vision}, {@code wss://stream.binance.com:9443} or
 *     a local simulator ({@code ws://...})
 * @param maxStreamsPerConnection shard size, 1..1024
 * @param controlMessagesPerSecond pacing of SUBSCRIBE messages per connection, in (0, 5)
 * @param streamsPerSubscribe streams named in one SUBSCRIBE message
 * @param connectionLifetimeMs rotate (make-before-break) this long after connecting; under 24 h
 * @param rotationStaggerMs shard {@code i} rotates {@code i × stagger} earlier, so shards never
 *     rotate together
 * @param idleTimeoutMs no message and no ping for this long → the connection is dead
 * @param reconnectInitialBackoffMs first reconnect delay after an unplanned drop; doubles
 * @param reconnectMaxBackoffMs cap of the reconnect delay
 * @param connectTimeoutMs opening handshake plus subscription acknowledgements
 * @param useMicroseconds {@code timeUnit=MICROSECOND} in the URL
 */
public record WsFeedConfig(
        String baseUrl,
        int maxStreamsPerConnection,
        double controlMessagesPerSecond,
        int streamsPerSubscribe,
        long connectionLifetimeMs,
        long rotationStaggerMs,
        long idleTimeoutMs,
        long reconnectInitialBackoffMs,
        long reconnectMaxBackoffMs,
        long connectTimeoutMs,
        boolean useMicroseconds) {

    public static final int MAX_STREAMS_PER_CONNECTION = 1024;
    public static final long MAX_LIFETIME_MS = 24L * 3_600_000L;

    public WsFeedConfig {
        if (baseUrl == null || !(baseUrl.startsWith("ws://") || baseUrl.startsWith("wss://"))) {
            throw new IllegalArgumentException(
                    "ws baseUrl: expected ws:// or wss://, got '" + baseUrl + "'");
        }
        baseUrl = baseUrl.replaceAll("/+$", "");
        if (maxStreamsPerConnection < 1 || maxStreamsPerConnection > MAX_STREAMS_PER_CONNECTION) {
            throw new IllegalArgumentException(
                    "maxStreamsPerConnection: must be 1..1024, got " + maxStreamsPerConnection);
        }
        if (!(controlMessagesPerSecond > 0 && controlMessagesPerSecond < 5)) {
            throw new IllegalArgumentException(
                    "controlMessagesPerSecond: must be in (0, 5), got " + controlMessagesPerSecond);
        }
        if (streamsPerSubscribe < 1) {
            throw new IllegalArgumentException(
                    "streamsPerSubscribe: must be >= 1, got " + streamsPerSubscribe);
        }
        if (connectionLifetimeMs <= 0 || connectionLifetimeMs >= MAX_LIFETIME_MS) {
            throw new IllegalArgumentException(
                    "connectionLifetimeMs: must be in (0, 24 h), got " + connectionLifetimeMs);
        }
        if (rotationStaggerMs < 0 || idleTimeoutMs <= 0 || connectTimeoutMs <= 0) {
            throw new IllegalArgumentException(
                    "rotationStaggerMs >= 0, idleTimeoutMs > 0 and connectTimeoutMs > 0 required");
        }
        if (reconnectInitialBackoffMs < 0 || reconnectMaxBackoffMs < reconnectInitialBackoffMs) {
            throw new IllegalArgumentException(
                    "reconnect backoff: need 0 <= initial <= max, got "
                            + reconnectInitialBackoffMs
                            + " and "
                            + reconnectMaxBackoffMs);
        }
    }

    /**
     * 200 streams per connection, 3 control messages/s (pongs count too), 100 streams per
     * SUBSCRIBE, rotation after 23 h staggered by 5 min per shard, dead after 60 s of silence
     * (server pings every 20 s), reconnect 1 s doubling to 60 s, 10 s connect timeout, ms
     * timestamps.
     */
    public static WsFeedConfig defaults(String baseUrl) {
        return new WsFeedConfig(
                baseUrl,
                200,
                3.0,
                100,
                23L * 3_600_000L,
                300_000L,
                60_000L,
                1_000L,
                60_000L,
                10_000L,
                false);
    }

    public WsFeedConfig withShardSize(int streams) {
        return new WsFeedConfig(
                baseUrl,
                streams,
                controlMessagesPerSecond,
                streamsPerSubscribe,
                connectionLifetimeMs,
                rotationStaggerMs,
                idleTimeoutMs,
                reconnectInitialBackoffMs,
                reconnectMaxBackoffMs,
                connectTimeoutMs,
                useMicroseconds);
    }

    public WsFeedConfig withSubscribe(double perSecond, int streamsPerMessage) {
        return new WsFeedConfig(
                baseUrl,
                maxStreamsPerConnection,
                perSecond,
                streamsPerMessage,
                connectionLifetimeMs,
                rotationStaggerMs,
                idleTimeoutMs,
                reconnectInitialBackoffMs,
                reconnectMaxBackoffMs,
                connectTimeoutMs,
                useMicroseconds);
    }

    public WsFeedConfig withRotation(long lifetimeMs, long staggerMs) {
        return new WsFeedConfig(
                baseUrl,
                maxStreamsPerConnection,
                controlMessagesPerSecond,
                streamsPerSubscribe,
                lifetimeMs,
                staggerMs,
                idleTimeoutMs,
                reconnectInitialBackoffMs,
                reconnectMaxBackoffMs,
                connectTimeoutMs,
                useMicroseconds);
    }

    public WsFeedConfig withTimeouts(
            long idleMs, long connectMs, long backoffInitialMs, long backoffMaxMs) {
        return new WsFeedConfig(
                baseUrl,
                maxStreamsPerConnection,
                controlMessagesPerSecond,
                streamsPerSubscribe,
                connectionLifetimeMs,
                rotationStaggerMs,
                idleMs,
                backoffInitialMs,
                backoffMaxMs,
                connectMs,
                useMicroseconds);
    }

    public WsFeedConfig withMicroseconds(boolean micros) {
        return new WsFeedConfig(
                baseUrl,
                maxStreamsPerConnection,
                controlMessagesPerSecond,
                streamsPerSubscribe,
                connectionLifetimeMs,
                rotationStaggerMs,
                idleTimeoutMs,
                reconnectInitialBackoffMs,
                reconnectMaxBackoffMs,
                connectTimeoutMs,
                micros);
    }

    /** Delay between two control messages on one connection. */
    public long controlIntervalMs() {
        return (long) Math.ceil(1000.0 / controlMessagesPerSecond);
    }

    /** When shard {@code index} rotates after connecting: lifetime minus its stagger (≥ half). */
    public long rotateAfterMs(int index) {
        long staggered = connectionLifetimeMs - rotationStaggerMs * index;
        return Math.max(staggered, connectionLifetimeMs / 2);
    }

    /**
     * The wait before reconnect {@code attempt} (1, 2, …): the initial backoff doubled per attempt
     * up to the maximum, {@code d}, with a random jitter in {@code [d/2, d]}.
     */
    public long reconnectBackoffMs(int attempt) {
        long d = reconnectInitialBackoffMs;
        for (int i = 1; i < attempt && d < reconnectMaxBackoffMs; i++) d *= 2;
        d = Math.min(d, reconnectMaxBackoffMs);
        return d / 2 + ThreadLocalRandom.current().nextLong(d - d / 2 + 1);
    }
}
