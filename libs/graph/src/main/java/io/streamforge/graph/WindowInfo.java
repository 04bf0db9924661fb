package io.streamforge.graph;

/**
 * The time window a correlation was computed over.
 *
 * @param fromOpenTimeUs open time (epoch µs) of the first close used, or {@link #UNKNOWN_US} when
 *     the input carried no times
 * @param toOpenTimeUs open time of the last close used, or {@link #UNKNOWN_US}
 * @param returnCount number of returns (observations) per symbol
 */
public record WindowInfo(long fromOpenTimeUs, long toOpenTimeUs, int returnCount) {
    /** Marks a window whose times are not known (plain arrays as input). */
    public static final long UNKNOWN_US = Long.MIN_VALUE;

    public WindowInfo {
        if (returnCount < 0) {
            throw new IllegalArgumentException("returnCount negative: " + returnCount);
        }
        if ((fromOpenTimeUs == UNKNOWN_US) != (toOpenTimeUs == UNKNOWN_US)) {
            throw new IllegalArgumentException("window: both ends known or both unknown");
        }
        if (toOpenTimeUs < fromOpenTimeUs) {
            throw new IllegalArgumentException(
                    "window: to " + toOpenTimeUs + " before from " + fromOpenTimeUs);
        }
    }

    public static WindowInfo untimed(int returnCount) {
        return new WindowInfo(UNKNOWN_US, UNKNOWN_US, returnCount);
    }

    public boolean isTimed() {
        return fromOpenTimeUs != UNKNOWN_US;
    }
}
