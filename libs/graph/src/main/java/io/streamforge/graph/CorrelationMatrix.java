package io.streamforge.graph;

import io.streamforge.domain.Symbol;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A symmetric correlation matrix with unit diagonal over named symbols, plus how it was computed.
 * Immutable; values are stored row-major.
 */
public final class CorrelationMatrix {
    private final List<Symbol> symbols;
    private final CorrelationMethod method;
    private final WindowInfo window;
    private final double[] values;
    private final Map<Symbol, Integer> index = new HashMap<>();

    /**
     * @param values row-major {@code n × n}; must be symmetric with a unit diagonal and entries in
     *     [-1, 1]
     * @throws IllegalArgumentException naming the first entry that breaks those rules
     */
    public CorrelationMatrix(
            List<Symbol> symbols, CorrelationMethod method, WindowInfo window, double[] values) {
        this.symbols = List.copyOf(symbols);
        this.method = Objects.requireNonNull(method, "method");
        this.window = Objects.requireNonNull(window, "window");
        int n = this.symbols.size();
        if (values.length != n * n) {
            throw new IllegalArgumentException(
                    "matrix for "
                            + n
                            + " symbols needs "
                            + n * n
                            + " values, got "
                            + values.length);
        }
        for (int i = 0; i < n; i++) {
            if (index.put(this.symbols.get(i), i) != null) {
                throw new IllegalArgumentException("duplicate symbol " + this.symbols.get(i));
            }
        }
        this.values = values.clone();
        validate();
    }

    private void validate() {
        int n = size();
        for (int i = 0; i < n; i++) {
            if (values[i * n + i] != 1.0) {
                throw new IllegalArgumentException(
                        "diagonal at " + symbols.get(i) + " is " + values[i * n + i] + ", not 1");
            }
            for (int j = i + 1; j < n; j++) {
                double r = values[i * n + j];
                if (!(r >= -1.0 && r <= 1.0) || r != values[j * n + i]) {
                    throw new IllegalArgumentException(
                            "entry ("
                                    + symbols.get(i)
                                    + ", "
                                    + symbols.get(j)
                                    + ") = "
                                    + r
                                    + " must be in [-1, 1] and symmetric");
                }
            }
        }
    }

    public List<Symbol> symbols() {
        return symbols;
    }

    public int size() {
        return symbols.size();
    }

    public CorrelationMethod method() {
        return method;
    }

    public WindowInfo window() {
        return window;
    }

    public double get(int i, int j) {
        Objects.checkIndex(i, size());
        Objects.checkIndex(j, size());
        return values[i * size() + j];
    }

    public double get(Symbol a, Symbol b) {
        return get(indexOf(a), indexOf(b));
    }

    /** Correlation distance {@code sqrt(2 (1 - rho))} between two symbols. */
    public double distance(int i, int j) {
        return Distance.of(get(i, j));
    }

    public int indexOf(Symbol s) {
        Integer i = index.get(s);
        if (i == null) {
            throw new IllegalArgumentException("symbol " + s + " not in matrix " + symbols);
        }
        return i;
    }

    /** A copy of the row-major values. */
    public double[] toArray() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CorrelationMatrix m
                && symbols.equals(m.symbols)
                && method == m.method
                && window.equals(m.window)
                && Arrays.equals(values, m.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(symbols, method, window, Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return "CorrelationMatrix[" + method.code() + ", " + size() + " symbols, " + window + "]";
    }
}
