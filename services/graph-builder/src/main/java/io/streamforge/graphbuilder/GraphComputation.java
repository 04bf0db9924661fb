package io.streamforge.graphbuilder;

import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import io.streamforge.domain.PermanentException;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.graph.GraphEdge;
import io.streamforge.domain.graph.GraphRecord;
import io.streamforge.domain.graph.GraphWindow;
import io.streamforge.graph.AlignedSeries;
import io.streamforge.graph.AlignmentPolicy;
import io.streamforge.graph.AlignmentReport;
import io.streamforge.graph.CorrelationGraph;
import io.streamforge.graph.CorrelationMatrix;
import io.streamforge.graph.CorrelationMethod;
import io.streamforge.graph.Correlations;
import io.streamforge.graph.SeriesAligner;
import io.streamforge.indicators.CandleAggregation;
import io.streamforge.indicators.GapPolicy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The pure part of graph-builder: candles per symbol → (resample) → align closes → log returns →
 * correlation matrix → graph. Symbols with fewer than {@code minReturns + 1} candles cannot take
 * part and are excluded (and reported); fewer than two remaining symbols, or fewer than {@code
 * minReturns} aligned returns, fail with a {@link PermanentException} that names the numbers.
 */
public final class GraphComputation {
    /** What was computed, plus what the telemetry reports about it. */
    public record Result(
            CorrelationGraph graph,
            AlignmentReport alignment,
            Interval interval,
            Map<Symbol, String> excluded) {

        /** The graph as stored, stamped {@code createdAtUs}. */
        public GraphRecord toRecord(String collection, long createdAtUs) {
            List<GraphEdge> edges =
                    graph.edges().stream()
                            .map(e -> new GraphEdge(e.a(), e.b(), e.rho(), e.distance()))
                            .toList();
            var w = graph.window();
            return new GraphRecord(
                    collection,
                    graph.nodes(),
                    edges,
                    graph.method().code(),
                    graph.rule(),
                    new GraphWindow(
                            interval, w.fromOpenTimeUs(), w.toOpenTimeUs(), w.returnCount()),
                    createdAtUs);
        }

        /** Telemetry {@code extra}: graph size, method, rule and the alignment numbers. */
        public Map<String, Object> summary() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("node_count", graph.nodes().size());
            out.put("edge_count", graph.edges().size());
            out.put("method", graph.method().code());
            out.put("rule", graph.rule());
            out.put("interval", interval.code());
            out.put("return_count", graph.window().returnCount());
            out.put("window_from_us", graph.window().fromOpenTimeUs());
            out.put("window_to_us", graph.window().toOpenTimeUs());
            out.put("union_times", alignment.unionTimes());
            out.put("kept_times", alignment.keptTimes());
            out.put("dropped_times", alignment.droppedTimes());
            out.put("filled_total", alignment.filledTotal());
            out.put("wider_steps", alignment.widerSteps());
            out.put("missing_per_symbol", names(alignment.missingPerSymbol()));
            out.put("excluded_symbols", names(excluded));
            return out;
        }

        private static <V> Map<String, V> names(Map<Symbol, V> bySymbol) {
            Map<String, V> out = new TreeMap<>();
            bySymbol.forEach((s, v) -> out.put(s.value(), v));
            return out;
        }
    }

    private GraphComputation() {}

    /**
     * Computes the graph of {@code candles} (one list per symbol, all of interval {@code source}),
     * resampled to {@code target} when it differs from {@code source}.
     */
    public static Result compute(
            Map<Symbol, List<Candle>> candles,
            Interval source,
            Interval target,
            CorrelationMethod method,
            GraphRule rule,
            AlignmentPolicy policy,
            int minReturns) {
        Map<Symbol, List<Candle>> usable = new TreeMap<>();
        Map<Symbol, String> excluded = new TreeMap<>();
        candles.forEach(
                (symbol, list) -> {
                    List<Candle> series =
                            target == source
                                    ? list
                                    : CandleAggregation.resample(list, target, GapPolicy.SKIP);
                    if (series.size() > minReturns) {
                        usable.put(symbol, series);
                    } else {
                        excluded.put(
                                symbol,
                                series.size()
                                        + " "
                                        + target.code()
                                        + " candles, need "
                                        + (minReturns + 1));
                    }
                });
        if (usable.size() < 2) {
            throw new PermanentException(
                    "graph needs at least 2 symbols with more than "
                            + minReturns
                            + " "
                            + target.code()
                            + " candles, got "
                            + usable.size()
                            + " "
                            + usable.keySet()
                            + "; excluded: "
                            + excluded);
        }
        AlignedSeries aligned = SeriesAligner.align(usable, policy);
        AlignmentReport report = aligned.report();
        int returns = Math.max(0, aligned.length() - 1);
        if (returns < minReturns) {
            throw new PermanentException(
                    "too few aligned points: "
                            + returns
                            + " common returns of "
                            + usable.keySet()
                            + " (union "
                            + report.unionTimes()
                            + " times, "
                            + report.droppedTimes()
                            + " dropped; missing per symbol "
                            + report.missingPerSymbol()
                            + "), need MIN_RETURNS="
                            + minReturns);
        }
        CorrelationMatrix matrix;
        try {
            matrix = Correlations.compute(aligned.logReturns(), method);
        } catch (IllegalArgumentException e) {
            throw new PermanentException("correlation failed: " + e.getMessage(), e);
        }
        CorrelationGraph graph = rule.apply(matrix);
        return new Result(graph, report, target, excluded);
    }
}
