package io.streamforge.domain.coverage;

import io.streamforge.domain.TimeRange;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The write rules every {@code CoverageLedger} applies, as pure functions so that all adapters
 * behave the same. An adapter loads the affected rows, asks for the {@link Change} and applies it
 * atomically; an empty change means the write was already recorded (idempotence).
 */
public final class LedgerRules {
    /** The order of every read of received entries: key, start, source, queue. */
    public static final Comparator<Received> RECEIVED_ORDER =
            Comparator.comparing(Received::key)
                    .thenComparingLong((Received r) -> r.range().startUs())
                    .thenComparing(Received::source)
                    .thenComparing(Received::queueId);

    /** The order of every read of gaps: key, start (gaps of a key never overlap). */
    public static final Comparator<Gap> GAP_ORDER =
            Comparator.comparing(Gap::key).thenComparingLong(g -> g.range().startUs());

    private LedgerRules() {}

    /** Rows to delete and rows to insert. */
    public record Change<T>(List<T> removed, List<T> added) {
        public Change {
            removed = List.copyOf(removed);
            added = List.copyOf(added);
        }

        public static <T> Change<T> none() {
            return new Change<>(List.of(), List.of());
        }

        public boolean isEmpty() {
            return removed.isEmpty() && added.isEmpty();
        }
    }

    /**
     * Rejects a null batch or a null entry before anything is written: {@code name[i]: null entry
     * in batch} (every adapter reports it the same way).
     */
    public static void checkBatch(Collection<?> batch, String name) {
        Objects.requireNonNull(batch, name);
        int i = 0;
        for (Object o : batch) {
            if (o == null) {
                throw new IllegalArgumentException(name + "[" + i + "]: null entry in batch");
            }
            i++;
        }
    }

    /**
     * A batch of received ranges with the overlapping/adjacent ones of the same key, source and
     * queue merged first (the result of absorbing them one by one is the same, with fewer rows
     * touched), in {@link #RECEIVED_ORDER}.
     */
    public static List<Received> coalesce(Collection<Received> batch) {
        Map<List<Object>, List<TimeRange>> groups = new LinkedHashMap<>();
        Map<List<Object>, Received> sample = new LinkedHashMap<>();
        for (Received r : batch) {
            List<Object> group = List.of(r.key(), r.source(), r.queueId());
            groups.computeIfAbsent(group, g -> new ArrayList<>()).add(r.range());
            sample.putIfAbsent(group, r);
        }
        List<Received> out = new ArrayList<>();
        groups.forEach(
                (group, ranges) -> {
                    for (TimeRange m : Ranges.merge(ranges)) {
                        out.add(sample.get(group).withRange(m));
                    }
                });
        out.sort(RECEIVED_ORDER);
        return out;
    }

    /**
     * Merging a received range into the stored ranges of the same key, source and queue. {@code
     * touching} must be all stored rows of that (key, source, queue) that overlap or touch {@code
     * r}. If one of them already contains {@code r} nothing changes; otherwise they are replaced by
     * their union with {@code r}.
     */
    public static Change<Received> absorb(List<Received> touching, Received r) {
        long start = r.range().startUs();
        long end = r.range().endUs();
        for (Received t : touching) {
            if (!t.key().equals(r.key())
                    || t.source() != r.source()
                    || !t.queueId().equals(r.queueId())
                    || !Ranges.touches(t.range(), r.range())) {
                throw new IllegalArgumentException("absorb: " + t + " does not belong with " + r);
            }
            if (Ranges.contains(t.range(), r.range())) {
                return Change.none();
            }
            start = Math.min(start, t.range().startUs());
            end = Math.max(end, t.range().endUs());
        }
        return new Change<>(touching, List.of(r.withRange(new TimeRange(start, end))));
    }

    /**
     * Setting the state of a gap range ("painting"): stored gaps of a key never overlap; the new
     * gap replaces the overlapped parts of the stored ones, whose uncovered remainders are kept
     * with their old state. {@code overlapping} must be all stored gaps of the key that overlap
     * {@code g}. If one of them already contains {@code g} with the same state and queue, nothing
     * changes.
     */
    public static Change<Gap> paint(List<Gap> overlapping, Gap g) {
        List<Gap> added = new ArrayList<>();
        for (Gap o : overlapping) {
            if (!o.key().equals(g.key()) || !Ranges.overlaps(o.range(), g.range())) {
                throw new IllegalArgumentException("paint: " + o + " does not overlap " + g);
            }
            if (Ranges.contains(o.range(), g.range())
                    && o.sameStateAs(g)
                    && o.queueId().equals(g.queueId())
                    && (g.ids() == null || g.ids().equals(o.ids()))) {
                return Change.none();
            }
            if (o.range().startUs() < g.range().startUs()) {
                added.add(o.withRange(new TimeRange(o.range().startUs(), g.range().startUs())));
            }
            if (o.range().endUs() > g.range().endUs()) {
                added.add(o.withRange(new TimeRange(g.range().endUs(), o.range().endUs())));
            }
        }
        added.add(g);
        return new Change<>(overlapping, added);
    }
}
