package io.streamforge.graph;

import io.streamforge.domain.Micros;
import io.streamforge.domain.Symbol;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a long candle CSV ({@code symbol,open_time,open,high,low,close,…}, one row per symbol and
 * open time) into close series. The header is required; columns are found by name (any case, any
 * order, extra columns ignored): {@code symbol}, {@code close}, and {@code open_time} (epoch ms or
 * µs, told apart by size as in Binance dumps) or {@code open_time_us}. Parsed with Apache Commons
 * CSV (RFC 4180: quoted fields with commas, quotes or line breaks, CRLF or LF), a leading
 * byte-order mark skipped, fields trimmed, blank lines skipped; errors name the line a row starts
 * on.
 */
public final class LongCsvReader {
    private LongCsvReader() {}

    /**
     * @throws IllegalArgumentException naming the file, line and column of the first bad value, or
     *     the missing columns
     * @throws UncheckedIOException when the file cannot be read
     */
    public static List<PriceSeries> read(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** RFC 4180 as real files have it: fields trimmed, quotes optional, CRLF or LF. */
    private static final CSVFormat CSV =
            CSVFormat.RFC4180.builder().setTrim(true).setIgnoreSurroundingSpaces(true).get();

    static List<PriceSeries> read(BufferedReader in, String source) throws IOException {
        in.mark(1);
        if (in.read() != '\uFEFF') {
            in.reset(); // no byte-order mark
        }
        try (CSVParser parser = CSV.parse(in)) {
            Iterator<CSVRecord> rows = parser.iterator();
            String[] header = next(rows, parser, source);
            if (header == null || String.join("", header).isBlank()) {
                throw new IllegalArgumentException(source + ": empty file, expected a header line");
            }
            return rows(header, rows, parser, source);
        }
    }

    private static List<PriceSeries> rows(
            String[] header, Iterator<CSVRecord> rows, CSVParser parser, String source) {
        List<String> names = Arrays.stream(header).map(n -> n.toLowerCase(Locale.ROOT)).toList();
        int symbolCol = column(names, source, "symbol");
        int closeCol = column(names, source, "close");
        boolean micros = names.contains("open_time_us");
        int timeCol = column(names, source, micros ? "open_time_us" : "open_time");
        int width = Math.max(symbolCol, Math.max(closeCol, timeCol)) + 1;
        Map<Symbol, Columns> bySymbol = new LinkedHashMap<>();
        while (true) {
            String where = source + " line " + (parser.getCurrentLineNumber() + 1);
            String[] f = next(rows, parser, source);
            if (f == null) {
                break;
            }
            if (f.length < width) {
                throw new IllegalArgumentException(
                        where + ": " + f.length + " fields, expected at least " + width);
            }
            Symbol symbol;
            try {
                symbol = Symbol.of(f[symbolCol]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
            long time = parseLong(f[timeCol], where, names.get(timeCol));
            double close = parseDouble(f[closeCol], where);
            bySymbol.computeIfAbsent(symbol, s -> new Columns())
                    .add(micros ? time : Micros.fromMsOrUs(time), close);
        }
        if (bySymbol.isEmpty()) {
            throw new IllegalArgumentException(source + ": no data rows after the header");
        }
        List<PriceSeries> out = new ArrayList<>();
        bySymbol.forEach((s, c) -> out.add(c.toSeries(s)));
        return out;
    }

    /** The next non-blank row, or null at the end; a malformed row names its line. */
    private static String[] next(Iterator<CSVRecord> rows, CSVParser parser, String source) {
        while (true) {
            long line = parser.getCurrentLineNumber() + 1;
            try {
                if (!rows.hasNext()) {
                    return null;
                }
                CSVRecord r = rows.next();
                if (!(r.size() == 1 && r.get(0).isBlank())) {
                    return r.values();
                }
            } catch (UncheckedIOException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                throw new IllegalArgumentException(
                        source + " line " + line + ": malformed CSV: " + cause.getMessage(), e);
            }
        }
    }

    private static int column(List<String> names, String source, String wanted) {
        int i = names.indexOf(wanted);
        if (i < 0) {
            throw new IllegalArgumentException(
                    source
                            + ": header has no '"
                            + wanted
                            + "' column (needs symbol, open_time or open_time_us, close); found "
                            + names);
        }
        return i;
    }

    private static long parseLong(String v, String where, String column) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    where + ": " + column + " '" + v + "' is not an integer timestamp", e);
        }
    }

    private static double parseDouble(String v, String where) {
        double d;
        try {
            d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": close '" + v + "' is not a number", e);
        }
        if (!(d > 0) || Double.isInfinite(d)) {
            throw new IllegalArgumentException(
                    where + ": close '" + v + "' must be a positive finite number");
        }
        return d;
    }

    /** Growable primitive columns of one symbol. */
    private static final class Columns {
        private long[] times = new long[256];
        private double[] closes = new double[256];
        private int size;

        void add(long timeUs, double close) {
            if (size == times.length) {
                times = Arrays.copyOf(times, size * 2);
                closes = Arrays.copyOf(closes, size * 2);
            }
            times[size] = timeUs;
            closes[size++] = close;
        }

        PriceSeries toSeries(Symbol s) {
            return new PriceSeries(s, Arrays.copyOf(times, size), Arrays.copyOf(closes, size));
        }
    }
}
