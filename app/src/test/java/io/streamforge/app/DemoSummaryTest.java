package io.streamforge.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamforge.app.cli.Progress;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.graph.GraphEdge;
import io.streamforge.domain.graph.GraphRecord;
import io.streamforge.domain.graph.GraphWindow;
import io.streamforge.kafka.TelemetryEvent;
import io.streamforge.testkit.InMemoryGraphStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tables the demo ends with, from a graph store (in-memory fake) and telemetry events. */
class DemoSummaryTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final DemoSummary summary =
            new DemoSummary(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static TelemetryEvent event(String target, String status, Map<String, Object> extra) {
        return new TelemetryEvent(
                1,
                "q",
                target + "__s",
                target,
                null,
                target,
                status,
                "",
                0,
                status.equals("finished"),
                0,
                null,
                extra);
    }

    @Test
    void theGraphTableListsTheStrongestEdgesFirstAndAtMostTwenty() {
        InMemoryGraphStore graphs = new InMemoryGraphStore();
        List<Symbol> nodes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            nodes.add(Symbol.of("S" + (char) ('A' + i) + "USDT"));
        }
        List<GraphEdge> edges = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            for (int j = i + 1; j < nodes.size(); j++) {
                double rho = ((i * 8 + j) % 19) / 20.0 - 0.45;
                edges.add(new GraphEdge(nodes.get(i), nodes.get(j), rho, Math.sqrt(2 * (1 - rho))));
            }
        }
        graphs.save(
                new GraphRecord(
                        "q1",
                        nodes,
                        edges,
                        "pearson",
                        "threshold",
                        new GraphWindow(Interval.of("1h"), 0, 3_600_000_000L, 10),
                        0));
        summary.graph(graphs, "q1");
        String out = printed();
        assertThat(out)
                .contains(
                        "Correlation graph 'q1': 8 nodes, 28 edges (pearson, threshold); the 20 strongest:");
        GraphEdge strongest =
                edges.stream()
                        .max(java.util.Comparator.comparingDouble(e -> Math.abs(e.rho())))
                        .orElseThrow();
        String firstRow = out.lines().filter(l -> l.contains("USDT")).findFirst().orElseThrow();
        assertThat(firstRow).contains(strongest.a().value()).contains(strongest.b().value());
        long rows = out.lines().filter(l -> l.contains("USDT")).count();
        assertThat(rows).isEqualTo(20);
    }

    @Test
    void aMissingGraphIsSaidPlainly() {
        summary.graph(new InMemoryGraphStore(), "nope");
        summary.graph(new InMemoryGraphStore(), "");
        assertThat(printed())
                .contains("No correlation graph stored for 'nope'")
                .contains("No correlation graph stored for ''");
    }

    @Test
    void timingsShowEveryStepWithItsRate() {
        summary.timings(
                List.of(
                        new Progress.Step("loader-api-candles", "finished", 1000, 1000, 2.0),
                        new Progress.Step("graph-builder", "pending", 0, -1, 0)));
        String out = printed();
        assertThat(out).contains("Steps (times as seen by polling the API every 0.2 s)");
        assertThat(
                        out.lines()
                                .filter(l -> l.contains("loader-api-candles"))
                                .findFirst()
                                .orElseThrow())
                .contains("finished")
                .contains("2.0")
                .contains("500");
        assertThat(out).contains("graph-builder");
    }

    @Test
    void theModelTableComesFromTheTrainersFinishedEventOnly() {
        Map<String, Object> x = new java.util.HashMap<>();
        x.put("model_uri", "s3://streamforge/models/m/run-1/");
        x.put("test_accuracy", 0.61);
        x.put("majority_accuracy", 0.4);
        x.put("persistence_accuracy", 0.5);
        x.put("macro_f1_margin_over_baselines", 0.12345);
        x.put("epochs_run", 12);
        x.put("best_epoch", 7);
        summary.model(
                List.of(
                        event("gnn-trainer", "loading", Map.of("test_accuracy", 0.1)),
                        event("graph-builder", "finished", Map.of("test_accuracy", 0.2)),
                        event("gnn-trainer", "finished", x)));
        String out = printed();
        assertThat(out).contains("Model s3://streamforge/models/m/run-1/");
        assertThat(out).contains("0.61").doesNotContain("0.1 ").doesNotContain("0.2 ");
        assertThat(out)
                .contains("macro-F1 margin over the better baseline: 0.123; epochs 12 (best 7)");
    }

    @Test
    void anUnknownMarginIsADash() {
        summary.model(List.of(event("gnn-trainer", "finished", Map.of("epochs_run", 1))));
        assertThat(printed())
                .contains("Model ?")
                .contains("macro-F1 margin over the better baseline: -; epochs 1 (best null)");
    }
}
