package io.streamforge.domain.coverage;

import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import io.streamforge.domain.PermanentException;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.TransientException;
import io.streamforge.domain.port.CoverageLedger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Tries to fill {@code missing} gaps from a source (normally the REST client): for each such gap it
 * fetches the gap's range, hands the records to the sink (the store) and only then updates the
 * ledger — the fetched parts become {@code filled} and are recorded as received from the source,
 * the parts for which the source returned nothing become {@code expected} (the exchange has no data
 * there: maintenance or a halt). {@code fetch} must return everything the source has for the range
 * (paging is its job). A fetch that fails with a {@link TransientException} or {@link
 * PermanentException} leaves its gap {@code missing} and is reported; other gaps go on.
 *
 * @param <R> the record type fetched
 */
public final class GapFiller<R> {
    /** A gap that could not be filled this time, and why. */
    public record Failure(Gap gap, String message) {}

    /** What one {@link #fill} did. */
    public record Result<R>(
            List<R> fetched, List<Gap> filled, List<Gap> expected, List<Failure> failed) {
        public Result {
            fetched = List.copyOf(fetched);
            filled = List.copyOf(filled);
            expected = List.copyOf(expected);
            failed = List.copyOf(failed);
        }
    }

    private final CoverageLedger ledger;
    private final Source source;
    private final Function<TimeRange, List<R>> fetch;
    private final Consumer<List<R>> sink;
    private final Function<List<R>, List<TimeRange>> coveredBy;

    /**
     * A filler that credits the whole gap range as covered when the source returned any record for
     * it (right for id-continuous streams: the source answered for the whole range).
     */
    public GapFiller(
            CoverageLedger ledger,
            Source source,
            Function<TimeRange, List<R>> fetch,
            Consumer<List<R>> sink) {
        this(ledger, source, fetch, sink, null);
    }

    private GapFiller(
            CoverageLedger ledger,
            Source source,
            Function<TimeRange, List<R>> fetch,
            Consumer<List<R>> sink,
            Function<List<R>, List<TimeRange>> coveredBy) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.source = Objects.requireNonNull(source, "source");
        this.fetch = Objects.requireNonNull(fetch, "fetch");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.coveredBy = coveredBy;
    }

    /**
     * A filler for klines: only the intervals of the returned candles count as filled; missing open
     * times inside a gap become {@code expected}.
     */
    public static GapFiller<Candle> forCandles(
            CoverageLedger ledger,
            Source source,
            Interval interval,
            Function<TimeRange, List<Candle>> fetch,
            Consumer<List<Candle>> sink) {
        return new GapFiller<>(
                ledger,
                source,
                fetch,
                sink,
                candles ->
                        Coverage.klineCovered(
                                interval,
                                candles.stream().mapToLong(Candle::openTimeUs).sorted().toArray()));
    }

    /** Fills every {@code missing} gap of {@code gaps}; other statuses are skipped. */
    public Result<R> fill(List<Gap> gaps) {
        List<R> fetched = new ArrayList<>();
        List<Gap> filled = new ArrayList<>();
        List<Gap> expected = new ArrayList<>();
        List<Failure> failed = new ArrayList<>();
        for (Gap gap : gaps) {
            if (gap.status() != GapStatus.MISSING) {
                continue;
            }
            List<R> records;
            try {
                records = Objects.requireNonNull(fetch.apply(gap.range()), "fetch returned null");
            } catch (TransientException | PermanentException e) {
                failed.add(new Failure(gap, e.getMessage()));
                continue;
            }
            if (!records.isEmpty()) {
                sink.accept(records);
                fetched.addAll(records);
            }
            List<TimeRange> covered = covered(gap.range(), records);
            List<Gap> paints = new ArrayList<>();
            List<Received> received = new ArrayList<>();
            String filledReason = "filled from " + source + ": " + records.size() + " record(s)";
            for (TimeRange c : covered) {
                received.add(new Received(gap.key(), c, source, gap.queueId()));
                paints.add(gap.withRange(c).with(GapStatus.FILLED, filledReason));
            }
            filled.addAll(paints);
            String none = source + " has no data here (maintenance or halt)";
            for (TimeRange hole : Ranges.diff(gap.range(), covered)) {
                Gap e = gap.withRange(hole).with(GapStatus.EXPECTED, none);
                paints.add(e);
                expected.add(e);
            }
            ledger.record(received);
            ledger.recordGaps(paints);
        }
        return new Result<>(fetched, filled, expected, failed);
    }

    private List<TimeRange> covered(TimeRange gapRange, List<R> records) {
        if (records.isEmpty()) {
            return List.of();
        }
        if (coveredBy == null) {
            return List.of(gapRange);
        }
        List<TimeRange> clipped = new ArrayList<>();
        for (TimeRange r : coveredBy.apply(records)) {
            Ranges.intersect(r, gapRange).ifPresent(clipped::add);
        }
        return Ranges.merge(clipped);
    }
}
