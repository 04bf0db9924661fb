package io.streamforge.binance.dump;

import io.streamforge.domain.AggTrade;
import io.streamforge.domain.Candle;
import io.streamforge.domain.Decimals;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Micros;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.Trade;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Parses the CSV inside a dump archive. Header sniffing: a first line whose first field is not a
 * number is a header and skipped. Time unit per file: the first row's time above 10^13 means µs,
 * else ms; a later row in the other unit is an error. Errors name file, line and column.
 */
final class DumpCsv {
    static final int BATCH = 1_000;

    private final DumpFile file;
    private final String name;
    private Boolean micros; // decided by the first data row
    private long line;

    DumpCsv(DumpFile file) {
        this.file = file;
        this.name = file.fileName();
    }

    /** Whether the file turned out to hold µs timestamps (null before the first row). */
    Boolean micros() {
        return micros;
    }

    /** Streams the rows with time inside the file's span, in batches, to {@code sink}. */
    @SuppressWarnings("unchecked")
    <T> long parse(
            BufferedReader in, java.util.function.LongPredicate keep, Consumer<List<T>> sink) {
        List<T> batch = new ArrayList<>(BATCH);
        long count = 0;
        try {
            String text;
            while ((text = in.readLine()) != null) {
                line++;
                if (text.isBlank()) continue;
                String[] f = text.split(",", -1);
                if (line == 1 && !isInteger(f[0].strip())) continue; // header
                Object rec = row(f);
                if (!keep.test(timeOf(rec))) continue;
                batch.add((T) rec);
                count++;
                if (batch.size() >= BATCH) {
                    sink.accept(List.copyOf(batch));
                    batch.clear();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": read failed at line " + line, e);
        }
        if (!batch.isEmpty()) sink.accept(List.copyOf(batch));
        return count;
    }

    private Object row(String[] f) {
        switch (file.kind()) {
            case KLINES:
                return kline(f);
            case AGG_TRADES:
                return aggTrade(f);
            default:
                return trade(f);
        }
    }

    private static long timeOf(Object rec) {
        if (rec instanceof Candle c) return c.openTimeUs();
        if (rec instanceof AggTrade a) return a.timeUs();
        return ((Trade) rec).timeUs();
    }

    private Candle kline(String[] f) {
        need(f, 11, "kline");
        Symbol s = file.symbol();
        Interval i = file.interval();
        try {
            return new Candle(
                    s,
                    i,
                    time(f, 0, "open_time"),
                    time(f, 6, "close_time"),
                    dec(f, 1, "open"),
                    dec(f, 2, "high"),
                    dec(f, 3, "low"),
                    dec(f, 4, "close"),
                    dec(f, 5, "volume"),
                    dec(f, 7, "quote_volume"),
                    integer(f, 8, "count"),
                    dec(f, 9, "taker_buy_volume"),
                    dec(f, 10, "taker_buy_quote_volume"));
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage(), e);
        }
    }

    private AggTrade aggTrade(String[] f) {
        need(f, 7, "aggTrade");
        long time = time(f, 5, "transact_time");
        try {
            return new AggTrade(
                    file.symbol(),
                    integer(f, 0, "agg_trade_id"),
                    dec(f, 1, "price"),
                    dec(f, 2, "quantity"),
                    integer(f, 3, "first_trade_id"),
                    integer(f, 4, "last_trade_id"),
                    time,
                    bool(f, 6, "is_buyer_maker"),
                    f.length < 8 || bool(f, 7, "is_best_match"));
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage(), e);
        }
    }

    private Trade trade(String[] f) {
        need(f, 6, "trade");
        long time = time(f, 4, "time");
        try {
            return new Trade(
                    file.symbol(),
                    integer(f, 0, "id"),
                    dec(f, 1, "price"),
                    dec(f, 2, "qty"),
                    dec(f, 3, "quote_qty"),
                    time,
                    bool(f, 5, "is_buyer_maker"),
                    f.length < 7 || bool(f, 6, "is_best_match"));
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage(), e);
        }
    }

    private long time(String[] f, int col, String field) {
        long v = integer(f, col, field);
        boolean us = v > Micros.MICROS_THRESHOLD;
        if (micros == null) {
            micros = us;
        } else if (micros != us) {
            throw bad(
                    field
                            + " "
                            + v
                            + " is in "
                            + (us ? "µs" : "ms")
                            + " but the file started in "
                            + (micros ? "µs" : "ms"),
                    null);
        }
        return us ? v : Micros.fromMs(v);
    }

    private long integer(String[] f, int col, String field) {
        String s = f[col].strip();
        if (!isInteger(s)) {
            throw bad(
                    "column " + (col + 1) + " (" + field + "): not an integer: '" + s + "'", null);
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw bad("column " + (col + 1) + " (" + field + "): out of range: '" + s + "'", e);
        }
    }

    private java.math.BigDecimal dec(String[] f, int col, String field) {
        try {
            return Decimals.parse(field, f[col]);
        } catch (IllegalArgumentException e) {
            throw bad("column " + (col + 1) + " (" + e.getMessage() + ")", e);
        }
    }

    private boolean bool(String[] f, int col, String field) {
        String s = f[col].strip();
        if (s.equalsIgnoreCase("true")) return true;
        if (s.equalsIgnoreCase("false")) return false;
        throw bad(
                "column " + (col + 1) + " (" + field + "): expected True/False, got '" + s + "'",
                null);
    }

    private void need(String[] f, int min, String what) {
        if (f.length < min) {
            throw bad("expected at least " + min + " " + what + " columns, got " + f.length, null);
        }
    }

    private DumpFormatException bad(String problem, Throwable cause) {
        return new DumpFormatException(name + " line " + line + ": " + problem, cause);
    }

    private static boolean isInteger(String s) {
        if (s.isEmpty() || s.length() > 19) return false;
        int start = s.charAt(0) == '-' ? 1 : 0;
        if (start == s.length()) return false;
        for (int i = start; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) return false;
        }
        return true;
    }
}
