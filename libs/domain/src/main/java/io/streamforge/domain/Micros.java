package io.streamforge.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Epoch-microsecond helpers. Everything internal is {@code long} µs since the epoch (UTC). */
public final class Micros {
    /** Binance values above this are µs rather than ms (10^13 ms is the year 2286). */
    public static final long MICROS_THRESHOLD = 10_000_000_000_000L;

    private Micros() {}

    public static long fromMs(long ms) {
        return Math.multiplyExact(ms, 1_000L);
    }

    public static long toMs(long us) {
        return Math.floorDiv(us, 1_000L);
    }

    /** Normalises a Binance timestamp that may be ms or µs (value &gt; 10^13 means µs). */
    public static long fromMsOrUs(long value) {
        return value > MICROS_THRESHOLD ? value : fromMs(value);
    }

    public static long of(Instant instant) {
        return Math.addExact(
                Math.multiplyExact(instant.getEpochSecond(), 1_000_000L),
                instant.getNano() / 1_000L);
    }

    public static long of(LocalDate dateUtc) {
        return of(dateUtc.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    public static Instant toInstant(long us) {
        return Instant.ofEpochSecond(
                Math.floorDiv(us, 1_000_000L), Math.floorMod(us, 1_000_000L) * 1_000L);
    }

    public static LocalDate toDate(long us) {
        return toInstant(us).atZone(ZoneOffset.UTC).toLocalDate();
    }
}
