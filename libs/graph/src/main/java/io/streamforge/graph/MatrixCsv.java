package io.streamforge.graph;

import io.streamforge.domain.Symbol;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Square matrix CSV: header {@code symbol,<sym1>,<sym2>,…}, then one row per symbol starting with
 * its name. Numbers use {@link Double#toString}, which reads back to the same double.
 */
public final class MatrixCsv {
    private MatrixCsv() {}

    public static void write(CorrelationMatrix m, Path file) {
        int n = m.size();
        StringBuilder sb = new StringBuilder("symbol");
        for (Symbol s : m.symbols()) {
            sb.append(',').append(s);
        }
        sb.append('\n');
        for (int i = 0; i < n; i++) {
            sb.append(m.symbols().get(i));
            for (int j = 0; j < n; j++) {
                sb.append(',').append(m.get(i, j));
            }
            sb.append('\n');
        }
        Csv.writeString(file, sb);
    }

    /** Reads a matrix written by {@link #write}; the window is unknown in the file. */
    public static CorrelationMatrix read(Path file, CorrelationMethod method) {
        List<String> lines = Csv.readLines(file);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(file + ": empty file, expected a header line");
        }
        String[] header = lines.get(0).split(",", -1);
        if (!header[0].trim().equalsIgnoreCase("symbol")) {
            throw new IllegalArgumentException(file + ": header must start with 'symbol'");
        }
        List<Symbol> symbols = new ArrayList<>();
        for (int j = 1; j < header.length; j++) {
            symbols.add(Symbol.of(header[j]));
        }
        int n = symbols.size();
        if (lines.size() != n + 1) {
            throw new IllegalArgumentException(
                    file + ": " + n + " symbols in the header but " + (lines.size() - 1) + " rows");
        }
        double[] values = new double[n * n];
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(i + 1).split(",", -1);
            if (f.length != n + 1 || !Symbol.of(f[0]).equals(symbols.get(i))) {
                throw new IllegalArgumentException(
                        file
                                + " line "
                                + (i + 2)
                                + ": expected "
                                + symbols.get(i)
                                + " and "
                                + n
                                + " values");
            }
            for (int j = 0; j < n; j++) {
                values[i * n + j] = Csv.parseDouble(f[j + 1], file + " line " + (i + 2));
            }
        }
        return new CorrelationMatrix(symbols, method, WindowInfo.untimed(0), values);
    }
}
