package io.streamforge.binance.dump;

import io.streamforge.domain.Interval;
import io.streamforge.domain.Micros;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/**
 * One archive on data.binance.vision: a daily file ({@code day} set) or a monthly one ({@code
 * month} set). {@code interval} is set for klines only.
 */
public record DumpFile(
        DumpKind kind, Symbol symbol, Interval interval, LocalDate day, YearMonth month) {
    public DumpFile {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(symbol, "symbol");
        if ((day == null) == (month == null)) {
            throw new IllegalArgumentException("dump file: exactly one of day or month");
        }
        if ((kind == DumpKind.KLINES) != (interval != null)) {
            throw new IllegalArgumentException("dump file: interval is required for klines only");
        }
    }

    public static DumpFile daily(DumpKind kind, Symbol symbol, Interval interval, LocalDate day) {
        return new DumpFile(kind, symbol, interval, Objects.requireNonNull(day, "day"), null);
    }

    public static DumpFile monthly(
            DumpKind kind, Symbol symbol, Interval interval, YearMonth month) {
        return new DumpFile(kind, symbol, interval, null, Objects.requireNonNull(month, "month"));
    }

    public boolean isMonthly() {
        return month != null;
    }

    /** {@code 2024-01-15} or {@code 2024-01}. */
    public String label() {
        return isMonthly() ? month.toString() : day.toString();
    }

    /** {@code BTCUSDT-1m-2024-01-15.zip}, {@code BTCUSDT-aggTrades-2024-01.zip}. */
    public String fileName() {
        String middle = kind == DumpKind.KLINES ? interval.dumpCode() : kind.pathSegment();
        return symbol.value() + "-" + middle + "-" + label() + ".zip";
    }

    /** {@code data/spot/daily/klines/BTCUSDT/1m/BTCUSDT-1m-2024-01-15.zip}. */
    public String relativePath() {
        StringBuilder sb = new StringBuilder("data/spot/");
        sb.append(isMonthly() ? "monthly/" : "daily/").append(kind.pathSegment()).append('/');
        sb.append(symbol.value()).append('/');
        if (kind == DumpKind.KLINES) {
            sb.append(interval.dumpCode()).append('/');
        }
        return sb.append(fileName()).toString();
    }

    public String checksumPath() {
        return relativePath() + ".CHECKSUM";
    }

    /** The UTC time span the file covers. */
    public TimeRange range() {
        LocalDate first = isMonthly() ? month.atDay(1) : day;
        LocalDate next = isMonthly() ? month.plusMonths(1).atDay(1) : day.plusDays(1);
        return new TimeRange(Micros.of(first), Micros.of(next));
    }
}
