package io.streamforge.domain.coverage;

import io.streamforge.domain.TimeRange;
import io.streamforge.domain.port.CoverageLedger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

/**
 * The parts of a range a loader still has to fetch, by the coverage ledger (ADR 3401): the range
 * minus what any source and queue received and minus the gaps found {@code expected} (the exchange
 * has no data there). Everything from {@code cutUs} on counts as missing whatever the ledger says
 * (a candle still open, trades still arriving).
 */
public final class MissingRanges {
    private MissingRanges() {}

    /** At most {@code maxRanges} ranges, sorted; empty when the ledger covers all of it. */
    public static List<TimeRange> of(
            CoverageLedger ledger, CoverageKey key, TimeRange range, long cutUs, int maxRanges) {
        List<TimeRange> covered = new ArrayList<>();
        ledger.received(key, range).forEach(r -> covered.add(r.range()));
        ledger.gaps(key, range, EnumSet.of(GapStatus.EXPECTED))
                .forEach(g -> covered.add(g.range()));
        return of(range, covered, cutUs, maxRanges);
    }

    /** {@link #of(CoverageLedger, CoverageKey, TimeRange, long, int)} over given covered ranges. */
    public static List<TimeRange> of(
            TimeRange range, List<TimeRange> covered, long cutUs, int maxRanges) {
        List<TimeRange> before = new ArrayList<>();
        for (TimeRange c : covered) {
            if (c.startUs() < cutUs) {
                before.add(new TimeRange(c.startUs(), Math.min(c.endUs(), cutUs)));
            }
        }
        return coarsen(Ranges.diff(range, before), maxRanges);
    }

    /**
     * Sorted disjoint ranges reduced to at most {@code max} by closing the smallest holes between
     * neighbours: loading a covered part again costs requests, never data (the sinks are
     * idempotent), and keeps the list short enough for an environment variable.
     */
    static List<TimeRange> coarsen(List<TimeRange> ranges, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max ranges < 1: " + max);
        }
        if (ranges.size() <= max) {
            return List.copyOf(ranges);
        }
        long[] holes = new long[ranges.size() - 1];
        for (int i = 0; i < holes.length; i++) {
            holes[i] = ranges.get(i + 1).startUs() - ranges.get(i).endUs();
        }
        long[] sorted = holes.clone();
        Arrays.sort(sorted);
        int toClose = ranges.size() - max;
        long threshold = sorted[toClose - 1];
        int closeAtThreshold = toClose - countBelow(sorted, threshold);
        List<TimeRange> out = new ArrayList<>();
        TimeRange current = ranges.get(0);
        for (int i = 0; i < holes.length; i++) {
            boolean close =
                    holes[i] < threshold || (holes[i] == threshold && closeAtThreshold-- > 0);
            TimeRange next = ranges.get(i + 1);
            if (close) {
                current = new TimeRange(current.startUs(), next.endUs());
            } else {
                out.add(current);
                current = next;
            }
        }
        out.add(current);
        return List.copyOf(out);
    }

    private static int countBelow(long[] sorted, long value) {
        int n = 0;
        while (n < sorted.length && sorted[n] < value) {
            n++;
        }
        return n;
    }
}
