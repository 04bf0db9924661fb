package io.streamforge.graph;

import io.streamforge.domain.Symbol;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jgrapht.Graph;
import org.jgrapht.alg.spanning.KruskalMinimumSpanningTree;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;

/**
 * Builds {@link CorrelationGraph}s from a {@link CorrelationMatrix}. Every graph keeps all symbols
 * as nodes; edges are sorted by (index of a, index of b) in the matrix order, with a before b.
 */
public final class GraphBuilder {
    private GraphBuilder() {}

    /**
     * Edges whose strength is at least {@code minStrength}: {@code |rho| >= t} for {@link
     * Strength#ABSOLUTE} (t in [0, 1]) or {@code rho >= t} for {@link Strength#SIGNED} (t in [-1,
     * 1]).
     */
    public static CorrelationGraph threshold(
            CorrelationMatrix m, double minStrength, Strength strength) {
        Objects.requireNonNull(m, "matrix");
        Objects.requireNonNull(strength, "strength");
        double lowest = strength == Strength.ABSOLUTE ? 0.0 : -1.0;
        if (!(minStrength >= lowest && minStrength <= 1.0)) {
            throw new IllegalArgumentException(
                    "threshold for "
                            + strength.label()
                            + " must be in ["
                            + lowest
                            + ", 1], got "
                            + minStrength);
        }
        int n = m.size();
        List<Edge> edges = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (strength.of(m.get(i, j)) >= minStrength) {
                    edges.add(edge(m, i, j));
                }
            }
        }
        String rule = "threshold(" + strength.label() + ">=" + minStrength + ")";
        return new CorrelationGraph(m.symbols(), edges, m.method(), m.window(), rule);
    }

    /**
     * For every node its {@code k} strongest neighbours (ties: lower index first); an edge is kept
     * when either end selected it (symmetric union), so a node can end up with more than k edges.
     */
    public static CorrelationGraph topK(CorrelationMatrix m, int k, Strength strength) {
        Objects.requireNonNull(m, "matrix");
        Objects.requireNonNull(strength, "strength");
        if (k < 1) {
            throw new IllegalArgumentException("top-k: k must be >= 1, got " + k);
        }
        int n = m.size();
        boolean[][] keep = new boolean[n][n];
        for (int i = 0; i < n; i++) {
            final int row = i;
            Integer[] others = new Integer[n - 1];
            for (int j = 0, o = 0; j < n; j++) {
                if (j != i) {
                    others[o++] = j;
                }
            }
            Arrays.sort(
                    others,
                    Comparator.comparingDouble((Integer j) -> -strength.of(m.get(row, j)))
                            .thenComparingInt(j -> j));
            for (int r = 0; r < Math.min(k, others.length); r++) {
                int j = others[r];
                keep[Math.min(i, j)][Math.max(i, j)] = true;
            }
        }
        List<Edge> edges = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (keep[i][j]) {
                    edges.add(edge(m, i, j));
                }
            }
        }
        String rule = "top-k(" + k + "," + strength.label() + ")";
        return new CorrelationGraph(m.symbols(), edges, m.method(), m.window(), rule);
    }

    /**
     * Minimum spanning tree on the distance {@code sqrt(2 (1 - rho))} (Kruskal, JGraphT): n - 1
     * edges for n nodes; equal distances are resolved by (a, b) index order, so it is
     * deterministic. Strongly negative pairs are far apart and rarely in the tree.
     */
    public static CorrelationGraph minimumSpanningTree(CorrelationMatrix m) {
        Objects.requireNonNull(m, "matrix");
        int n = m.size();
        Graph<Integer, DefaultWeightedEdge> g =
                new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
        for (int i = 0; i < n; i++) {
            g.addVertex(i);
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                g.setEdgeWeight(g.addEdge(i, j), m.distance(i, j));
            }
        }
        List<int[]> pairs = new ArrayList<>();
        for (DefaultWeightedEdge e : new KruskalMinimumSpanningTree<>(g).getSpanningTree()) {
            int s = g.getEdgeSource(e);
            int t = g.getEdgeTarget(e);
            pairs.add(new int[] {Math.min(s, t), Math.max(s, t)});
        }
        pairs.sort(Comparator.<int[]>comparingInt(p -> p[0]).thenComparingInt(p -> p[1]));
        List<Edge> edges = new ArrayList<>(pairs.size());
        for (int[] p : pairs) {
            edges.add(edge(m, p[0], p[1]));
        }
        return new CorrelationGraph(m.symbols(), edges, m.method(), m.window(), "mst");
    }

    private static Edge edge(CorrelationMatrix m, int i, int j) {
        List<Symbol> s = m.symbols();
        return new Edge(s.get(i), s.get(j), m.get(i, j), m.distance(i, j));
    }
}
