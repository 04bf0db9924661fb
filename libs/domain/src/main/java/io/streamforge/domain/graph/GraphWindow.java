package io.streamforge.domain.graph;

import io.streamforge.domain.Interval;
import java.util.Objects;

/**
 * The data a stored graph was computed from.
 *
 * @param interval interval of the candles whose closes were correlated (after any resampling)
 * @param fromOpenTimeUs open time (epoch µs) of the first aligned close used
 * @param toOpenTimeUs open time of the last aligned close used
 * @param returnCount number of returns (observations) per symbol
 */
public record GraphWindow(
        Interval interval, long fromOpenTimeUs, long toOpenTimeUs, int returnCount) {

    public GraphWindow {
        Objects.requireNonNull(interval, "interval");
        if (toOpenTimeUs < fromOpenTimeUs) {
            throw new IllegalArgumentException(
                    "window: to_open_time_us "
                            + toOpenTimeUs
                            + " before from_open_time_us "
                            + fromOpenTimeUs);
        }
        if (returnCount < 0) {
            throw new IllegalArgumentException("window: return_count negative: " + returnCount);
        }
    }
}
