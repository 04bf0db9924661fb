package io.streamforge.testkit;

import io.streamforge.domain.TimeRange;
import io.streamforge.domain.coverage.CoverageKey;
import io.streamforge.domain.coverage.Gap;
import io.streamforge.domain.coverage.GapStatus;
import io.streamforge.domain.coverage.LedgerRules;
import io.streamforge.domain.coverage.Ranges;
import io.streamforge.domain.coverage.Received;
import io.streamforge.domain.port.CoverageLedger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * A thread-safe {@link CoverageLedger} in memory that passes {@link CoverageLedgerContract}. It
 * applies the shared {@link LedgerRules}; a batch is validated completely before anything changes.
 */
public final class InMemoryCoverageLedger implements CoverageLedger {
    private static final Comparator<Received> RECEIVED_ORDER = LedgerRules.RECEIVED_ORDER;
    private static final Comparator<Gap> GAP_ORDER = LedgerRules.GAP_ORDER;

    private final List<Received> received = new ArrayList<>();
    private final List<Gap> gaps = new ArrayList<>();

    @Override
    public synchronized void record(Collection<Received> batch) {
        LedgerRules.checkBatch(batch, "received");
        for (Received r : LedgerRules.coalesce(batch)) {
            List<Received> touching =
                    received.stream()
                            .filter(
                                    t ->
                                            t.key().equals(r.key())
                                                    && t.source() == r.source()
                                                    && t.queueId().equals(r.queueId())
                                                    && Ranges.touches(t.range(), r.range()))
                            .toList();
            LedgerRules.Change<Received> change = LedgerRules.absorb(touching, r);
            received.removeAll(change.removed());
            received.addAll(change.added());
        }
    }

    @Override
    public synchronized void recordGaps(Collection<Gap> batch) {
        LedgerRules.checkBatch(batch, "gaps");
        for (Gap g : batch) {
            List<Gap> overlapping =
                    gaps.stream()
                            .filter(
                                    o ->
                                            o.key().equals(g.key())
                                                    && Ranges.overlaps(o.range(), g.range()))
                            .toList();
            LedgerRules.Change<Gap> change = LedgerRules.paint(overlapping, g);
            gaps.removeAll(change.removed());
            gaps.addAll(change.added());
        }
    }

    @Override
    public synchronized List<Received> received(CoverageKey key, TimeRange range) {
        return select(
                received,
                r -> r.key().equals(key) && Ranges.overlaps(r.range(), range),
                RECEIVED_ORDER);
    }

    @Override
    public synchronized List<Gap> gaps(CoverageKey key, TimeRange range, Set<GapStatus> statuses) {
        return select(
                gaps,
                g ->
                        g.key().equals(key)
                                && Ranges.overlaps(g.range(), range)
                                && (statuses.isEmpty() || statuses.contains(g.status())),
                GAP_ORDER);
    }

    @Override
    public synchronized List<CoverageKey> keys() {
        TreeSet<CoverageKey> keys = new TreeSet<>();
        received.forEach(r -> keys.add(r.key()));
        gaps.forEach(g -> keys.add(g.key()));
        return List.copyOf(keys);
    }

    @Override
    public synchronized List<Received> receivedOfQueue(String queueId) {
        return select(received, r -> r.queueId().equals(queueId), RECEIVED_ORDER);
    }

    @Override
    public synchronized List<Gap> gapsOfQueue(String queueId) {
        return select(gaps, g -> g.queueId().equals(queueId), GAP_ORDER);
    }

    private static <T> List<T> select(List<T> from, Predicate<T> filter, Comparator<T> order) {
        return from.stream().filter(filter).sorted(order).toList();
    }
}
