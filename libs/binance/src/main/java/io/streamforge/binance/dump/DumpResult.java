package io.streamforge.binance.dump;

import io.streamforge.domain.TimeRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Outcome of reading a range from dumps: the files used (verified), the gaps (with reasons) and the
 * number of records emitted.
 */
public record DumpResult(List<DumpFile> covered, List<DumpGap> gaps, long records) {
    public DumpResult {
        covered = List.copyOf(covered);
        gaps = List.copyOf(gaps);
    }

    /** True when every part of the range came from verified dump files. */
    public boolean complete() {
        return gaps.isEmpty();
    }

    /** The gap ranges, sorted and with touching ranges merged: what REST has to fill. */
    public List<TimeRange> rangesForRest() {
        List<TimeRange> sorted =
                gaps.stream()
                        .map(DumpGap::range)
                        .sorted(Comparator.comparingLong(TimeRange::startUs))
                        .toList();
        List<TimeRange> out = new ArrayList<>();
        for (TimeRange r : sorted) {
            if (!out.isEmpty() && out.get(out.size() - 1).endUs() >= r.startUs()) {
                TimeRange last = out.remove(out.size() - 1);
                out.add(new TimeRange(last.startUs(), Math.max(last.endUs(), r.endUs())));
            } else {
                out.add(r);
            }
        }
        return out;
    }
}
