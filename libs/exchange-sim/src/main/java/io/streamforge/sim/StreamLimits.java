package io.streamforge.sim;

/**
 * WebSocket limits and timings of the simulator; {@link #defaults()} are Binance's. Durations are
 * wall-clock milliseconds (independent of the simulated "now", so a fast replay clock does not
 * starve pongs); {@link #withTimeScale(double)} shrinks lifetime, ping interval, pong timeout and
 * the connection window together so tests can see them in milliseconds.
 *
 * @param maxStreamsPerConnection streams one connection may hold (Binance: 1024)
 * @param messagesPerSecond incoming messages (text, ping, pong) per second per connection before
 *     the server drops it (Binance: 5)
 * @param connectionsPerWindow new connections per IP per window (Binance: 300 per 5 minutes)
 * @param connectionWindowMs length of that window
 * @param lifetimeMs a connection is closed after this long (Binance: 24 h)
 * @param pingIntervalMs the server sends a ping frame this often (Binance: 20 s)
 * @param pongTimeoutMs no pong for this long → disconnect (Binance: 1 minute)
 * @param tickMs how often the stream hub polls "now" and pushes new events
 */
public record StreamLimits(
        int maxStreamsPerConnection,
        int messagesPerSecond,
        int connectionsPerWindow,
        long connectionWindowMs,
        long lifetimeMs,
        long pingIntervalMs,
        long pongTimeoutMs,
        long tickMs) {

    public StreamLimits {
        positive("maxStreamsPerConnection", maxStreamsPerConnection);
        positive("messagesPerSecond", messagesPerSecond);
        positive("connectionsPerWindow", connectionsPerWindow);
        positive("connectionWindowMs", connectionWindowMs);
        positive("lifetimeMs", lifetimeMs);
        positive("pingIntervalMs", pingIntervalMs);
        positive("pongTimeoutMs", pongTimeoutMs);
        positive("tickMs", tickMs);
    }

    /** Binance's limits: 1024 streams, 5 msg/s, 300 connections / 5 min, 24 h, ping 20 s, 60 s. */
    public static StreamLimits defaults() {
        return new StreamLimits(1_024, 5, 300, 300_000L, 86_400_000L, 20_000L, 60_000L, 50L);
    }

    /**
     * Multiplies lifetime, ping interval, pong timeout and the connection window by {@code scale}
     * (e.g. 0.001: lifetime 86.4 s, ping every 20 ms, pong timeout 60 ms); at least 1 ms each.
     */
    public StreamLimits withTimeScale(double scale) {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("timeScale must be a positive finite number");
        }
        return new StreamLimits(
                maxStreamsPerConnection,
                messagesPerSecond,
                connectionsPerWindow,
                scaled(connectionWindowMs, scale),
                scaled(lifetimeMs, scale),
                scaled(pingIntervalMs, scale),
                scaled(pongTimeoutMs, scale),
                tickMs);
    }

    public StreamLimits withMaxStreamsPerConnection(int v) {
        return new StreamLimits(
                v,
                messagesPerSecond,
                connectionsPerWindow,
                connectionWindowMs,
                lifetimeMs,
                pingIntervalMs,
                pongTimeoutMs,
                tickMs);
    }

    public StreamLimits withConnectionsPerWindow(int v, long windowMs) {
        return new StreamLimits(
                maxStreamsPerConnection,
                messagesPerSecond,
                v,
                windowMs,
                lifetimeMs,
                pingIntervalMs,
                pongTimeoutMs,
                tickMs);
    }

    public StreamLimits withLifetimeMs(long v) {
        return new StreamLimits(
                maxStreamsPerConnection,
                messagesPerSecond,
                connectionsPerWindow,
                connectionWindowMs,
                v,
                pingIntervalMs,
                pongTimeoutMs,
                tickMs);
    }

    public StreamLimits withPing(long intervalMs, long pongTimeoutMs) {
        return new StreamLimits(
                maxStreamsPerConnection,
                messagesPerSecond,
                connectionsPerWindow,
                connectionWindowMs,
                lifetimeMs,
                intervalMs,
                pongTimeoutMs,
                tickMs);
    }

    private static long scaled(long ms, double scale) {
        return Math.max(1L, Math.round(ms * scale));
    }

    private static void positive(String name, long v) {
        if (v < 1) {
            throw new IllegalArgumentException(name + " must be positive, got " + v);
        }
    }
}
