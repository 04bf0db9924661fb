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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a long candle CSV ({@code symbol,open_time,open,high,low,close,…}, one row per symbol and
 * open time) into close series. The header is required; columns are found by name (any case, any
 * order, extra columns ignored): {@code symbol}, {@code close}, and {@code open_time} (epoch ms or
 * µs, told apart by size as in Binance dumps) or {@code open_time_us}. Fields are split on commas;
 * surrounding double quotes are removed, quoted commas are not supported. Blank lines are skipped.
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

    static List<PriceSeries> read(BufferedReader in, String source) throws IOException {
        String header = in.readLine();
        if (header == null || header.isBlank()) {
            throw new IllegalArgumentException(source + ": empty file, expected a header line");
        }
        List<String> names =
                Arrays.stream(split(header.replace("\uFEFF", "")))
                        .map(n -> n.toLowerCase(Locale.ROOT))
                        .toList();
        int symbolCol = column(names, source, "symbol");
        int closeCol = column(names, source, "close");
        boolean micros = names.contains("open_time_us");
        int timeCol = column(names, source, micros ? "open_time_us" : "open_time");
        int width = Math.max(symbolCol, Math.max(closeCol, timeCol)) + 1;
        Map<Symbol, Columns> bySymbol = new LinkedHashMap<>();
        String line;
        int lineNo = 1;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = split(line);
            String where = source + " line " + lineNo;
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

    private static String[] split(String line) {
        String[] f = line.split(",", -1);
        for (int i = 0; i < f.length; i++) {
            String v = f[i].trim();
            if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                v = v.substring(1, v.length() - 1).trim();
            }
            f[i] = v;
        }
        return f;
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
