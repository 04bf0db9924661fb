package io.streamforge.graph;

import io.streamforge.domain.Symbol;
import java.util.Objects;

/**
 * An undirected edge between two symbols; {@code a} precedes {@code b} in the graph's node order.
 *
 * @param rho the correlation
 * @param distance {@code sqrt(2 (1 - rho))}
 */
public record Edge(Symbol a, Symbol b, double rho, double distance) {
    public Edge {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        if (a.equals(b)) {
            throw new IllegalArgumentException("self-loop on " + a);
        }
        if (!(rho >= -1.0 && rho <= 1.0) || !(distance >= 0.0)) {
            throw new IllegalArgumentException(
                    "edge "
                            + a
                            + "-"
                            + b
                            + ": rho "
                            + rho
                            + " / distance "
                            + distance
                            + " invalid");
        }
    }
}
