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
import java.util.Iterator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Parsing helpers shared by the readers; every error names where (file and line) and what. */
final class Fields {
    static final JsonFactory JSON = new JsonFactory();

    private Fields() {}

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

    /**
     * One CSV row: its fields, "file line N" for errors, and whether it is the first non-blank row.
     */
    interface CsvRow {
        void accept(String[] fields, String where, boolean first) throws IOException;
    }

    /** RFC 4180 with the habits of real files: fields trimmed, quotes optional, CRLF or LF. */
    private static final CSVFormat CSV =
            CSVFormat.RFC4180
                    .builder()
                    .setTrim(true)
                    .setIgnoreSurroundingSpaces(true)
                    .setIgnoreEmptyLines(false)
                    .get();

    /**
     * Reads a CSV file row by row with Apache Commons CSV (quoted fields with commas, quotes and
     * line breaks inside, CRLF or LF), skipping blank lines and a leading byte-order mark. {@code
     * where} names the line the row starts on; a malformed row (an unclosed quote) is an {@link
     * IllegalArgumentException} naming its line.
     */
    static void forEachCsvRow(Path file, CsvRow row) throws IOException {
        try (BufferedReader in = open(file);
                CSVParser parser = CSV.parse(skipBom(in))) {
            Iterator<CSVRecord> records = parser.iterator();
            boolean first = true;
            while (true) {
                String where = file + " line " + (parser.getCurrentLineNumber() + 1);
                CSVRecord r;
                try {
                    if (!records.hasNext()) {
                        return;
                    }
                    r = records.next();
                } catch (UncheckedIOException e) {
                    throw new IllegalArgumentException(where + ": malformed CSV: " + reason(e), e);
                }
                if (r.size() == 1 && r.get(0).isBlank()) {
                    continue;
                }
                row.accept(r.values(), where, first);
                first = false;
            }
        }
    }

    private static Reader skipBom(BufferedReader in) throws IOException {
        in.mark(1);
        if (in.read() != '\uFEFF') {
            in.reset();
        }
        return in;
    }

    private static String reason(UncheckedIOException e) {
        String m = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
        return m == null ? "unreadable" : m.replaceFirst("^\\(line \\d+\\)\\s*", "");
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
