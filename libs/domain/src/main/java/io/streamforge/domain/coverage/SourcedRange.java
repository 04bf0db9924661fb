package io.streamforge.domain.coverage;

import io.streamforge.domain.TimeRange;
import java.util.Objects;

/** A time range credited to one source. */
public record SourcedRange(TimeRange range, Source source) {
    public SourcedRange {
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(source, "source");
    }
}
