package io.streamforge.app.bench;

/**
 * The arithmetic of {@code bench rest}: weight the simulator admitted over whole measured windows
 * against the configured exchange limit and against the client's allowance (limit × margin).
 *
 * @param weight request weight admitted by the simulator during the measured windows
 * @param windows number of whole weight windows measured
 * @param limitPerWindow the exchange's REQUEST_WEIGHT limit per window (per simulated minute)
 * @param margin the client's safety margin; its allowance is {@code floor(limit × margin)}
 * @param windowSeconds wall-clock length of one window (60 / time scale)
 * @param rawWeightPerSecond weight/s the simulator served without any limit, same run and load
 */
record RestEfficiency(
        long weight,
        int windows,
        int limitPerWindow,
        double margin,
        double windowSeconds,
        double rawWeightPerSecond) {

    static final double TARGET = 0.95;

    RestEfficiency {
        if (windows <= 0 || limitPerWindow <= 0 || windowSeconds <= 0) {
            throw new IllegalArgumentException(
                    "windows, limitPerWindow and windowSeconds must be positive");
        }
        if (!(margin > 0 && margin <= 1)) {
            throw new IllegalArgumentException("margin must be in (0, 1], got " + margin);
        }
    }

    /** Half the raw capacity, rounded down to a multiple of 10, at least 100 per window. */
    static int autoLimit(double rawWeightPerSecond, double windowSeconds) {
        long half = (long) (rawWeightPerSecond * windowSeconds * 0.5);
        return (int) Math.max(100, Math.min(Integer.MAX_VALUE / 2, half / 10 * 10));
    }

    /** The client's allowance per window, as {@code BinanceClientConfig.effectiveWeightLimit()}. */
    int allowancePerWindow() {
        return Math.max(1, (int) Math.floor(limitPerWindow * margin));
    }

    double weightPerWindow() {
        return (double) weight / windows;
    }

    /** Achieved weight per window ÷ the exchange's limit (at most {@code margin} when safe). */
    double ofLimit() {
        return weightPerWindow() / limitPerWindow;
    }

    /** Achieved weight per window ÷ the client's configured allowance; the target is ≥ 0.95. */
    double ofAllowance() {
        return weightPerWindow() / allowancePerWindow();
    }

    /** The limit as a fraction of what the simulator can serve: must be well under 1. */
    double limitOfRaw() {
        return limitPerWindow / windowSeconds / rawWeightPerSecond;
    }

    boolean meetsTarget(long tooManyRequests) {
        return tooManyRequests == 0 && ofAllowance() >= TARGET;
    }
}
