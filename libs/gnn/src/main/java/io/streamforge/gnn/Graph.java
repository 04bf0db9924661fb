package io.streamforge.gnn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Undirected graph over node indices 0..n-1 with self-loops added, stored as padded neighbour lists
 * (ELL layout: every node gets {@link #maxDegree()} slots, unused slots masked) which is what the
 * GATv2 layer gathers from.
 */
public final class Graph {
    private final int nodeCount;
    private final int[][] neighbours;
    private final int maxDegree;

    private Graph(int nodeCount, int[][] neighbours) {
        this.nodeCount = nodeCount;
        this.neighbours = neighbours;
        this.maxDegree = Arrays.stream(neighbours).mapToInt(a -> a.length).max().orElse(0);
    }

    /**
     * Builds the graph from an edge list {@code {{i, j}, ...}} (direction ignored; duplicates and
     * explicit self-loops allowed). Every node gets a self-loop.
     */
    public static Graph of(int nodeCount, int[][] edges) {
        if (nodeCount < 1) {
            throw new IllegalArgumentException(
                    "empty graph: nodeCount must be >= 1, got " + nodeCount);
        }
        if (edges == null) {
            throw new IllegalArgumentException("edges must not be null (use new int[0][2])");
        }
        List<TreeSet<Integer>> adj = new ArrayList<>(nodeCount);
        for (int i = 0; i < nodeCount; i++) {
            TreeSet<Integer> set = new TreeSet<>();
            set.add(i);
            adj.add(set);
        }
        for (int e = 0; e < edges.length; e++) {
            int[] edge = edges[e];
            if (edge == null || edge.length != 2) {
                throw new IllegalArgumentException(
                        "edge " + e + " must have exactly 2 node indices");
            }
            for (int v : edge) {
                if (v < 0 || v >= nodeCount) {
                    throw new IllegalArgumentException(
                            "edge "
                                    + e
                                    + " "
                                    + Arrays.toString(edge)
                                    + ": node index out of range [0, "
                                    + nodeCount
                                    + ")");
                }
            }
            adj.get(edge[0]).add(edge[1]);
            adj.get(edge[1]).add(edge[0]);
        }
        int[][] nbrs = new int[nodeCount][];
        for (int i = 0; i < nodeCount; i++) {
            nbrs[i] = adj.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        return new Graph(nodeCount, nbrs);
    }

    public int nodeCount() {
        return nodeCount;
    }

    /** Largest neighbourhood size, self included. */
    public int maxDegree() {
        return maxDegree;
    }

    /** Sorted neighbour indices of node i, self included. */
    public int[] neighbours(int i) {
        return neighbours[i].clone();
    }

    /** Undirected edges {i, j} with i &lt; j (self-loops omitted), for persistence. */
    public int[][] edges() {
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < nodeCount; i++) {
            for (int j : neighbours[i]) {
                if (i < j) {
                    out.add(new int[] {i, j});
                }
            }
        }
        return out.toArray(new int[0][]);
    }

    /** Row-major [node][slot] neighbour index table; padding slots point to the node itself. */
    long[] paddedNeighbourIndex() {
        long[] idx = new long[nodeCount * maxDegree];
        for (int i = 0; i < nodeCount; i++) {
            for (int k = 0; k < maxDegree; k++) {
                idx[i * maxDegree + k] = k < neighbours[i].length ? neighbours[i][k] : i;
            }
        }
        return idx;
    }

    /** Row-major [node][slot]: 0 for a real neighbour, a large negative number for padding. */
    float[] paddingMaskBias() {
        float[] mask = new float[nodeCount * maxDegree];
        for (int i = 0; i < nodeCount; i++) {
            for (int k = neighbours[i].length; k < maxDegree; k++) {
                mask[i * maxDegree + k] = -1e9f;
            }
        }
        return mask;
    }
}
