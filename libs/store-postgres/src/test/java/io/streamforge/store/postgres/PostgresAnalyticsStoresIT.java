package io.streamforge.store.postgres;

import static io.streamforge.testkit.Fixtures.BTCUSDT;
import static io.streamforge.testkit.Fixtures.ETHUSDT;
import static io.streamforge.testkit.Fixtures.T0_US;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamforge.domain.Interval;
import io.streamforge.domain.PermanentException;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.graph.GraphEdge;
import io.streamforge.domain.graph.GraphRecord;
import io.streamforge.domain.graph.GraphWindow;
import io.streamforge.domain.graph.IndicatorValue;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** PostgreSQL-specific behaviour of the graph and indicator stores beyond their contracts. */
class PostgresAnalyticsStoresIT {
    private static final long MINUTE_US = 60_000_000L;
    private static final TimeRange ALL = new TimeRange(0, Long.MAX_VALUE);
    private PostgresGraphStore graphs;
    private PostgresIndicatorStore indicators;

    @BeforeEach
    void empty() {
        PostgresTestDb.exec("TRUNCATE graph_edges, graph_vertices, graphs, indicator_values");
        graphs = PostgresTestDb.stores().graphs();
        indicators = PostgresTestDb.stores().indicators();
    }

    @AfterEach
    void dropTriggers() {
        PostgresTestDb.exec("DROP TRIGGER IF EXISTS reject_row ON graph_edges");
        PostgresTestDb.exec("DROP TRIGGER IF EXISTS reject_row ON indicator_values");
        PostgresTestDb.exec("DROP FUNCTION IF EXISTS reject_row()");
    }

    private static GraphRecord graph(double rho, long createdAtUs) {
        return new GraphRecord(
                "q-pg",
                List.of(BTCUSDT, ETHUSDT),
                List.of(new GraphEdge(BTCUSDT, ETHUSDT, rho, Math.sqrt(2 * (1 - rho)))),
                "pearson",
                "mst",
                new GraphWindow(Interval.M1, T0_US, T0_US + 10 * MINUTE_US, 10),
                createdAtUs);
    }

    private static List<IndicatorValue> series(int count, double offset) {
        List<IndicatorValue> out = new ArrayList<>();
        for (int m = 0; m < count; m++) {
            out.add(
                    new IndicatorValue(
                            BTCUSDT, Interval.M1, T0_US + m * MINUTE_US, "SMA_20", m + offset));
        }
        return out;
    }

    /** Row versions (xmin) of a table, as one comparable string. */
    private static String versions(String table) throws Exception {
        try (Connection c = PostgresTestDb.dataSource().getConnection();
                Statement st = c.createStatement();
                ResultSet rs =
                        st.executeQuery(
                                "SELECT coalesce(string_agg(xmin::text, ',' ORDER BY ctid), '')"
                                        + " FROM "
                                        + table)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void savingAnEqualGraphCreatesNoRowVersions() throws Exception {
        graphs.save(graph(0.5, 1));
        String before =
                versions("graphs")
                        + "|"
                        + versions("graph_vertices")
                        + "|"
                        + versions("graph_edges");
        assertThat(graphs.save(graph(0.5, 2))).isFalse();
        assertThat(
                        versions("graphs")
                                + "|"
                                + versions("graph_vertices")
                                + "|"
                                + versions("graph_edges"))
                .isEqualTo(before);
        assertThat(graphs.save(graph(0.6, 3))).isTrue();
        assertThat(versions("graph_edges")).isNotEqualTo(versions("graph_vertices"));
        assertThat(graphs.load("q-pg")).contains(graph(0.6, 3));
    }

    @Test
    void rewritingEqualIndicatorValuesCreatesNoRowVersions() throws Exception {
        indicators.upsert(series(50, 0.25));
        String before = versions("indicator_values");
        indicators.upsert(series(50, 0.25));
        assertThat(versions("indicator_values")).isEqualTo(before);
        List<IndicatorValue> changed = series(50, 0.25);
        changed.set(
                7, new IndicatorValue(BTCUSDT, Interval.M1, T0_US + 7 * MINUTE_US, "SMA_20", -1));
        indicators.upsert(changed);
        String[] old = before.split(",");
        String[] now = versions("indicator_values").split(",");
        int differing = 0;
        for (int i = 0; i < now.length; i++) {
            differing += List.of(old).contains(now[i]) ? 0 : 1;
        }
        assertThat(differing).isEqualTo(1);
    }

    private static void rejectWhen(String table, String condition) {
        PostgresTestDb.exec(
                "CREATE FUNCTION reject_row() RETURNS trigger LANGUAGE plpgsql AS $$"
                        + " BEGIN IF "
                        + condition
                        + " THEN RAISE EXCEPTION 'row rejected' USING ERRCODE = '23514'; END IF;"
                        + " RETURN NEW; END $$");
        PostgresTestDb.exec(
                "CREATE TRIGGER reject_row BEFORE INSERT OR UPDATE ON "
                        + table
                        + " FOR EACH ROW EXECUTE FUNCTION reject_row()");
    }

    @Test
    void aFailedGraphSaveKeepsTheOldGraph() {
        graphs.save(graph(0.5, 1));
        rejectWhen("graph_edges", "NEW.rho = 0.25");
        assertThatThrownBy(() -> graphs.save(graph(0.25, 2)))
                .isInstanceOf(PermanentException.class)
                .hasMessageContaining("save of graph q-pg");
        assertThat(graphs.load("q-pg")).contains(graph(0.5, 1));
    }

    @Test
    void aFailureInALaterChunkRollsBackTheWholeBatch() {
        int n = PostgresIndicatorStore.CHUNK * 2 + 17;
        rejectWhen("indicator_values", "NEW.value = " + (n - 1) + ".5");
        assertThatThrownBy(() -> indicators.upsert(series(n, 0.5)))
                .isInstanceOf(PermanentException.class)
                .hasMessageContaining("indicator values");
        assertThat(indicators.values(BTCUSDT, Interval.M1, "SMA_20", ALL)).isEmpty();
    }
}
