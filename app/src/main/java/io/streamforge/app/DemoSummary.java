package io.streamforge.app;

import io.streamforge.app.cli.Progress;
import io.streamforge.app.cli.Table;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.graph.GraphEdge;
import io.streamforge.domain.graph.GraphRecord;
import io.streamforge.domain.port.GraphStore;
import io.streamforge.domain.port.MarketDataStore;
import io.streamforge.kafka.TelemetryEvent;
import java.io.PrintStream;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The tables the demo ends with: records per symbol and kind, timings per step, the correlation
 * graph's edges, the model's test metrics against the baselines.
 */
final class DemoSummary {
    private static final int MAX_EDGES = 20;

    private final PrintStream out;

    DemoSummary(PrintStream out) {
        this.out = out;
    }

    DemoCommand.Result records(
            MarketDataStore store,
            DemoCommand.Options o,
            String queueId,
            String status,
            double seconds) {
        TimeRange range = TimeRange.parseDays(o.timeRange());
        Interval interval = Interval.of(o.interval());
        Map<String, long[]> counts = new LinkedHashMap<>();
        Table t = new Table("symbol", "candles " + interval.code(), "aggTrades", "records");
        long candles = 0;
        long trades = 0;
        for (Symbol s : o.symbols()) {
            long c = store.candles(s, interval, range).size();
            long a = store.aggTrades(s, range).size();
            counts.put(s.value(), new long[] {c, a});
            candles += c;
            trades += a;
            t.row(s.value(), c, a, c + a);
        }
        long total = candles + trades;
        t.row("total", candles, trades, total);
        out.printf("%nRecords stored (PostgreSQL), queue %s %s%n", queueId, status);
        out.print(t.render());
        out.printf(
                "%,d records; whole pipeline %s%s (%,.0f records/s over it)%n",
                total,
                Progress.duration(seconds),
                o.analytics() ? " incl. graph-builder and gnn-trainer" : "",
                total / Math.max(seconds, 1e-9));
        return new DemoCommand.Result(queueId, status, counts, total, seconds);
    }

    void timings(List<Progress.Step> steps) {
        Table t = new Table("step", "status", "records", "seconds", "records/s");
        for (Progress.Step s : steps) {
            t.row(
                    s.name(),
                    s.status(),
                    s.done(),
                    String.format(Locale.ROOT, "%.1f", s.seconds()),
                    Math.round(s.rate()));
        }
        out.printf("%nSteps (times as seen by polling the API every 0.2 s)%n");
        out.print(t.render());
    }

    void graph(GraphStore graphs, String collection) {
        Optional<GraphRecord> g = collection.isEmpty() ? Optional.empty() : graphs.load(collection);
        if (g.isEmpty()) {
            out.printf("%nNo correlation graph stored for '%s'%n", collection);
            return;
        }
        GraphRecord graph = g.get();
        List<GraphEdge> edges =
                graph.edges().stream()
                        .sorted(Comparator.comparingDouble((GraphEdge e) -> -Math.abs(e.rho())))
                        .toList();
        Table t = new Table("symbol a", "symbol b", "rho", "distance");
        edges.stream()
                .limit(MAX_EDGES)
                .forEach(e -> t.row(e.a().value(), e.b().value(), e.rho(), e.distance()));
        out.printf(
                "%nCorrelation graph '%s': %d nodes, %d edges (%s, %s)%s%n",
                graph.collection(),
                graph.nodes().size(),
                edges.size(),
                graph.method(),
                graph.rule(),
                edges.size() > MAX_EDGES ? "; the " + MAX_EDGES + " strongest:" : "");
        out.print(t.render());
    }

    void model(List<TelemetryEvent> events) {
        for (TelemetryEvent e : events) {
            if (e.target().equals("gnn-trainer")
                    && e.status().equals("finished")
                    && e.extra() != null) {
                Map<String, Object> x = e.extra();
                Table t = new Table("metric", "model (test)", "majority", "persistence");
                for (String m : List.of("accuracy", "macro_f1", "samples")) {
                    t.row(m, x.get("test_" + m), x.get("majority_" + m), x.get("persistence_" + m));
                }
                out.printf("%nModel %s%n", x.getOrDefault("model_uri", "?"));
                out.print(t.render());
                out.printf(
                        "macro-F1 margin over the better baseline: %s; epochs %s (best %s)%n",
                        decimal(x.get("macro_f1_margin_over_baselines")),
                        x.get("epochs_run"),
                        x.get("best_epoch"));
            }
        }
    }

    private static String decimal(Object v) {
        return v instanceof Number n ? String.format(Locale.ROOT, "%.3f", n.doubleValue()) : "-";
    }
}
