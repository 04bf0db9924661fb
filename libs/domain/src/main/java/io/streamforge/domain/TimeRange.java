package io.streamforge.domain;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Half-open time range {@code [startUs, endUs)} in epoch µs. */
public record TimeRange(long startUs, long endUs) {
    public TimeRange {
        if (endUs <= startUs) {
            throw new IllegalArgumentException("time range end must be after start");
        }
    }

    /**
     * Parses the API form {@code YYYY-MM-DD:YYYY-MM-DD}; both dates are inclusive UTC days, so the
     * range ends at the start of the day after the second date.
     */
    public static TimeRange parseDays(String text) {
        if (text == null) {
            throw new IllegalArgumentException("time_range: missing");
        }
        String[] parts = text.split(":", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException(
                    "time_range: expected YYYY-MM-DD:YYYY-MM-DD, got '" + text + "'");
        }
        try {
            LocalDate from = LocalDate.parse(parts[0]);
            LocalDate to = LocalDate.parse(parts[1]);
            if (to.isBefore(from)) {
                throw new IllegalArgumentException(
                        "time_range: end date " + to + " is before start date " + from);
            }
            return new TimeRange(Micros.of(from), Micros.of(to.plusDays(1)));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("time_range: not a date in '" + text + "'", e);
        }
    }

    public LocalDate firstDay() {
        return Micros.toDate(startUs);
    }

    public boolean contains(long timeUs) {
        return timeUs >= startUs && timeUs < endUs;
    }

    public long lengthUs() {
        return endUs - startUs;
    }
}
