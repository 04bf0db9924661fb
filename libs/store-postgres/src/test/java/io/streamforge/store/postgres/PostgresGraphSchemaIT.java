package io.streamforge.store.postgres;

import static io.streamforge.store.postgres.PostgresSchemaIT.assertCheckViolation;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The constraints of the graph and indicator tables (V2, V3) on rows written past the adapters:
 * edge order in collation C, key consistency, finite values, cascades.
 */
class PostgresGraphSchemaIT {
    private static final String EDGE =
            "INSERT INTO graph_edges (key, collection, source, target, rho, distance)"
                    + " VALUES ('%s', 'g', '%s', '%s', %s, %s)";

    @BeforeEach
    void oneGraphWithThreeVertices() {
        PostgresTestDb.stores();
        PostgresTestDb.exec("TRUNCATE graphs, graph_vertices, graph_edges, indicator_values");
        PostgresTestDb.exec(
                "INSERT INTO graphs (collection, method, rule, interval, window_from_us,"
                        + " window_to_us, return_count, node_count, edge_count, created_at_us)"
                        + " VALUES ('g', 'pearson', 'topk:1', '1h', 0, 10, 9, 3, 1, 1)");
        PostgresTestDb.exec(
                "INSERT INTO graph_vertices (collection, key) VALUES ('g', 'BTCUSDT'),"
                        + " ('g', 'ETHUSDT'), ('g', 'bnbusdt')");
    }

    private static String edge(String source, String target, String rho, String distance) {
        return EDGE.formatted("g:" + source + ":" + target, source, target, rho, distance);
    }

    @Test
    void anEdgeRunsFromTheSmallerToTheLargerKeyInCollationC() {
        assertCheckViolation(edge("ETHUSDT", "BTCUSDT", "0.5", "1"), "graph_edges_check");
        // in C, upper case sorts before lower case: BTCUSDT < ETHUSDT < bnbusdt
        assertCheckViolation(edge("bnbusdt", "ETHUSDT", "0.5", "1"), "graph_edges_check");
        PostgresTestDb.exec(edge("ETHUSDT", "bnbusdt", "0.5", "1"));
        assertCheckViolation(edge("BTCUSDT", "BTCUSDT", "1", "0"), "graph_edges_check");
    }

    @Test
    void anEdgeKeyMustSpellItsCollectionAndEnds() {
        assertCheckViolation(
                EDGE.formatted("g:ETHUSDT:BTCUSDT", "BTCUSDT", "ETHUSDT", "0.5", "1"),
                "graph_edges_check1");
        PostgresTestDb.exec(edge("BTCUSDT", "ETHUSDT", "0.5", "1"));
    }

    @Test
    void correlationsAndDistancesMustBeFiniteAndInRange() {
        assertCheckViolation(edge("BTCUSDT", "ETHUSDT", "1.0000001", "0"), "graph_edges_rho_check");
        assertCheckViolation(edge("BTCUSDT", "ETHUSDT", "'NaN'", "1"), "graph_edges_rho_check");
        assertCheckViolation(
                edge("BTCUSDT", "ETHUSDT", "0.5", "'Infinity'"), "graph_edges_distance_check");
        assertCheckViolation(
                edge("BTCUSDT", "ETHUSDT", "0.5", "'NaN'"), "graph_edges_distance_check");
        assertCheckViolation(
                edge("BTCUSDT", "ETHUSDT", "0.5", "-0.1"), "graph_edges_distance_check");
        PostgresTestDb.exec(edge("BTCUSDT", "ETHUSDT", "-1", "2"));
        String value =
                "INSERT INTO indicator_values (symbol, interval, name, open_time_us, value)"
                        + " VALUES ('BTCUSDT', '1h', 'rsi_14', %d, %s)";
        assertCheckViolation(value.formatted(0, "'NaN'"), "indicator_values_value_check");
        assertCheckViolation(value.formatted(0, "'-Infinity'"), "indicator_values_value_check");
        PostgresTestDb.exec(value.formatted(0, "1e308"));
    }

    @Test
    void deletingAGraphOrAVertexTakesItsEdgesWithIt() throws SQLException {
        PostgresTestDb.exec(edge("BTCUSDT", "ETHUSDT", "0.9", "0.4"));
        PostgresTestDb.exec(edge("ETHUSDT", "bnbusdt", "0.8", "0.6"));
        PostgresTestDb.exec("DELETE FROM graph_vertices WHERE key = 'BTCUSDT'");
        assertThat(
                        PostgresTestDb.column(
                                PostgresTestDb.dataSource(), "SELECT key FROM graph_edges"))
                .containsExactly("g:ETHUSDT:bnbusdt");
        PostgresTestDb.exec("DELETE FROM graphs WHERE collection = 'g'");
        assertThat(
                        PostgresTestDb.column(
                                PostgresTestDb.dataSource(),
                                "SELECT (SELECT count(*) FROM graph_vertices)"
                                        + " + (SELECT count(*) FROM graph_edges)"))
                .containsExactly("0");
        assertCheckViolation(
                "INSERT INTO graphs (collection, method, rule, interval, window_from_us,"
                        + " window_to_us, return_count, node_count, edge_count, created_at_us)"
                        + " VALUES ('h', 'pearson', 'topk:1', '1h', 10, 9, 0, 0, 0, 1)",
                "graphs_check");
    }
}
