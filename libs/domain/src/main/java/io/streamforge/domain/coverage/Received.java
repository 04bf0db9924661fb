package io.streamforge.domain.coverage;

import io.streamforge.domain.TimeRange;
import java.util.Objects;

/**
 * A half-open µs time range of one key that was received from one source, within one queue ({@code
 * queueId} is {@code ""} when the data came outside any queue).
 */
public record Received(CoverageKey key, TimeRange range, Source source, String queueId) {
    public Received {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(source, "source");
        queueId = queueId == null ? "" : queueId;
    }

    public Received withRange(TimeRange r) {
        return new Received(key, r, source, queueId);
    }
}
