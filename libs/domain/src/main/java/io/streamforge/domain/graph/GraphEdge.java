package io.streamforge.domain.graph;

import io.streamforge.domain.Symbol;
import java.util.Objects;

/**
 * An undirected, weighted edge of a stored correlation graph. The two ends are normalised so that
 * {@code a < b} (by symbol name): {@code new GraphEdge(ETH, BTC, …)} is the same edge as {@code new
 * GraphEdge(BTC, ETH, …)}.
 *
 * @param a the lower symbol
 * @param b the higher symbol
 * @param rho the correlation, in [-1, 1]
 * @param distance the correlation distance {@code sqrt(2 (1 - rho))}, finite and ≥ 0
 */
public record GraphEdge(Symbol a, Symbol b, double rho, double distance)
        implements Comparable<GraphEdge> {

    public GraphEdge {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        if (a.equals(b)) {
            throw new IllegalArgumentException("edge " + a + "-" + b + ": self-loop");
        }
        if (a.compareTo(b) > 0) {
            Symbol t = a;
            a = b;
            b = t;
        }
        if (!(rho >= -1.0 && rho <= 1.0)) {
            throw new IllegalArgumentException(
                    "edge " + a + "-" + b + ": rho must be in [-1, 1], got " + rho);
        }
        if (!(distance >= 0.0) || Double.isInfinite(distance)) {
            throw new IllegalArgumentException(
                    "edge " + a + "-" + b + ": distance must be finite and >= 0, got " + distance);
        }
    }

    /** The deterministic key of this edge in {@code collection}: {@code <collection>:<a>:<b>}. */
    public String key(String collection) {
        return GraphRecord.edgeKey(collection, a, b);
    }

    @Override
    public int compareTo(GraphEdge o) {
        int c = a.compareTo(o.a);
        return c != 0 ? c : b.compareTo(o.b);
    }
}
