package io.streamforge.domain.coverage;

import io.streamforge.domain.AggTrade;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Micros;
import io.streamforge.domain.TimeRange;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Pure coverage logic: covered ranges and gaps from sorted record times or ids. Inputs must be
 * sorted (duplicates allowed); an unsorted input is rejected naming the first offending index.
 */
public final class Coverage {
    private Coverage() {}

    /** The gaps of {@code expected} that {@code covered} leaves, sorted. */
    public static List<TimeRange> diff(TimeRange expected, Collection<TimeRange> covered) {
        return Ranges.diff(expected, covered);
    }

    /** Union of ranges, overlapping and adjacent ones merged. */
    public static List<TimeRange> merge(Collection<TimeRange> ranges) {
        return Ranges.merge(ranges);
    }

    /**
     * Ranges covered by klines with the given sorted open times: each covers {@code [open, next
     * open)}; consecutive ones merge. An open time not aligned to the interval is rejected.
     */
    public static List<TimeRange> klineCovered(Interval interval, long[] openTimesUs) {
        Objects.requireNonNull(interval, "interval");
        List<TimeRange> out = new ArrayList<>();
        for (int i = 0; i < openTimesUs.length; i++) {
            long t = openTimesUs[i];
            if (interval.openTimeOf(t) != t) {
                throw new IllegalArgumentException(
                        "openTimesUs[" + i + "]: " + t + " is not aligned to " + interval.code());
            }
            if (i > 0 && t < openTimesUs[i - 1]) {
                throw new IllegalArgumentException(
                        "openTimesUs["
                                + i
                                + "]: not sorted ("
                                + t
                                + " after "
                                + openTimesUs[i - 1]
                                + ")");
            }
            long end = interval.nextOpenTime(t);
            int last = out.size() - 1;
            if (last >= 0 && out.get(last).endUs() >= t) {
                TimeRange prev = out.get(last);
                out.set(last, new TimeRange(prev.startUs(), Math.max(prev.endUs(), end)));
            } else {
                out.add(new TimeRange(t, end));
            }
        }
        return out;
    }

    /**
     * Missing klines of {@code key} in {@code expected}: every interval whose open time lies in
     * {@code expected} and is absent is missing; a run of consecutive missing open times is one gap
     * (a single missing open time is a gap of exactly one interval). Gaps are whole intervals.
     */
    public static List<Gap> klineGaps(
            CoverageKey key, TimeRange expected, long[] openTimesUs, String queueId) {
        if (key.stream() != DataStream.KLINES) {
            throw new IllegalArgumentException("klineGaps: " + key + " is not a klines key");
        }
        Interval interval = key.interval();
        long first = interval.openTimeOf(expected.startUs());
        if (first < expected.startUs()) {
            first = interval.nextOpenTime(first);
        }
        long lastOpen = interval.openTimeOf(expected.endUs() - 1);
        if (lastOpen < first) {
            return List.of();
        }
        TimeRange aligned = new TimeRange(first, interval.nextOpenTime(lastOpen));
        List<Gap> out = new ArrayList<>();
        for (TimeRange hole : diff(aligned, klineCovered(interval, openTimesUs))) {
            long n = intervalsIn(interval, hole);
            String reason =
                    "no kline for "
                            + n
                            + (n == 1 ? " open time " : " open times from ")
                            + Micros.toInstant(hole.startUs());
            out.add(Gap.missing(key, hole, reason, queueId));
        }
        return out;
    }

    private static long intervalsIn(Interval interval, TimeRange r) {
        if (!interval.isCalendar()) {
            return r.lengthUs() / interval.fixedUs();
        }
        long n = 0;
        for (long t = r.startUs(); t < r.endUs(); t = interval.nextOpenTime(t)) {
            n++;
        }
        return n;
    }

    /**
     * Ranges covered by an id-continuous stream (aggTrades, trades): a run of consecutive ids
     * covers {@code [time of its first record, time of its last record + 1 µs)}; a jump in ids ends
     * a run. {@code ids} must be non-decreasing and {@code timesUs} as well.
     */
    public static List<TimeRange> idCovered(long[] ids, long[] timesUs) {
        checkIds(ids, timesUs);
        List<TimeRange> out = new ArrayList<>();
        int runStart = 0;
        for (int i = 1; i <= ids.length; i++) {
            if (i == ids.length || ids[i] > ids[i - 1] + 1) {
                out.add(new TimeRange(timesUs[runStart], timesUs[i - 1] + 1));
                runStart = i;
            }
        }
        return ids.length == 0 ? List.of() : merge(out);
    }

    /**
     * Gaps of an id-continuous stream: each jump from id {@code a} to {@code b > a + 1} is a
     * missing gap of ids {@code a+1..b-1} over the time range {@code [time(a), time(b) + 1 µs)}
     * (the missing records lie between their neighbours, both ends inclusive).
     */
    public static List<Gap> idGaps(CoverageKey key, long[] ids, long[] timesUs, String queueId) {
        if (key.stream() != DataStream.AGG_TRADES && key.stream() != DataStream.TRADES) {
            throw new IllegalArgumentException("idGaps: " + key + " has no id continuity");
        }
        checkIds(ids, timesUs);
        String what = key.stream() == DataStream.AGG_TRADES ? "aggTrade" : "trade";
        List<Gap> out = new ArrayList<>();
        for (int i = 1; i < ids.length; i++) {
            if (ids[i] > ids[i - 1] + 1) {
                IdRange missing = new IdRange(ids[i - 1] + 1, ids[i] - 1);
                TimeRange around = new TimeRange(timesUs[i - 1], timesUs[i] + 1);
                String reason = missing.count() + " " + what + " id(s) missing: " + missing;
                out.add(new Gap(key, around, GapStatus.MISSING, reason, missing, queueId));
            }
        }
        return out;
    }

    /** {@link #idGaps} for aggTrades sorted by agg id. */
    public static List<Gap> aggTradeGaps(
            CoverageKey key, List<AggTrade> sortedByAggId, String queueId) {
        long[] ids = new long[sortedByAggId.size()];
        long[] times = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            AggTrade t = sortedByAggId.get(i);
            if (t == null) {
                throw new IllegalArgumentException("aggTrades[" + i + "]: null");
            }
            ids[i] = t.aggId();
            times[i] = t.timeUs();
        }
        return idGaps(key, ids, times, queueId);
    }

    private static void checkIds(long[] ids, long[] timesUs) {
        if (ids.length != timesUs.length) {
            throw new IllegalArgumentException(
                    "ids and timesUs differ in length: " + ids.length + " vs " + timesUs.length);
        }
        for (int i = 1; i < ids.length; i++) {
            if (ids[i] < ids[i - 1]) {
                throw new IllegalArgumentException(
                        "ids[" + i + "]: not sorted (" + ids[i] + " after " + ids[i - 1] + ")");
            }
            if (timesUs[i] < timesUs[i - 1]) {
                throw new IllegalArgumentException(
                        "timesUs["
                                + i
                                + "]: time goes back ("
                                + timesUs[i]
                                + " after "
                                + timesUs[i - 1]
                                + ") at id "
                                + ids[i]);
            }
        }
    }
}
