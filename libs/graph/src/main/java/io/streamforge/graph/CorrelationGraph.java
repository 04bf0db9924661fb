package io.streamforge.graph;

import io.streamforge.domain.Symbol;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * A correlation graph: every symbol is a node (isolated ones too), edges are ordered by the node
 * order of {@code a}, then of {@code b}.
 *
 * @param nodes the matrix's symbols, in its order
 * @param edges the selected edges
 * @param method how rho was computed
 * @param window the window rho was computed over
 * @param rule how edges were selected, e.g. {@code mst}, {@code threshold(|rho|>=0.5)}, {@code
 *     top-k(3,|rho|)}
 */
public record CorrelationGraph(
        List<Symbol> nodes,
        List<Edge> edges,
        CorrelationMethod method,
        WindowInfo window,
        String rule) {

    public CorrelationGraph {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(rule, "rule");
        var known = new HashSet<>(nodes);
        for (Edge e : edges) {
            if (!known.contains(e.a()) || !known.contains(e.b())) {
                throw new IllegalArgumentException("edge " + e + " refers to an unknown node");
            }
        }
    }

    /** Sum of the edges' distances. */
    public double totalDistance() {
        return edges.stream().mapToDouble(Edge::distance).sum();
    }
}
