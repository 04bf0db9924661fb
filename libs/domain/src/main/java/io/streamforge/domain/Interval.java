package io.streamforge.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;

/**
 * Binance kline intervals. Codes are case-sensitive: {@code 1m} is a minute, {@code 1M} a calendar
 * month. Fixed-length intervals align to the epoch; {@code 1w} aligns to Monday 00:00 UTC (as the
 * epoch was a Thursday, that is 4 days off); {@code 1M} aligns to the first day of the month.
 */
public enum Interval {
    S1("1s", 1_000_000L),
    M1("1m", 60_000_000L),
    M3("3m", 180_000_000L),
    M5("5m", 300_000_000L),
    M15("15m", 900_000_000L),
    M30("30m", 1_800_000_000L),
    H1("1h", 3_600_000_000L),
    H2("2h", 7_200_000_000L),
    H4("4h", 14_400_000_000L),
    H6("6h", 21_600_000_000L),
    H8("8h", 28_800_000_000L),
    H12("12h", 43_200_000_000L),
    D1("1d", 86_400_000_000L),
    D3("3d", 259_200_000_000L),
    W1("1w", 604_800_000_000L),
    MO1("1M", -1L);

    private static final long WEEK_OFFSET_US = 4L * 86_400_000_000L;

    private final String code;
    private final long fixedUs;

    Interval(String code, long fixedUs) {
        this.code = code;
        this.fixedUs = fixedUs;
    }

    /** The Binance code, e.g. {@code 1m}, {@code 1M}. */
    public String code() {
        return code;
    }

    /** The code used in data.binance.vision paths ({@code 1mo} for a month). */
    public String dumpCode() {
        return this == MO1 ? "1mo" : code;
    }

    public boolean isCalendar() {
        return this == MO1;
    }

    /** Fixed length in µs; throws for the calendar month. */
    public long fixedUs() {
        if (isCalendar()) {
            throw new UnsupportedOperationException("1M has no fixed length");
        }
        return fixedUs;
    }

    /** Parses a Binance interval code (case-sensitive); the error lists the valid codes. */
    public static Interval of(String code) {
        for (Interval i : values()) {
            if (i.code.equals(code)) {
                return i;
            }
        }
        throw new IllegalArgumentException(
                "invalid interval '"
                        + code
                        + "': expected one of "
                        + Arrays.stream(values()).map(Interval::code).toList());
    }

    /** Open time (µs) of the interval that contains {@code timeUs}. */
    public long openTimeOf(long timeUs) {
        if (this == MO1) {
            ZonedDateTime t = Micros.toInstant(timeUs).atZone(ZoneOffset.UTC);
            return Micros.of(LocalDate.of(t.getYear(), t.getMonth(), 1));
        }
        long offset = this == W1 ? WEEK_OFFSET_US : 0L;
        return Math.floorDiv(timeUs - offset, fixedUs) * fixedUs + offset;
    }

    /** Open time (µs) of the interval following the one that opens at {@code openTimeUs}. */
    public long nextOpenTime(long openTimeUs) {
        if (this == MO1) {
            Instant i = Micros.toInstant(openTimeUs);
            return Micros.of(i.atZone(ZoneOffset.UTC).plusMonths(1).toInstant());
        }
        return openTimeUs + fixedUs;
    }

    /** Binance close time: the next open time minus one millisecond, in µs. */
    public long closeTimeOf(long openTimeUs) {
        return nextOpenTime(openTimeUs) - 1_000L;
    }
}
