package io.streamforge.domain.coverage;

import io.streamforge.domain.TimeRange;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Set algebra on half-open µs {@link TimeRange}s. */
public final class Ranges {
    private static final Comparator<TimeRange> BY_START =
            Comparator.comparingLong(TimeRange::startUs).thenComparingLong(TimeRange::endUs);

    private Ranges() {}

    /** The union as sorted, disjoint, non-touching ranges: overlapping and adjacent ones merge. */
    public static List<TimeRange> merge(Collection<TimeRange> ranges) {
        Objects.requireNonNull(ranges, "ranges");
        List<TimeRange> sorted = new ArrayList<>(ranges);
        for (int i = 0; i < sorted.size(); i++) {
            if (sorted.get(i) == null) {
                throw new IllegalArgumentException("ranges[" + i + "]: null range");
            }
        }
        sorted.sort(BY_START);
        List<TimeRange> out = new ArrayList<>();
        long start = 0;
        long end = 0;
        boolean open = false;
        for (TimeRange r : sorted) {
            if (open && r.startUs() <= end) {
                end = Math.max(end, r.endUs());
                continue;
            }
            if (open) {
                out.add(new TimeRange(start, end));
            }
            start = r.startUs();
            end = r.endUs();
            open = true;
        }
        if (open) {
            out.add(new TimeRange(start, end));
        }
        return out;
    }

    /** The parts of {@code whole} that no range of {@code covered} covers, sorted. */
    public static List<TimeRange> diff(TimeRange whole, Collection<TimeRange> covered) {
        Objects.requireNonNull(whole, "whole");
        List<TimeRange> out = new ArrayList<>();
        long cursor = whole.startUs();
        for (TimeRange c : merge(covered)) {
            if (c.endUs() <= cursor) {
                continue;
            }
            if (c.startUs() >= whole.endUs()) {
                break;
            }
            if (c.startUs() > cursor) {
                out.add(new TimeRange(cursor, c.startUs()));
            }
            cursor = Math.max(cursor, c.endUs());
        }
        if (cursor < whole.endUs()) {
            out.add(new TimeRange(cursor, whole.endUs()));
        }
        return out;
    }

    /** The common part of two ranges, if any. */
    public static Optional<TimeRange> intersect(TimeRange a, TimeRange b) {
        long start = Math.max(a.startUs(), b.startUs());
        long end = Math.min(a.endUs(), b.endUs());
        return end > start ? Optional.of(new TimeRange(start, end)) : Optional.empty();
    }

    /** Whether the ranges share at least one µs. */
    public static boolean overlaps(TimeRange a, TimeRange b) {
        return a.startUs() < b.endUs() && b.startUs() < a.endUs();
    }

    /** Whether the ranges overlap or touch (one ends where the other starts). */
    public static boolean touches(TimeRange a, TimeRange b) {
        return a.startUs() <= b.endUs() && b.startUs() <= a.endUs();
    }

    /** Whether {@code outer} contains all of {@code inner}. */
    public static boolean contains(TimeRange outer, TimeRange inner) {
        return outer.startUs() <= inner.startUs() && inner.endUs() <= outer.endUs();
    }

    /** Total length in µs of the union of {@code ranges}. */
    public static long totalUs(Collection<TimeRange> ranges) {
        long sum = 0;
        for (TimeRange r : merge(ranges)) {
            sum += r.lengthUs();
        }
        return sum;
    }
}
