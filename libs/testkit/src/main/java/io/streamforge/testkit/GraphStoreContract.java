package io.streamforge.testkit;

import static io.streamforge.testkit.Fixtures.T0_US;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.graph.GraphEdge;
import io.streamforge.domain.graph.GraphRecord;
import io.streamforge.domain.graph.GraphWindow;
import io.streamforge.domain.port.GraphStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Behaviour every {@link GraphStore} must show. Subclass it and return a new, empty store from
 * {@link #newStore()} (called before each test).
 */
public abstract class GraphStoreContract {
    private static final Symbol A = Symbol.of("AAAUSDT");
    private static final Symbol B = Symbol.of("BBBUSDT");
    private static final Symbol C = Symbol.of("CCCUSDT");
    private static final Symbol D = Symbol.of("DDDUSDT");
    private static final GraphWindow WINDOW =
            new GraphWindow(Interval.H1, T0_US, T0_US + 99 * 3_600_000_000L, 99);

    protected GraphStore store;

    /** A store with no graphs in it. */
    protected abstract GraphStore newStore();

    @BeforeEach
    void freshStore() {
        store = newStore();
    }

    /** A graph over {@code nodes} with the given edges, stamped {@code createdAtUs}. */
    protected static GraphRecord graph(
            String collection, List<Symbol> nodes, List<GraphEdge> edges, long createdAtUs) {
        return new GraphRecord(collection, nodes, edges, "pearson", "mst", WINDOW, createdAtUs);
    }

    protected static GraphEdge edge(Symbol a, Symbol b, double rho) {
        return new GraphEdge(a, b, rho, Math.sqrt(2 * (1 - rho)));
    }

    @Test
    void aSavedGraphLoadsBackWithEveryField() {
        // isolated node D, awkward doubles, nodes and edges given out of order
        GraphRecord g =
                new GraphRecord(
                        "q-graph_1.v2",
                        List.of(C, A, D, B),
                        List.of(
                                edge(C, B, -0.9999999999999999),
                                edge(A, B, 0.1 + 0.2),
                                new GraphEdge(A, C, 4.9e-324, Math.sqrt(2.0))),
                        "spearman",
                        "threshold(|rho|>=0)",
                        WINDOW,
                        T0_US + 7);
        assertThat(store.save(g)).isTrue();
        GraphRecord loaded = store.load("q-graph_1.v2").orElseThrow();
        assertThat(loaded).isEqualTo(g);
        assertThat(loaded.nodes()).containsExactly(A, B, C, D);
        assertThat(loaded.edges())
                .extracting(e -> e.key("q-graph_1.v2"))
                .containsExactly(
                        "q-graph_1.v2:AAAUSDT:BBBUSDT",
                        "q-graph_1.v2:AAAUSDT:CCCUSDT",
                        "q-graph_1.v2:BBBUSDT:CCCUSDT");
        assertThat(loaded.edges().get(0).rho()).isEqualTo(0.30000000000000004);
        assertThat(loaded.edges().get(1).rho()).isEqualTo(Double.MIN_VALUE);
    }

    @Test
    void anUnknownCollectionIsEmpty() {
        assertThat(store.load("nothing-here")).isEmpty();
        assertThat(store.collections()).isEmpty();
    }

    @Test
    void savingTheSameGraphAgainChangesNothing() {
        GraphRecord g =
                graph("q1", List.of(A, B, C), List.of(edge(A, B, 0.5), edge(B, C, 0.7)), 10);
        assertThat(store.save(g)).isTrue();
        assertThat(store.save(g)).isFalse();
        assertThat(store.save(g.withCreatedAtUs(99))).isFalse();
        assertThat(store.load("q1")).contains(g);
        assertThat(store.collections()).containsExactly("q1");
    }

    @Test
    void aNewGraphReplacesTheOldOneCompletely() {
        store.save(graph("q1", List.of(A, B, C), List.of(edge(A, B, 0.5), edge(B, C, 0.7)), 10));
        GraphRecord next = graph("q1", List.of(A, B, D), List.of(edge(D, A, -0.25)), 20);
        assertThat(store.save(next)).isTrue();
        GraphRecord loaded = store.load("q1").orElseThrow();
        assertThat(loaded).isEqualTo(next);
        assertThat(loaded.nodes()).doesNotContain(C);
        assertThat(loaded.edges()).containsExactly(edge(A, D, -0.25));
    }

    @Test
    void changedMetadataAloneIsANewGraph() {
        List<GraphEdge> edges = List.of(edge(A, B, 0.5));
        store.save(graph("q1", List.of(A, B), edges, 10));
        GraphRecord other =
                new GraphRecord(
                        "q1",
                        List.of(A, B),
                        edges,
                        "pearson",
                        "top-k(1,|rho|)",
                        new GraphWindow(Interval.M1, T0_US, T0_US + 60_000_000L, 1),
                        20);
        assertThat(store.save(other)).isTrue();
        assertThat(store.load("q1")).contains(other);
        GraphRecord rhoChanged = graph("q1", List.of(A, B), List.of(edge(A, B, 0.5000001)), 30);
        assertThat(store.save(rhoChanged)).isTrue();
        assertThat(store.load("q1")).contains(rhoChanged);
    }

    @Test
    void collectionsAreIndependent() {
        GraphRecord one = graph("q-one", List.of(A, B, C), List.of(edge(A, B, 0.5)), 10);
        GraphRecord two = graph("q-two", List.of(A, B), List.of(edge(A, B, 0.9)), 11);
        store.save(two);
        store.save(one);
        store.save(graph("q-one", List.of(A), List.of(), 12));
        assertThat(store.load("q-two")).contains(two);
        assertThat(store.load("q-one").orElseThrow().edges()).isEmpty();
        assertThat(store.collections()).containsExactly("q-one", "q-two");
    }

    @Test
    void aGraphWithoutEdgesOrNodesIsStored() {
        GraphRecord nodesOnly = graph("q-iso", List.of(A, B), List.of(), 5);
        GraphRecord empty = graph("q-empty", List.of(), List.of(), 6);
        store.save(nodesOnly);
        store.save(empty);
        assertThat(store.load("q-iso")).contains(nodesOnly);
        assertThat(store.load("q-empty")).contains(empty);
    }

    @Test
    void aCompleteGraphOf120NodesRoundTrips() {
        List<Symbol> nodes = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            nodes.add(Symbol.of(String.format("S%03dUSDT", i)));
        }
        List<GraphEdge> edges = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            for (int j = i + 1; j < nodes.size(); j++) {
                edges.add(edge(nodes.get(i), nodes.get(j), Math.sin(i * 131.0 + j)));
            }
        }
        GraphRecord g = graph("q-big", nodes, edges, 1);
        assertThat(store.save(g)).isTrue();
        assertThat(store.load("q-big")).contains(g);
        assertThat(store.load("q-big").orElseThrow().edges()).hasSize(120 * 119 / 2);
    }

    @Test
    void concurrentSavesLeaveOneCompleteGraph() throws Exception {
        List<GraphRecord> candidates = new ArrayList<>();
        for (int k = 0; k < 6; k++) {
            Symbol extra = Symbol.of("X" + k + "USDT");
            candidates.add(
                    graph(
                            "q-race",
                            List.of(A, B, C, extra),
                            List.of(edge(A, extra, 0.1 * k), edge(B, C, -0.1 * k)),
                            k));
        }
        ExecutorService pool = Executors.newFixedThreadPool(candidates.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (GraphRecord g : candidates) {
                results.add(
                        pool.submit(
                                () -> {
                                    go.await();
                                    return store.save(g);
                                }));
            }
            go.countDown();
            for (Future<Boolean> f : results) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(candidates).contains(store.load("q-race").orElseThrow());
    }

    @Test
    void badInputIsRejected() {
        assertThatThrownBy(() -> store.save(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> store.load("bad:name"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad:name");
        assertThatThrownBy(() -> graph("q", List.of(A), List.of(edge(A, B, 0.5)), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("AAAUSDT-BBBUSDT");
        assertThatThrownBy(
                        () ->
                                graph(
                                        "q",
                                        List.of(A, B),
                                        List.of(edge(A, B, 0.5), edge(B, A, 0.4)),
                                        1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duplicate edge q:AAAUSDT:BBBUSDT");
        assertThatThrownBy(() -> graph("q", List.of(A, A), List.of(), 1))
                .hasMessageContaining("duplicate node AAAUSDT");
        assertThatThrownBy(() -> new GraphEdge(A, B, Double.NaN, 1)).hasMessageContaining("rho");
        assertThatThrownBy(() -> new GraphEdge(A, A, 1, 0)).hasMessageContaining("self-loop");
        assertThat(store.collections()).isEmpty();
    }

    @Test
    void edgeKeysAreDeterministic() {
        assertThat(new GraphEdge(B, A, 0.5, 1.0)).isEqualTo(new GraphEdge(A, B, 0.5, 1.0));
        assertThat(edge(C, A, 0.2).key("q-1")).isEqualTo("q-1:AAAUSDT:CCCUSDT");
        assertThat(GraphRecord.edgeKey("q-1", C, A)).isEqualTo("q-1:AAAUSDT:CCCUSDT");
    }
}
