package io.streamforge.sim;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * REQUEST_WEIGHT accounting per client IP in wall-clock-aligned minute windows (as Binance), with
 * 429 once over the limit and an escalating 418 ban (2 min × 2^(n−1), at most 3 days, times a scale
 * factor) for clients that keep sending more than {@code requestsBeforeBan} requests within the
 * window after their first 429.
 */
final class RateLimiter {
    static final long WINDOW_US = 60_000_000L;
    static final long FIRST_BAN_US = 120_000_000L;
    static final long MAX_BAN_US = 3L * 86_400_000_000L;

    /** Outcome of admitting one request. */
    record Decision(int status, long usedWeight, long retryAfterSeconds, long bannedUntilUs) {
        boolean allowed() {
            return status == 200;
        }
    }

    private static final class IpState {
        long windowStartUs = Long.MIN_VALUE;
        long used;
        int sinceFirst429;
        boolean limited;
        long bannedUntilUs = Long.MIN_VALUE;
        int bans;
    }

    private final Map<String, IpState> states = new ConcurrentHashMap<>();
    private final int requestsBeforeBan;
    private final double banTimeScale;

    RateLimiter(int requestsBeforeBan, double banTimeScale) {
        this.requestsBeforeBan = requestsBeforeBan;
        this.banTimeScale = banTimeScale;
    }

    Decision admit(String ip, int weight, int limit, long nowUs) {
        IpState s = states.computeIfAbsent(ip, k -> new IpState());
        synchronized (s) {
            long window = Math.floorDiv(nowUs, WINDOW_US) * WINDOW_US;
            if (window != s.windowStartUs) {
                s.windowStartUs = window;
                s.used = 0;
                s.sinceFirst429 = 0;
                s.limited = false;
            }
            if (nowUs < s.bannedUntilUs) {
                return new Decision(418, s.used, seconds(s.bannedUntilUs - nowUs), s.bannedUntilUs);
            }
            s.used += weight;
            if (s.used <= limit) {
                return new Decision(200, s.used, 0, 0);
            }
            if (s.limited && ++s.sinceFirst429 > requestsBeforeBan) {
                s.bans++;
                long dur = FIRST_BAN_US << Math.min(s.bans - 1, 20);
                dur = (long) (Math.min(dur, MAX_BAN_US) * banTimeScale);
                s.bannedUntilUs = nowUs + Math.max(1L, dur);
                s.sinceFirst429 = 0;
                return new Decision(418, s.used, seconds(s.bannedUntilUs - nowUs), s.bannedUntilUs);
            }
            s.limited = true;
            return new Decision(429, s.used, seconds(window + WINDOW_US - nowUs), 0);
        }
    }

    /** Forgets all windows and bans. */
    void reset() {
        states.clear();
    }

    private static long seconds(long us) {
        return Math.max(1L, (us + 999_999L) / 1_000_000L);
    }
}
