package io.streamforge.app.tools;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.streamforge.indicators.CandleSeries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads candles of one symbol for the indicators tool: a Binance kline CSV (dump layout, with or
 * without a header) or a REST klines JSON array of arrays. Open times may be ms or µs (detected
 * from the first row). Only the first six columns are required ({@code open_time, open, high, low,
 * close, volume}); the quote volume (column 8) is used when present, otherwise it is approximated
 * by the typical price times the volume (only VWAP uses it).
 */
final class KlineReader {
    private static final List<String> NAMES = List.of("open", "high", "low", "close", "volume");

    /** What was read: the raw open times (input unit) and the columns as a candle series. */
    record Klines(
            Path file,
            String format,
            EpochUnit unit,
            long[] rawOpenTimes,
            CandleSeries series,
            boolean quoteVolume) {}

    private final Path file;
    private long[] raw = new long[1024];
    private long[] us = new long[1024];
    private final double[][] cols = new double[6][1024];
    private int size;
    private EpochUnit unit;
    private Boolean quote;

    private KlineReader(Path file) {
        this.file = file;
    }

    static Klines read(Path file) {
        KlineReader r = new KlineReader(file);
        boolean json = Fields.looksLikeJson(file);
        try {
            if (json) {
                r.readJson();
            } else {
                r.readCsv();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (r.size == 0) {
            throw new IllegalArgumentException(file + ": no candles in the file");
        }
        return r.result(json ? "REST JSON klines" : "kline CSV");
    }

    private void readCsv() throws IOException {
        Fields.forEachCsvRow(
                file,
                (f, where, first) -> {
                    if (first && !Fields.isInteger(f[0])) {
                        checkHeader(f, where);
                    } else {
                        csvRow(f, where);
                    }
                });
    }

    /** A header must name open, high, low, close, volume in columns 2-6 (any case). */
    private void checkHeader(String[] f, String where) {
        if (f.length < 6) {
            throw new IllegalArgumentException(
                    where + ": header has " + f.length + " columns, expected at least 6");
        }
        for (int i = 0; i < NAMES.size(); i++) {
            if (!headerMatches(f[i + 1], NAMES.get(i))) {
                throw new IllegalArgumentException(
                        where
                                + ": header column "
                                + (i + 2)
                                + " is '"
                                + f[i + 1]
                                + "', expected '"
                                + NAMES.get(i)
                                + "' (Binance kline layout: open_time,open,high,low,close,volume,"
                                + "close_time,quote_volume,...)");
            }
        }
        quote = f.length >= 8 && f[7].toLowerCase(Locale.ROOT).contains("quote");
    }

    /** {@code Open}, {@code open_price}, {@code o}; not {@code open_time}. */
    private static boolean headerMatches(String column, String expected) {
        String name = column.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        return name.equals(expected.substring(0, 1))
                || (name.startsWith(expected) && !name.contains("time"));
    }

    private void csvRow(String[] f, String where) {
        if (quote == null) {
            quote = f.length >= 8;
        }
        int width = quote ? 8 : 6;
        if (f.length < width) {
            throw new IllegalArgumentException(
                    where + ": " + f.length + " fields, expected at least " + width);
        }
        long t = Fields.parseLong(f[0], where, "open_time");
        double[] v = new double[6];
        for (int i = 0; i < 5; i++) {
            v[i] = Fields.parseDouble(f[i + 1], where, NAMES.get(i));
        }
        v[5] = quote ? Fields.parseDouble(f[7], where, "quote_volume") : Double.NaN;
        add(t, v, where);
    }

    private void readJson() throws IOException {
        try (JsonParser p = Fields.JSON.createParser(Fields.open(file))) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new IllegalArgumentException(file + ": expected a JSON array of klines");
            }
            int record = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                record++;
                String where = Fields.where(file, p, record);
                if (p.currentToken() != JsonToken.START_ARRAY) {
                    throw new IllegalArgumentException(
                            where + ": expected a kline array [open_time, open, ...]");
                }
                jsonRow(p, where);
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(
                    file + ": malformed JSON: " + e.getOriginalMessage(), e);
        }
    }

    private void jsonRow(JsonParser p, String where) throws IOException {
        String[] f = new String[8];
        int n = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken().isStructStart()) {
                throw new IllegalArgumentException(
                        where + ": kline field " + n + " is not a value");
            }
            if (n < f.length) {
                f[n] = p.getText();
            }
            n++;
        }
        csvRow(Arrays.copyOf(f, Math.min(n, f.length)), where);
    }

    private void add(long t, double[] v, String where) {
        if (unit == null) {
            unit = EpochUnit.of(t);
        }
        long tUs = unit.checkedMicros(t, where);
        if (size > 0 && tUs <= us[size - 1]) {
            throw new IllegalArgumentException(
                    where
                            + ": open_time "
                            + t
                            + " is not after the previous row's "
                            + raw[size - 1]
                            + " (rows must be sorted by time, without duplicates)");
        }
        if (size == raw.length) {
            raw = Arrays.copyOf(raw, size * 2);
            us = Arrays.copyOf(us, size * 2);
            for (int i = 0; i < cols.length; i++) {
                cols[i] = Arrays.copyOf(cols[i], size * 2);
            }
        }
        raw[size] = t;
        us[size] = tUs;
        for (int i = 0; i < cols.length; i++) {
            cols[i][size] = v[i];
        }
        size++;
    }

    private Klines result(String format) {
        long[] t = Arrays.copyOf(us, size);
        double[][] c = new double[6][];
        for (int i = 0; i < 6; i++) {
            c[i] = Arrays.copyOf(cols[i], size);
        }
        CandleSeries s =
                quote
                        ? CandleSeries.of(t, c[0], c[1], c[2], c[3], c[4], c[5])
                        : CandleSeries.withTypicalPriceQuote(t, c[0], c[1], c[2], c[3], c[4]);
        return new Klines(file, format, unit, Arrays.copyOf(raw, size), s, quote);
    }
}
