package io.streamforge.domain.graph;

import io.streamforge.domain.Symbol;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The correlation graph of one collection (usually a queue), as stored by a {@link
 * io.streamforge.domain.port.GraphStore}. Normalised on construction: nodes sorted by symbol, edges
 * sorted by {@code (a, b)}, so that two records with the same content are {@code equals}.
 *
 * @param collection the graph's name; vertex keys are symbols, edge keys {@code
 *     <collection>:<a>:<b>}
 * @param nodes every asset of the graph, isolated ones included
 * @param edges the selected edges; both ends must be nodes, at most one edge per pair
 * @param method how rho was computed ({@code pearson}, {@code spearman})
 * @param rule how edges were selected ({@code mst}, {@code threshold(|rho|>=0.5)}, …)
 * @param window the data the graph was computed from
 * @param createdAtUs when this content was first stored (epoch µs)
 */
public record GraphRecord(
        String collection,
        List<Symbol> nodes,
        List<GraphEdge> edges,
        String method,
        String rule,
        GraphWindow window,
        long createdAtUs) {

    /** Collection names: a letter or digit, then letters, digits, {@code _ . -}; no {@code :}. */
    public static final Pattern COLLECTION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,199}");

    public GraphRecord {
        checkCollection(collection);
        nodes = sortedNodes(collection, nodes);
        edges = sortedEdges(collection, new HashSet<>(nodes), edges);
        method = text(method, "method");
        rule = text(rule, "rule");
        Objects.requireNonNull(window, "window");
    }

    /** Throws {@link IllegalArgumentException} unless {@code collection} is a valid name. */
    public static String checkCollection(String collection) {
        if (collection == null || !COLLECTION.matcher(collection).matches()) {
            throw new IllegalArgumentException(
                    "graph collection '"
                            + collection
                            + "': expected 1-200 of [A-Za-z0-9_.-], starting with a letter or"
                            + " digit");
        }
        return collection;
    }

    /** The edge key {@code <collection>:<a>:<b>} with {@code a < b}. */
    public static String edgeKey(String collection, Symbol a, Symbol b) {
        return a.compareTo(b) <= 0
                ? collection + ":" + a + ":" + b
                : collection + ":" + b + ":" + a;
    }

    /** The same graph content stamped with another creation time. */
    public GraphRecord withCreatedAtUs(long createdAtUs) {
        return new GraphRecord(collection, nodes, edges, method, rule, window, createdAtUs);
    }

    /** Whether both records hold the same graph, ignoring {@link #createdAtUs()}. */
    public boolean sameContent(GraphRecord other) {
        return other != null && withCreatedAtUs(other.createdAtUs).equals(other);
    }

    private static List<Symbol> sortedNodes(String collection, List<Symbol> nodes) {
        Objects.requireNonNull(nodes, "nodes");
        List<Symbol> sorted = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            sorted.add(Objects.requireNonNull(nodes.get(i), "nodes[" + i + "]"));
        }
        sorted.sort(null);
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).equals(sorted.get(i - 1))) {
                throw new IllegalArgumentException(
                        "graph " + collection + ": duplicate node " + sorted.get(i));
            }
        }
        return List.copyOf(sorted);
    }

    private static List<GraphEdge> sortedEdges(
            String collection, Set<Symbol> known, List<GraphEdge> edges) {
        Objects.requireNonNull(edges, "edges");
        List<GraphEdge> sorted = new ArrayList<>(edges.size());
        for (int i = 0; i < edges.size(); i++) {
            GraphEdge e = Objects.requireNonNull(edges.get(i), "edges[" + i + "]");
            if (!known.contains(e.a()) || !known.contains(e.b())) {
                throw new IllegalArgumentException(
                        "graph "
                                + collection
                                + ": edge "
                                + e.a()
                                + "-"
                                + e.b()
                                + " refers to"
                                + " a symbol that is not a node");
            }
            sorted.add(e);
        }
        sorted.sort(null);
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).compareTo(sorted.get(i - 1)) == 0) {
                throw new IllegalArgumentException(
                        "graph "
                                + collection
                                + ": duplicate edge "
                                + sorted.get(i).key(collection));
            }
        }
        return List.copyOf(sorted);
    }

    private static String text(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("graph: " + name + " missing");
        }
        return value;
    }
}
