package io.streamforge.app.tools;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.streamforge.domain.Decimals;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Parsing helpers shared by the readers; every error names where (file and line) and what. */
final class Fields {
    static final JsonFactory JSON = new JsonFactory();

    private Fields() {}

    /** Splits a CSV line on commas, trimming fields and removing surrounding double quotes. */
    static String[] split(String line) {
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

    /** True when the text is an optionally signed integer (a data row rather than a header). */
    static boolean isInteger(String s) {
        if (s.isEmpty()) {
            return false;
        }
        int start = s.charAt(0) == '-' ? 1 : 0;
        for (int i = start; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return s.length() > start;
    }

    static long parseLong(String v, String where, String column) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    where + ": " + column + " '" + v + "' is not an integer", e);
        }
    }

    /** A finite double (Binance decimals parse exactly to the nearest double). */
    static double parseDouble(String v, String where, String column) {
        double d;
        try {
            d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    where + ": " + column + " '" + v + "' is not a number", e);
        }
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException(
                    where + ": " + column + " '" + v + "' is not a finite number");
        }
        return d;
    }

    static BigDecimal parseDecimal(String v, String where, String column) {
        try {
            return Decimals.parse(column, v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    static boolean parseBoolean(String v, String where, String column) {
        if (v.equalsIgnoreCase("true")) {
            return true;
        }
        if (v.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException(
                where + ": " + column + " '" + v + "' is not True or False");
    }

    static BufferedReader open(Path file) {
        try {
            return Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Strips a UTF-8 byte order mark from the first line. */
    /**
     * One CSV row: its fields, "file line N" for errors, and whether it is the first non-blank row.
     */
    interface CsvRow {
        void accept(String[] fields, String where, boolean first) throws IOException;
    }

    /** Reads a CSV file row by row, skipping blank lines and a leading byte-order mark. */
    static void forEachCsvRow(Path file, CsvRow row) throws IOException {
        try (BufferedReader in = open(file)) {
            String line;
            int lineNo = 0;
            boolean first = true;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                row.accept(split(first ? stripBom(line) : line), file + " line " + lineNo, first);
                first = false;
            }
        }
    }

    static String stripBom(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    /** True when the first non-blank character of the file is {@code [} (a JSON array). */
    static boolean looksLikeJson(Path file) {
        try (Reader in = open(file)) {
            int c;
            while ((c = in.read()) >= 0) {
                if (c != '\uFEFF' && !Character.isWhitespace(c)) {
                    return c == '[';
                }
            }
            throw new IllegalArgumentException(file + ": empty file");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static String where(Path file, JsonParser p, int record) {
        return file + " record " + record + " (line " + p.currentTokenLocation().getLineNr() + ")";
    }
}
