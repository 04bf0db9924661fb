package io.streamforge.domain.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stored graph normalises its content and refuses inconsistent graphs with the reason. */
class GraphRecordTest {
    private static final Symbol BTC = Symbol.of("BTCUSDT");
    private static final Symbol ETH = Symbol.of("ETHUSDT");
    private static final Symbol SOL = Symbol.of("SOLUSDT");
    private static final GraphWindow WINDOW =
            new GraphWindow(Interval.of("1h"), 0, 3_600_000_000L, 24);

    private static GraphRecord graph(List<Symbol> nodes, List<GraphEdge> edges) {
        return new GraphRecord("q1", nodes, edges, "pearson", "mst", WINDOW, 7);
    }

    @Test
    void nodesAndEdgesAreSortedSoEqualContentIsEqual() {
        GraphRecord a =
                graph(
                        List.of(SOL, BTC, ETH),
                        List.of(
                                new GraphEdge(SOL, ETH, 0.5, 1.0),
                                new GraphEdge(ETH, BTC, 0.9, 0.4)));
        GraphRecord b =
                graph(
                        List.of(BTC, ETH, SOL),
                        List.of(
                                new GraphEdge(BTC, ETH, 0.9, 0.4),
                                new GraphEdge(ETH, SOL, 0.5, 1.0)));
        assertThat(a).isEqualTo(b);
        assertThat(a.nodes()).containsExactly(BTC, ETH, SOL);
        assertThat(a.edges())
                .extracting(e -> e.key("q1"))
                .containsExactly("q1:BTCUSDT:ETHUSDT", "q1:ETHUSDT:SOLUSDT");
    }

    @Test
    void sameContentIgnoresOnlyTheCreationTime() {
        GraphRecord a = graph(List.of(BTC, ETH), List.of(new GraphEdge(BTC, ETH, 0.9, 0.4)));
        assertThat(a.sameContent(a.withCreatedAtUs(99))).isTrue();
        assertThat(a.equals(a.withCreatedAtUs(99))).isFalse();
        assertThat(a.sameContent(graph(List.of(BTC, ETH), List.of()))).isFalse();
        assertThat(a.sameContent(null)).isFalse();
    }

    @Test
    void anEdgeToASymbolThatIsNoNodeIsRefused() {
        assertThatThrownBy(
                        () -> graph(List.of(BTC, ETH), List.of(new GraphEdge(BTC, SOL, 0.1, 1.3))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("graph q1: edge BTCUSDT-SOLUSDT refers to a symbol that is not a node");
    }

    @Test
    void duplicateNodesAndEdgesAreRefusedWhicheverWayTheyAreWritten() {
        assertThatThrownBy(() -> graph(List.of(BTC, ETH, BTC), List.of()))
                .hasMessage("graph q1: duplicate node BTCUSDT");
        assertThatThrownBy(
                        () ->
                                graph(
                                        List.of(BTC, ETH),
                                        List.of(
                                                new GraphEdge(BTC, ETH, 0.9, 0.4),
                                                new GraphEdge(ETH, BTC, 0.8, 0.6))))
                .hasMessage("graph q1: duplicate edge q1:BTCUSDT:ETHUSDT");
    }

    @Test
    void collectionNamesFollowTheStoreKeyRules() {
        assertThat(GraphRecord.checkCollection("hourly_graph-2.v1")).isEqualTo("hourly_graph-2.v1");
        for (String bad : new String[] {"", "_x", "a:b", "a b", "x".repeat(201)}) {
            assertThatThrownBy(() -> GraphRecord.checkCollection(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("expected 1-200 of [A-Za-z0-9_.-]");
        }
        assertThatThrownBy(() -> GraphRecord.checkCollection(null)).hasMessageContaining("'null'");
        assertThat(GraphRecord.checkCollection("x".repeat(200))).hasSize(200);
    }

    @Test
    void methodAndRuleMustBeNamedAndNullsAreNamed() {
        assertThatThrownBy(
                        () -> new GraphRecord("q1", List.of(BTC), List.of(), " ", "mst", WINDOW, 0))
                .hasMessage("graph: method missing");
        assertThatThrownBy(
                        () ->
                                new GraphRecord(
                                        "q1", List.of(BTC), List.of(), "pearson", null, WINDOW, 0))
                .hasMessage("graph: rule missing");
        assertThatThrownBy(
                        () ->
                                new GraphRecord(
                                        "q1", List.of(BTC), List.of(), "pearson", "mst", null, 0))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("window");
        assertThatThrownBy(() -> graph(java.util.Arrays.asList(BTC, null), List.of()))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("nodes[1]");
    }

    @Test
    void anEdgeIsUndirectedBoundedAndNeverASelfLoop() {
        GraphEdge e = new GraphEdge(ETH, BTC, -1.0, 2.0);
        assertThat(e.a()).isEqualTo(BTC);
        assertThat(e.b()).isEqualTo(ETH);
        assertThat(e.compareTo(new GraphEdge(BTC, ETH, 0.3, 1.0))).isZero();
        assertThat(e.compareTo(new GraphEdge(BTC, SOL, 0.3, 1.0))).isNegative();
        assertThatThrownBy(() -> new GraphEdge(BTC, BTC, 1, 0))
                .hasMessage("edge BTCUSDT-BTCUSDT: self-loop");
        assertThatThrownBy(() -> new GraphEdge(BTC, ETH, 1.01, 0))
                .hasMessage("edge BTCUSDT-ETHUSDT: rho must be in [-1, 1], got 1.01");
        assertThatThrownBy(() -> new GraphEdge(BTC, ETH, Double.NaN, 0))
                .hasMessageContaining("rho must be in");
        assertThatThrownBy(() -> new GraphEdge(BTC, ETH, 0.5, -0.1))
                .hasMessage("edge BTCUSDT-ETHUSDT: distance must be finite and >= 0, got -0.1");
        assertThatThrownBy(() -> new GraphEdge(BTC, ETH, 0.5, Double.POSITIVE_INFINITY))
                .hasMessageContaining("distance must be finite");
    }

    @Test
    void aWindowEndsAfterItStartsAndCountsNoNegativeReturns() {
        assertThatThrownBy(() -> new GraphWindow(Interval.of("1m"), 10, 9, 1))
                .hasMessage("window: to_open_time_us 9 before from_open_time_us 10");
        assertThatThrownBy(() -> new GraphWindow(Interval.of("1m"), 0, 0, -1))
                .hasMessage("window: return_count negative: -1");
        assertThat(new GraphWindow(Interval.of("1m"), 5, 5, 0).returnCount()).isZero();
    }
}
