package io.streamforge.domain.port;

import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.coverage.CoverageKey;
import io.streamforge.domain.coverage.DataStream;
import io.streamforge.domain.coverage.Gap;
import io.streamforge.domain.coverage.GapStatus;
import io.streamforge.domain.coverage.KeyCoverage;
import io.streamforge.domain.coverage.LedgerRules;
import io.streamforge.domain.coverage.Received;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which time ranges of which (symbol, stream, interval) were received from which source, and which
 * gaps are known with what status. Every entry carries the queue id that wrote it, so coverage can
 * be shown per queue as well as for everything.
 *
 * <p>Write rules ({@link LedgerRules}, the same in every adapter): received ranges of the same key,
 * source and queue merge when they overlap or touch; gaps of a key never overlap, a newly recorded
 * gap replaces the overlapped parts of stored ones. Writes are idempotent: recording the same range
 * or gap again changes nothing. Each call is atomic. Reads are sorted by start time.
 */
public interface CoverageLedger {
    /** Records received ranges (one transaction). A {@code null} element is rejected first. */
    void record(Collection<Received> received);

    /** Sets the state of gap ranges (one transaction). A {@code null} element is rejected first. */
    void recordGaps(Collection<Gap> gaps);

    /** Stored received entries of {@code key} overlapping {@code range}, all queues and sources. */
    List<Received> received(CoverageKey key, TimeRange range);

    /**
     * Stored gaps of {@code key} overlapping {@code range} whose status is in {@code statuses} (an
     * empty set means every status).
     */
    List<Gap> gaps(CoverageKey key, TimeRange range, Set<GapStatus> statuses);

    /** Every key with at least one entry, sorted. */
    List<CoverageKey> keys();

    /** Received entries written by one queue, sorted by key then start. */
    List<Received> receivedOfQueue(String queueId);

    /** Gaps whose status was last set by one queue, sorted by key then start. */
    List<Gap> gapsOfQueue(String queueId);

    default void record(Received received) {
        record(List.of(received));
    }

    default void recordGap(Gap gap) {
        recordGaps(List.of(gap));
    }

    /** {@link #gaps(CoverageKey, TimeRange, Set)} with the key given by its parts. */
    default List<Gap> gaps(
            Symbol symbol,
            DataStream stream,
            Interval interval,
            TimeRange range,
            GapStatus... statuses) {
        Set<GapStatus> wanted = EnumSet.noneOf(GapStatus.class);
        wanted.addAll(List.of(statuses));
        return gaps(new CoverageKey(symbol, stream, interval), range, wanted);
    }

    /** Queue-independent report of every key over {@code range}. */
    default List<KeyCoverage> report(TimeRange range) {
        List<KeyCoverage> out = new ArrayList<>();
        for (CoverageKey key : keys()) {
            out.add(KeyCoverage.of(key, received(key, range), gaps(key, range, Set.of())));
        }
        return out;
    }

    /** Report of what one queue recorded, per key. */
    default List<KeyCoverage> reportOfQueue(String queueId) {
        Map<CoverageKey, List<Received>> received = new TreeMap<>();
        Map<CoverageKey, List<Gap>> gaps = new TreeMap<>();
        for (Received r : receivedOfQueue(queueId)) {
            received.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r);
            gaps.putIfAbsent(r.key(), new ArrayList<>());
        }
        for (Gap g : gapsOfQueue(queueId)) {
            gaps.computeIfAbsent(g.key(), k -> new ArrayList<>()).add(g);
        }
        List<KeyCoverage> out = new ArrayList<>();
        gaps.forEach(
                (key, g) -> out.add(KeyCoverage.of(key, received.getOrDefault(key, List.of()), g)));
        return out;
    }
}
