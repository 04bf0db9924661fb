package io.streamforge.binance;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The request-weight budget of one egress IP, shared by every client of the process that talks to
 * the same host ({@link #shared}). Thread-safe; it never sleeps itself — {@link #tryReserve}
 * answers how long the caller must wait, so no lock is held while waiting.
 *
 * <p>Windows are calendar minutes of the injected clock, as Binance counts {@code
 * X-MBX-USED-WEIGHT-1M}. The local view counts reserved weight and is corrected from the header
 * after each response (the header is authoritative: other processes on the same IP use weight too).
 * After a 429/418 the whole budget is blocked until the server's Retry-After has passed.
 */
public final class WeightBudget {
    public static final long WINDOW_MS = 60_000L;

    private static final ConcurrentMap<String, WeightBudget> SHARED = new ConcurrentHashMap<>();

    private final int allowedPerMinute;
    private long windowStartMs = Long.MIN_VALUE;
    private long used;
    private long inFlight;
    private long blockedUntilMs;
    private long rateLimitBlocks;
    private long headerCorrections;

    /** A private budget (tests, or a process that owns its IP alone). */
    public WeightBudget(int allowedPerMinute) {
        if (allowedPerMinute <= 0) {
            throw new IllegalArgumentException(
                    "allowedPerMinute: must be positive, got " + allowedPerMinute);
        }
        this.allowedPerMinute = allowedPerMinute;
    }

    /**
     * The process-wide budget for the config's host. The first client for a host fixes the
     * allowance; later clients share it whatever their own config says.
     */
    public static WeightBudget shared(BinanceClientConfig config) {
        return SHARED.computeIfAbsent(
                config.host(), h -> new WeightBudget(config.effectiveWeightLimit()));
    }

    public int allowedPerMinute() {
        return allowedPerMinute;
    }

    /**
     * Reserves {@code weight} if the current window and any rate-limit block allow it and returns
     * 0; otherwise reserves nothing and returns the milliseconds to wait before trying again.
     */
    public synchronized long tryReserve(int weight, long nowMs) {
        if (weight <= 0 || weight > allowedPerMinute) {
            throw new IllegalArgumentException(
                    "weight "
                            + weight
                            + " can never fit the budget of "
                            + allowedPerMinute
                            + " per minute");
        }
        if (nowMs < blockedUntilMs) {
            return blockedUntilMs - nowMs;
        }
        roll(nowMs);
        if (used + weight > allowedPerMinute) {
            return windowStartMs + WINDOW_MS - nowMs;
        }
        used += weight;
        inFlight += weight;
        return 0;
    }

    /**
     * Marks a reservation answered. {@code usedWeightHeader} (or -1 when absent) replaces the local
     * count of the window in which the request was reserved, plus the weight still in flight.
     */
    public synchronized void complete(
            int weight, long usedWeightHeader, long reservedAtMs, long nowMs) {
        inFlight = Math.max(0, inFlight - weight);
        roll(nowMs);
        if (usedWeightHeader >= 0 && windowOf(reservedAtMs) == windowStartMs) {
            long corrected = usedWeightHeader + inFlight;
            if (corrected != used) {
                headerCorrections++;
            }
            used = corrected;
        }
    }

    /** Blocks every reservation until {@code untilMs} (Retry-After of a 429/418). */
    public synchronized void blockUntil(long untilMs) {
        rateLimitBlocks++;
        blockedUntilMs = Math.max(blockedUntilMs, untilMs);
    }

    public synchronized long blockedUntilMs() {
        return blockedUntilMs;
    }

    /** Weight counted in the window containing {@code nowMs}. */
    public synchronized long usedWeight(long nowMs) {
        roll(nowMs);
        return used;
    }

    public synchronized long rateLimitBlocks() {
        return rateLimitBlocks;
    }

    /** How often a response header disagreed with the local count. */
    public synchronized long headerCorrections() {
        return headerCorrections;
    }

    private void roll(long nowMs) {
        long window = windowOf(nowMs);
        if (window > windowStartMs) {
            windowStartMs = window;
            used = 0;
        }
    }

    private static long windowOf(long ms) {
        return Math.floorDiv(ms, WINDOW_MS) * WINDOW_MS;
    }
}
