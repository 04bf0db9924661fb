package io.streamforge.graph;

import io.streamforge.domain.Symbol;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Return series of several symbols, one row per symbol ({@code values[s][t]}), all the same length,
 * all finite. This is the input of {@link Correlations#compute}. Arrays are copied on the way in.
 */
public final class ReturnSeries {
    private final List<Symbol> symbols;
    private final double[][] values;
    private final WindowInfo window;

    /**
     * @throws IllegalArgumentException when the symbol and row counts differ, a symbol repeats,
     *     rows differ in length, there are fewer than 2 points, or a value is NaN/infinite (named
     *     by symbol and index)
     */
    public ReturnSeries(List<Symbol> symbols, double[][] values, WindowInfo window) {
        Objects.requireNonNull(symbols, "symbols");
        Objects.requireNonNull(values, "values");
        this.window = Objects.requireNonNull(window, "window");
        if (symbols.size() != values.length) {
            throw new IllegalArgumentException(
                    symbols.size() + " symbols but " + values.length + " return rows");
        }
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException("no symbols");
        }
        if (new HashSet<>(symbols).size() != symbols.size()) {
            throw new IllegalArgumentException("duplicate symbol in " + symbols);
        }
        this.symbols = List.copyOf(symbols);
        this.values = new double[values.length][];
        for (int s = 0; s < values.length; s++) {
            double[] row = Objects.requireNonNull(values[s], "returns of " + symbols.get(s));
            if (row.length != values[0].length) {
                throw new IllegalArgumentException(
                        "mismatched lengths: "
                                + symbols.get(0)
                                + " has "
                                + values[0].length
                                + " returns, "
                                + symbols.get(s)
                                + " has "
                                + row.length);
            }
            for (int t = 0; t < row.length; t++) {
                if (!Double.isFinite(row[t])) {
                    throw new IllegalArgumentException(
                            symbols.get(s) + ": return at index " + t + " is " + row[t]);
                }
            }
            this.values[s] = row.clone();
        }
        if (values[0].length < 2) {
            throw new IllegalArgumentException(
                    "correlation needs at least 2 points per symbol, got " + values[0].length);
        }
    }

    /** Convenience for untimed data: symbols and rows only. */
    public static ReturnSeries of(List<Symbol> symbols, double[][] values) {
        int points = values == null || values.length == 0 ? 0 : values[0].length;
        return new ReturnSeries(symbols, values, WindowInfo.untimed(points));
    }

    public List<Symbol> symbols() {
        return symbols;
    }

    public int symbolCount() {
        return symbols.size();
    }

    public int length() {
        return values.length == 0 ? 0 : values[0].length;
    }

    public WindowInfo window() {
        return window;
    }

    /** A copy of one symbol's returns. */
    public double[] values(int symbolIndex) {
        return values[symbolIndex].clone();
    }

    /** The internal rows, not copied; callers in this package must not modify them. */
    double[][] rows() {
        return values;
    }
}
