package io.streamforge.domain.coverage;

import io.streamforge.domain.TimeRange;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;

/**
 * Source ranking per range: where several sources cover the same time, the highest-ranked one
 * ({@link Source#rank()}: dump &gt; rest &gt; ws) is credited, whatever the order of arrival; so a
 * later dump replaces earlier rest data, while later ws data never replaces a dump.
 */
public final class Provenance {
    private Provenance() {}

    /**
     * Splits the union of {@code received} into disjoint sorted ranges, each credited to the best
     * source covering it; adjacent ranges of the same source are merged.
     */
    public static List<SourcedRange> resolve(Collection<Received> received) {
        int n = Source.values().length;
        TreeMap<Long, int[]> deltas = new TreeMap<>();
        for (Received r : received) {
            deltas.computeIfAbsent(r.range().startUs(), k -> new int[n])[r.source().ordinal()]++;
            deltas.computeIfAbsent(r.range().endUs(), k -> new int[n])[r.source().ordinal()]--;
        }
        int[] active = new int[n];
        List<SourcedRange> out = new ArrayList<>();
        Long segmentStart = null;
        Source current = null;
        for (var e : deltas.entrySet()) {
            long at = e.getKey();
            for (int i = 0; i < n; i++) {
                active[i] += e.getValue()[i];
            }
            Source best = best(active);
            if (best == current) {
                continue;
            }
            if (current != null) {
                out.add(new SourcedRange(new TimeRange(segmentStart, at), current));
            }
            current = best;
            segmentStart = at;
        }
        return out;
    }

    private static Source best(int[] active) {
        Source best = null;
        for (Source s : Source.values()) {
            if (active[s.ordinal()] > 0 && (best == null || s.outranks(best))) {
                best = s;
            }
        }
        return best;
    }
}
