package io.streamforge.indicators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Indicator results as named columns aligned with the candle open times. */
public final class IndicatorTable {
    private final long[] openTimeUs;
    private final Map<String, double[]> columns;

    IndicatorTable(long[] openTimeUs, Map<String, double[]> columns) {
        this.openTimeUs = openTimeUs;
        this.columns = columns;
    }

    public int rows() {
        return openTimeUs.length;
    }

    public long[] openTimeUs() {
        return openTimeUs;
    }

    /** Column names in the order of the requested specs. */
    public List<String> names() {
        return List.copyOf(columns.keySet());
    }

    /** A column by name (shared array, treat as read-only); the error lists the known names. */
    public double[] column(String name) {
        double[] c = columns.get(name);
        if (c == null) {
            throw new IllegalArgumentException(
                    "no indicator column '" + name + "': have " + columns.keySet());
        }
        return c;
    }

    /**
     * Writes CSV: header {@code open_time_us,<columns>}, one line per candle, NaN (warm-up) as an
     * empty field, values in Java's shortest round-trip form.
     */
    public void writeCsv(Appendable out) {
        try {
            out.append("open_time_us");
            for (String name : columns.keySet()) {
                out.append(',').append(name);
            }
            out.append('\n');
            for (int i = 0; i < openTimeUs.length; i++) {
                out.append(Long.toString(openTimeUs[i]));
                for (double[] c : columns.values()) {
                    out.append(',');
                    if (!Double.isNaN(c[i])) {
                        out.append(Double.toString(c[i]));
                    }
                }
                out.append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static IndicatorTable compute(CandleSeries s, List<IndicatorSpec> specs) {
        IndicatorStream stream = new IndicatorStream(specs);
        List<String> names = stream.columns();
        int n = s.size();
        double[][] data = new double[names.size()][n];
        for (int i = 0; i < n; i++) {
            double[] row =
                    stream.update(
                            s.openTimeUs()[i],
                            s.open()[i],
                            s.high()[i],
                            s.low()[i],
                            s.close()[i],
                            s.volume()[i],
                            s.quoteVolume()[i]);
            for (int c = 0; c < row.length; c++) {
                data[c][i] = row[c];
            }
        }
        Map<String, double[]> columns = new LinkedHashMap<>();
        for (int c = 0; c < names.size(); c++) {
            columns.put(names.get(c), data[c]);
        }
        return new IndicatorTable(s.openTimeUs(), columns);
    }
}
