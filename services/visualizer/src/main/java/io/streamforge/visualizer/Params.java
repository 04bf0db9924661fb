package io.streamforge.visualizer;

import io.javalin.http.Context;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Micros;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.graph.IndicatorValue;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** Query-parameter parsing; every failure is a 400 problem naming the parameter. */
final class Params {
    private Params() {}

    /** A required, non-blank query parameter. */
    static String required(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            throw ApiProblem.badRequest(name, "missing query parameter " + name);
        }
        return v.trim();
    }

    static Symbol symbol(Context ctx) {
        String raw = required(ctx, "symbol");
        try {
            return Symbol.of(raw);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("symbol", e.getMessage());
        }
    }

    static Interval interval(Context ctx) {
        String raw = required(ctx, "interval");
        try {
            return Interval.of(raw);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("interval", e.getMessage());
        }
    }

    /** An optional interval parameter; {@code fallback} when absent or blank. */
    static Interval optionalInterval(Context ctx, String name, Interval fallback) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return Interval.of(raw.trim());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest(name, e.getMessage());
        }
    }

    /** An optional integer parameter in {@code [min, max]}; {@code fallback} when absent. */
    static int intInRange(Context ctx, String name, int fallback, int min, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(raw.trim());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiProblem.badRequest(
                name, name + ": expected an integer " + min + ".." + max + ", got '" + raw + "'");
    }

    static String indicatorName(Context ctx) {
        String raw = required(ctx, "name");
        try {
            return IndicatorValue.checkName(raw);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("name", e.getMessage());
        }
    }

    /**
     * {@code from} and {@code to} as inclusive UTC days ({@code YYYY-MM-DD}): the range ends at the
     * start of the day after {@code to}.
     */
    static TimeRange days(Context ctx) {
        LocalDate from = date(ctx, "from");
        LocalDate to = date(ctx, "to");
        if (to.isBefore(from)) {
            throw ApiProblem.badRequest("to", "to " + to + " is before from " + from);
        }
        return new TimeRange(Micros.of(from), Micros.of(to.plusDays(1)));
    }

    private static LocalDate date(Context ctx, String name) {
        String raw = required(ctx, name);
        try {
            return LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest(name, name + ": expected YYYY-MM-DD, got '" + raw + "'");
        }
    }

    /** Most rows {@code interval} can have in {@code range} (one per open time). */
    static long maxRows(Interval interval, TimeRange range) {
        long first = interval.openTimeOf(range.startUs());
        if (interval.isCalendar()) {
            LocalDate a = Micros.toDate(first);
            LocalDate b = Micros.toDate(range.endUs() - 1);
            return ChronoUnit.MONTHS.between(a.withDayOfMonth(1), b.withDayOfMonth(1)) + 1;
        }
        return Math.floorDiv(range.endUs() - 1 - first, interval.fixedUs()) + 1;
    }

    /** Refuses a range that could hold more than {@code limit} rows of {@code interval}. */
    static void checkRows(Interval interval, TimeRange range, int limit) {
        long rows = maxRows(interval, range);
        if (rows > limit) {
            throw new ApiProblem(
                    400,
                    "from..to spans up to "
                            + rows
                            + " "
                            + interval.code()
                            + " rows, more than the limit of "
                            + limit
                            + "; narrow from/to or choose a coarser interval",
                    "to",
                    "from");
        }
    }
}
