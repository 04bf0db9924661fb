package io.streamforge.domain.coverage;

import io.streamforge.domain.TimeRange;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Everything known about one key: per source the merged received ranges, the ranked provenance
 * (which source is credited for which sub-range) and the gaps with their status, sorted by time.
 */
public record KeyCoverage(
        CoverageKey key,
        Map<Source, List<TimeRange>> bySource,
        List<SourcedRange> credited,
        List<Gap> gaps) {
    public KeyCoverage {
        bySource = Map.copyOf(bySource);
        credited = List.copyOf(credited);
        gaps = List.copyOf(gaps);
    }

    /** Builds the view from ledger entries of {@code key} (entries of other keys are rejected). */
    public static KeyCoverage of(
            CoverageKey key, Collection<Received> received, Collection<Gap> gaps) {
        Map<Source, List<TimeRange>> raw = new EnumMap<>(Source.class);
        for (Received r : received) {
            if (!r.key().equals(key)) {
                throw new IllegalArgumentException("received entry of " + r.key() + ", not " + key);
            }
            raw.computeIfAbsent(r.source(), s -> new ArrayList<>()).add(r.range());
        }
        Map<Source, List<TimeRange>> merged = new EnumMap<>(Source.class);
        raw.forEach((s, ranges) -> merged.put(s, Ranges.merge(ranges)));
        List<Gap> sorted = new ArrayList<>();
        for (Gap g : gaps) {
            if (!g.key().equals(key)) {
                throw new IllegalArgumentException("gap of " + g.key() + ", not " + key);
            }
            sorted.add(g);
        }
        sorted.sort(Comparator.comparingLong(g -> g.range().startUs()));
        return new KeyCoverage(key, merged, Provenance.resolve(received), sorted);
    }

    /** The union of all received ranges. */
    public List<TimeRange> covered() {
        List<TimeRange> all = new ArrayList<>();
        bySource.values().forEach(all::addAll);
        return Ranges.merge(all);
    }

    /** Gaps with the given status. */
    public List<Gap> gaps(GapStatus status) {
        return gaps.stream().filter(g -> g.status() == status).toList();
    }
}
