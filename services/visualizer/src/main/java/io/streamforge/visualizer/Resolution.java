package io.streamforge.visualizer;

import io.streamforge.domain.Interval;
import io.streamforge.domain.TimeRange;
import io.streamforge.indicators.CandleResampler;
import java.util.List;

/** Chooses the display interval of a chart: the finest one that keeps the point count bounded. */
final class Resolution {
    /** Display intervals, finest first. */
    static final List<Interval> LADDER =
            List.of(
                    Interval.M1,
                    Interval.M3,
                    Interval.M5,
                    Interval.M15,
                    Interval.M30,
                    Interval.H1,
                    Interval.H2,
                    Interval.H4,
                    Interval.H6,
                    Interval.H12,
                    Interval.D1,
                    Interval.D3,
                    Interval.W1,
                    Interval.MO1);

    private Resolution() {}

    /**
     * {@code requested} when it is a whole multiple of {@code source} and {@code range} holds at
     * most {@code maxPoints} of it; else the next coarser interval of the ladder that does. A
     * requested interval finer than the source is refused (400 naming {@code display}).
     */
    static Interval choose(Interval source, Interval requested, TimeRange range, int maxPoints) {
        if (!isMultiple(source, requested)) {
            throw ApiProblem.badRequest(
                    "display",
                    "display interval "
                            + requested.code()
                            + " is not a whole multiple of the stored "
                            + source.code());
        }
        if (Params.maxRows(requested, range) <= maxPoints) {
            return requested;
        }
        int from = Math.max(0, LADDER.indexOf(requested));
        for (Interval i : LADDER.subList(from, LADDER.size())) {
            if (isMultiple(source, i) && Params.maxRows(i, range) <= maxPoints) {
                return i;
            }
        }
        return Interval.MO1;
    }

    static boolean isMultiple(Interval source, Interval target) {
        if (source == target) {
            return true;
        }
        if (!source.isCalendar() && !target.isCalendar() && target.fixedUs() < source.fixedUs()) {
            return false;
        }
        try {
            CandleResampler.checkMultiple(source, target);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
