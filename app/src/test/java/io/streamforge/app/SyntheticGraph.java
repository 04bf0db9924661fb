package io.streamforge.app;

import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.graph.GraphEdge;
import io.streamforge.domain.graph.GraphRecord;
import io.streamforge.domain.graph.GraphWindow;
import io.streamforge.graph.CorrelationGraph;
import io.streamforge.graph.CorrelationMatrix;
import io.streamforge.graph.CorrelationMethod;
import io.streamforge.graph.Correlations;
import io.streamforge.graph.GraphBuilder;
import io.streamforge.graph.ReturnSeries;
import io.streamforge.graph.Strength;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A correlation graph of many symbols for UI tests: returns from a factor model (10 sectors, each
 * symbol = its sector's factor + noise), their Pearson matrix and its top-3 graph, all from
 * libs/graph — the same code graph-builder uses — so the shape is a real correlation graph.
 */
final class SyntheticGraph {
    private SyntheticGraph() {}

    static GraphRecord of(String collection, int symbols, long seed) {
        Random rnd = new Random(seed);
        int points = 200;
        int sectors = 10;
        double[][] factors = new double[sectors][points];
        for (double[] f : factors) {
            for (int t = 0; t < points; t++) {
                f[t] = rnd.nextGaussian();
            }
        }
        List<Symbol> names = new ArrayList<>();
        double[][] returns = new double[symbols][points];
        for (int s = 0; s < symbols; s++) {
            names.add(Symbol.of(String.format("SYM%03dUSDT", s)));
            double beta = 0.5 + rnd.nextDouble();
            for (int t = 0; t < points; t++) {
                returns[s][t] = beta * factors[s % sectors][t] + rnd.nextGaussian();
            }
        }
        CorrelationMatrix m =
                Correlations.compute(ReturnSeries.of(names, returns), CorrelationMethod.PEARSON);
        CorrelationGraph g = GraphBuilder.topK(m, 3, Strength.ABSOLUTE);
        List<GraphEdge> edges =
                g.edges().stream()
                        .map(e -> new GraphEdge(e.a(), e.b(), e.rho(), e.distance()))
                        .toList();
        return new GraphRecord(
                collection,
                g.nodes(),
                edges,
                g.method().code(),
                g.rule(),
                new GraphWindow(Interval.H1, 0L, (points - 1) * 3_600_000_000L, points),
                1_717_200_000_000_000L);
    }
}
