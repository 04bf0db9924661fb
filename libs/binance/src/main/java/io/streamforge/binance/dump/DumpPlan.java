package io.streamforge.binance.dump;

import io.streamforge.domain.Micros;
import io.streamforge.domain.TimeRange;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which dump files cover a range ("auto" source): whole months as monthly files once published
 * (first Monday of the next month, counted against the last reliable day), the other days as daily
 * files up to the last reliable day ({@code now - 2 days}: daily files appear the next day), and
 * the remaining tail for REST.
 *
 * @param months monthly files, chronological
 * @param days daily files, chronological (never inside a planned month)
 * @param restTail what must come from REST (the part after {@code lastReliableDay}), if any
 * @param lastReliableDay the newest day a daily file is trusted to exist for
 */
public record DumpPlan(
        List<YearMonth> months,
        List<LocalDate> days,
        Optional<TimeRange> restTail,
        LocalDate lastReliableDay) {
    /** Days between a day's end and the day its file is trusted to exist (now − 2 days). */
    public static final int PUBLICATION_LAG_DAYS = 2;

    public DumpPlan {
        months = List.copyOf(months);
        days = List.copyOf(days);
        Objects.requireNonNull(restTail, "restTail");
        Objects.requireNonNull(lastReliableDay, "lastReliableDay");
    }

    public static DumpPlan forRange(TimeRange range, long nowUs) {
        Objects.requireNonNull(range, "range");
        LocalDate firstDay = Micros.toDate(range.startUs());
        LocalDate lastNeeded = Micros.toDate(range.endUs() - 1);
        LocalDate lastReliable = Micros.toDate(nowUs).minusDays(PUBLICATION_LAG_DAYS);
        LocalDate dumpLast = lastNeeded.isBefore(lastReliable) ? lastNeeded : lastReliable;
        List<YearMonth> months = new ArrayList<>();
        List<LocalDate> days = new ArrayList<>();
        if (!dumpLast.isBefore(firstDay)) {
            YearMonth m = YearMonth.from(firstDay);
            while (!m.isAfter(YearMonth.from(dumpLast))) {
                LocalDate from = max(m.atDay(1), firstDay);
                LocalDate to = min(m.atEndOfMonth(), dumpLast);
                boolean whole = from.equals(m.atDay(1)) && to.equals(m.atEndOfMonth());
                if (whole && !monthlyPublishedBy(m).isAfter(lastReliable)) {
                    months.add(m);
                } else {
                    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                        days.add(d);
                    }
                }
                m = m.plusMonths(1);
            }
        }
        Optional<TimeRange> tail = Optional.empty();
        if (dumpLast.isBefore(lastNeeded)) {
            long tailStart = Math.max(range.startUs(), Micros.of(dumpLast.plusDays(1)));
            tail = Optional.of(new TimeRange(tailStart, range.endUs()));
        }
        return new DumpPlan(months, days, tail, lastReliable);
    }

    /** Monthly files appear on the first Monday of the following month. */
    public static LocalDate monthlyPublishedBy(YearMonth month) {
        return month.plusMonths(1).atDay(1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY));
    }

    public boolean isEmpty() {
        return months.isEmpty() && days.isEmpty();
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
