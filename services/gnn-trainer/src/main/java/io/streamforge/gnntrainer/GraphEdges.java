package io.streamforge.gnntrainer;

import io.streamforge.domain.PermanentException;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.graph.GraphEdge;
import io.streamforge.domain.graph.GraphRecord;
import io.streamforge.domain.port.GraphStore;
import io.streamforge.graph.CorrelationGraph;
import io.streamforge.graph.CorrelationMethod;
import io.streamforge.graph.Correlations;
import io.streamforge.graph.Edge;
import io.streamforge.graph.GraphBuilder;
import io.streamforge.graph.LogReturns;
import io.streamforge.graph.ReturnSeries;
import io.streamforge.graph.WindowInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The undirected edges {i, j} between node indices of a {@link TrainingSeries}, from the stored
 * graph or computed here.
 *
 * @param edges node-index pairs
 * @param source {@code compute} or {@code store:<collection>}
 * @param rule how the edges were chosen (e.g. {@code mst})
 * @param ignoredEdges stored edges whose ends are not both training symbols
 */
public record GraphEdges(int[][] edges, String source, String rule, int ignoredEdges) {

    /**
     * Pearson correlation MST (libs/graph) over the log returns of the first {@code trainFraction}
     * of the steps only, so the graph holds no information from the validation and test periods.
     */
    public static GraphEdges compute(TrainingSeries series, double trainFraction) {
        int steps = Math.max(3, (int) Math.floor(series.steps() * trainFraction));
        if (steps > series.steps()) {
            throw new PermanentException(
                    "too few aligned steps (" + series.steps() + ") to correlate returns");
        }
        double[][] returns = new double[series.symbols().size()][];
        for (int n = 0; n < returns.length; n++) {
            returns[n] = LogReturns.of(Arrays.copyOf(series.close()[n], steps));
        }
        long[] t = series.openTimesUs();
        ReturnSeries rs =
                new ReturnSeries(
                        series.symbols(), returns, new WindowInfo(t[0], t[steps - 1], steps - 1));
        CorrelationGraph mst =
                GraphBuilder.minimumSpanningTree(
                        Correlations.compute(rs, CorrelationMethod.PEARSON));
        Map<Symbol, Integer> index = index(series.symbols());
        int[][] edges = new int[mst.edges().size()][];
        for (int i = 0; i < edges.length; i++) {
            Edge e = mst.edges().get(i);
            edges[i] = new int[] {index.get(e.a()), index.get(e.b())};
        }
        return new GraphEdges(edges, "compute", mst.rule(), 0);
    }

    /**
     * The graph graph-builder stored under {@code collection}; edges to symbols that are not
     * trained on are ignored (counted).
     *
     * @throws PermanentException when the collection holds no graph
     */
    public static GraphEdges fromStore(GraphStore store, String collection, List<Symbol> symbols) {
        GraphRecord g =
                store.load(collection)
                        .orElseThrow(
                                () ->
                                        new PermanentException(
                                                "no graph in GraphStore collection '"
                                                        + collection
                                                        + "' (GRAPH_SOURCE=store; has"
                                                        + " graph-builder run?)"));
        Map<Symbol, Integer> index = index(symbols);
        List<int[]> edges = new ArrayList<>();
        int ignored = 0;
        for (GraphEdge e : g.edges()) {
            Integer a = index.get(e.a());
            Integer b = index.get(e.b());
            if (a == null || b == null) {
                ignored++;
            } else {
                edges.add(new int[] {a, b});
            }
        }
        return new GraphEdges(
                edges.toArray(new int[0][]), "store:" + collection, g.rule(), ignored);
    }

    private static Map<Symbol, Integer> index(List<Symbol> symbols) {
        Map<Symbol, Integer> index = new HashMap<>();
        for (int i = 0; i < symbols.size(); i++) {
            index.put(symbols.get(i), i);
        }
        return index;
    }
}
