package io.streamforge.store.arango;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamforge.domain.Interval;
import io.streamforge.domain.PermanentException;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TransientException;
import io.streamforge.domain.graph.GraphEdge;
import io.streamforge.domain.graph.GraphRecord;
import io.streamforge.domain.graph.GraphWindow;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What {@link ArangoGraphStore} SENDS: exclusive stream transaction, upsert by key of header,
 * assets and edges ({@code _from}/{@code _to} on {@code assets}), pruning of stale edges, nothing
 * written for unchanged content. Against the in-test {@link FakeArangoServer} — NOT a real
 * ArangoDB, none can run on this machine.
 */
class ArangoGraphWireTest {
    private static final Symbol A = Symbol.of("AAAUSDT");
    private static final Symbol B = Symbol.of("BBBUSDT");
    private static final Symbol C = Symbol.of("CCCUSDT");
    private static final GraphWindow WINDOW = new GraphWindow(Interval.H1, 0, 3_600_000_000L, 1);

    private final FakeArangoServer fake = ArangoTestSupport.server();
    private final ArangoTestSupport.Opened opened = new ArangoTestSupport.Opened();
    private ArangoStores stores;

    @BeforeEach
    void open() {
        stores = opened.add(ArangoTestSupport.freshStores(1_000));
        fake.clearRequests();
    }

    @AfterEach
    void close() {
        opened.close();
        assertThat(fake.unknownRequests()).isEmpty();
    }

    private static GraphRecord graph(String collection, List<Symbol> nodes, List<GraphEdge> edges) {
        return new GraphRecord(collection, nodes, edges, "pearson", "mst", WINDOW, 5);
    }

    @Test
    void saveWritesEdgesBetweenAssetsInAnExclusiveTransaction() {
        stores.graphs().save(graph("q1", List.of(A, B, C), List.of(new GraphEdge(C, A, 0.5, 1.0))));
        JsonNode begin = fake.requests().get(0).body();
        assertThat(begin.at("/collections/exclusive").toString())
                .isEqualTo("[\"graphs\",\"assets\",\"correlations\"]");
        JsonNode edge =
                fake.queries(Aql.UPSERT).stream()
                        .filter(r -> r.body().at("/bindVars/@coll").asText().equals("correlations"))
                        .findFirst()
                        .orElseThrow()
                        .body()
                        .at("/bindVars/docs/0");
        assertThat(edge.get("_key").asText()).isEqualTo("q1:AAAUSDT:CCCUSDT");
        assertThat(edge.get("_from").asText()).isEqualTo("assets/AAAUSDT");
        assertThat(edge.get("_to").asText()).isEqualTo("assets/CCCUSDT");
        assertThat(edge.get("rho").asDouble()).isEqualTo(0.5);
        assertThat(edge.get("method").asText()).isEqualTo("pearson");
        assertThat(edge.get("interval").asText()).isEqualTo("1h");
        FakeArangoData db = fake.database(stores.database().name());
        assertThat(db.committed.get("assets").docs.keySet())
                .containsExactlyInAnyOrder("AAAUSDT", "BBBUSDT", "CCCUSDT");
        ObjectNode stored = db.committed.get("correlations").docs.get("q1:AAAUSDT:CCCUSDT");
        assertThat(stored.get("_id").asText()).isEqualTo("correlations/q1:AAAUSDT:CCCUSDT");
    }

    @Test
    void unchangedContentWritesNothing() {
        GraphRecord g = graph("q1", List.of(A, B), List.of(new GraphEdge(A, B, 0.5, 1.0)));
        stores.graphs().save(g);
        fake.clearRequests();
        assertThat(stores.graphs().save(g.withCreatedAtUs(77))).isFalse();
        assertThat(fake.queries(Aql.UPSERT)).isEmpty();
        assertThat(fake.queries(Aql.PRUNE_EDGES)).isEmpty();
        assertThat(stores.graphs().load("q1").orElseThrow().createdAtUs()).isEqualTo(5);
    }

    @Test
    void aNewGraphPrunesOnlyItsOwnStaleEdges() {
        stores.graphs().save(graph("q1", List.of(A, B, C), List.of(new GraphEdge(A, B, 0.5, 1.0))));
        stores.graphs().save(graph("q2", List.of(A, B), List.of(new GraphEdge(A, B, 0.9, 0.4))));
        fake.clearRequests();
        stores.graphs().save(graph("q1", List.of(A, C), List.of(new GraphEdge(A, C, 0.1, 1.3))));
        FakeArangoServer.Request prune = fake.queries(Aql.PRUNE_EDGES).get(0);
        assertThat(prune.body().at("/bindVars/collection").asText()).isEqualTo("q1");
        assertThat(prune.body().at("/bindVars/keep").toString())
                .isEqualTo("[\"q1:AAAUSDT:CCCUSDT\"]");
        FakeArangoData db = fake.database(stores.database().name());
        assertThat(db.committed.get("correlations").docs.keySet())
                .containsExactlyInAnyOrder("q1:AAAUSDT:CCCUSDT", "q2:AAAUSDT:BBBUSDT");
        // assets are shared between graphs and stay
        assertThat(db.committed.get("assets").docs).containsKey("BBBUSDT");
    }

    @Test
    void aFailedSaveLeavesTheOldGraph() {
        GraphRecord old = graph("q1", List.of(A, B), List.of(new GraphEdge(A, B, 0.5, 1.0)));
        stores.graphs().save(old);
        fake.failTimes("/_api/cursor", Aql.PRUNE_EDGES, 0, 3, 503, 503);
        GraphRecord next = graph("q1", List.of(A, C), List.of(new GraphEdge(A, C, 0.1, 1.3)));
        assertThatThrownBy(() -> stores.graphs().save(next))
                .isInstanceOf(TransientException.class)
                .hasMessageContaining("prune of graph q1");
        assertThat(stores.graphs().load("q1")).contains(old);
        assertThat(stores.graphs().save(next)).isTrue();
        assertThat(stores.graphs().load("q1")).contains(next);
    }

    @Test
    void aCorruptStoredDocumentIsAPermanentErrorNamingTheAttribute() {
        stores.graphs().save(graph("q1", List.of(A, B), List.of(new GraphEdge(A, B, 0.5, 1.0))));
        FakeArangoData db = fake.database(stores.database().name());
        db.committed.get("correlations").docs.get("q1:AAAUSDT:BBBUSDT").put("rho", "high");
        assertThatThrownBy(() -> stores.graphs().load("q1"))
                .isInstanceOf(PermanentException.class)
                .hasMessageContaining("q1:AAAUSDT:BBBUSDT")
                .hasMessageContaining("rho");
    }
}
