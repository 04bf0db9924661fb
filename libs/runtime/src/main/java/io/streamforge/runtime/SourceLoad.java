package io.streamforge.runtime;

import io.streamforge.domain.MarketRecord;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.coverage.CoverageKey;
import io.streamforge.domain.coverage.Gap;
import io.streamforge.domain.coverage.GapFiller;
import io.streamforge.domain.coverage.GapStatus;
import io.streamforge.domain.coverage.Ranges;
import io.streamforge.domain.coverage.Received;
import io.streamforge.domain.coverage.Source;
import io.streamforge.domain.port.CoverageLedger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One symbol's load from a source mode (rest | dump | auto) through a stream-specific {@link
 * Stream}: records and coverage facts handed to a {@link LoaderJob.SymbolSink} in order, then the
 * continuity check and (not for DUMP) the REST gap fill.
 */
public final class SourceLoad {
    private SourceLoad() {}

    /** What dump files gave for a range: the ranges of verified files, and missing gaps. */
    public record Dumped(List<TimeRange> covered, List<Gap> missing) {}

    /** The stream-specific parts of one symbol's load from rest|dump|auto (stateful). */
    public interface Stream<R extends MarketRecord> {
        void rest(TimeRange range, Consumer<List<R>> pages) throws Exception;

        Dumped dump(TimeRange range, long nowUs, Consumer<List<R>> pages) throws Exception;

        /** Received facts of one page (klines: the candles' intervals), or none. */
        List<Received> pageCovered(List<R> page, Source source);

        /** Received facts of a finished segment (id streams: all of it), or none. */
        List<Received> segmentCovered(TimeRange segment, Source source);

        /** Remembers a delivered page for the continuity check. */
        void observe(List<R> page);

        /** Continuity gaps (status missing) of everything observed within {@code expected}. */
        List<Gap> gaps(TimeRange expected);

        /** A REST gap filler writing records to {@code sink} and facts to {@code facts}. */
        GapFiller<R> filler(CoverageLedger facts, Consumer<List<R>> sink);
    }

    /**
     * Loads one symbol over {@code ranges} (the whole TIME_RANGE, or on a resumed run the parts the
     * coverage ledger lacks; none = nothing to load), each range on its own: REST = the range from
     * REST; DUMP = dump files only (what they miss is recorded as missing gaps); AUTO = dump files,
     * then REST for the parts they miss (tail, missing/unverifiable files). Then the continuity
     * check, and (not for DUMP) a REST gap fill that marks holes the exchange has no data for as
     * expected.
     */
    public static <R extends MarketRecord> void load(
            LoaderSettings.SourceMode mode,
            List<TimeRange> ranges,
            long nowUs,
            Stream<R> st,
            LoaderJob.SymbolSink sink)
            throws Exception {
        for (TimeRange range : Ranges.merge(ranges)) {
            loadRange(mode, range, nowUs, st, sink);
        }
    }

    private static <R extends MarketRecord> void loadRange(
            LoaderSettings.SourceMode mode,
            TimeRange range,
            long nowUs,
            Stream<R> st,
            LoaderJob.SymbolSink sink)
            throws Exception {
        List<TimeRange> restRanges = new ArrayList<>();
        List<Gap> dumpMissing = new ArrayList<>();
        if (mode == LoaderSettings.SourceMode.REST) {
            restRanges.add(range);
        } else {
            Dumped d = st.dump(range, nowUs, page -> deliver(st, sink, page, Source.DUMP));
            List<Received> covered = new ArrayList<>();
            d.covered().forEach(c -> covered.addAll(st.segmentCovered(c, Source.DUMP)));
            sink.coverage(covered, List.of());
            if (mode == LoaderSettings.SourceMode.AUTO) {
                d.missing().forEach(g -> restRanges.add(g.range()));
            } else {
                dumpMissing.addAll(d.missing());
            }
        }
        for (TimeRange r : Ranges.merge(restRanges)) {
            st.rest(r, page -> deliver(st, sink, page, Source.REST));
            sink.coverage(st.segmentCovered(r, Source.REST), List.of());
        }
        if (nowUs <= range.startUs()) {
            return;
        }
        List<Gap> gaps = st.gaps(new TimeRange(range.startUs(), Math.min(range.endUs(), nowUs)));
        if (mode == LoaderSettings.SourceMode.DUMP) {
            List<Gap> out = new ArrayList<>(dumpMissing);
            for (Gap g : gaps) {
                if (dumpMissing.stream().noneMatch(m -> Ranges.overlaps(m.range(), g.range()))) {
                    out.add(g);
                }
            }
            sink.coverage(List.of(), out);
            return;
        }
        GapFiller.Result<R> res = st.filler(facts(sink), sink::page).fill(gaps);
        List<Gap> failed = new ArrayList<>();
        res.failed().forEach(f -> failed.add(f.gap().with(GapStatus.MISSING, f.message())));
        sink.coverage(List.of(), failed);
    }

    private static <R extends MarketRecord> void deliver(
            Stream<R> st, LoaderJob.SymbolSink sink, List<R> page, Source source) {
        if (!page.isEmpty()) {
            st.observe(page);
            sink.page(page);
            sink.coverage(st.pageCovered(page, source), List.of());
        }
    }

    /** A write-only ledger that turns the filler's writes into coverage facts on the topic. */
    private static CoverageLedger facts(LoaderJob.SymbolSink sink) {
        return new CoverageLedger() {
            @Override
            public void record(java.util.Collection<Received> received) {
                sink.coverage(List.copyOf(received), List.of());
            }

            @Override
            public void recordGaps(java.util.Collection<Gap> gaps) {
                sink.coverage(List.of(), List.copyOf(gaps));
            }

            @Override
            public List<Received> received(CoverageKey key, TimeRange range) {
                throw writeOnly();
            }

            @Override
            public List<Gap> gaps(CoverageKey key, TimeRange range, Set<GapStatus> statuses) {
                throw writeOnly();
            }

            @Override
            public List<CoverageKey> keys() {
                throw writeOnly();
            }

            @Override
            public List<Received> receivedOfQueue(String queueId) {
                throw writeOnly();
            }

            @Override
            public List<Gap> gapsOfQueue(String queueId) {
                throw writeOnly();
            }
        };
    }

    private static UnsupportedOperationException writeOnly() {
        return new UnsupportedOperationException("loader facts are write-only (ADR 1701)");
    }
}
