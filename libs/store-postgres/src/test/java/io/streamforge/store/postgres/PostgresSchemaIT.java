package io.streamforge.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The migrations themselves: their history on a database that starts empty, the V5 back-fill of
 * steps that were running before it, and the constraints that guard rows the adapters never write.
 */
class PostgresSchemaIT {
    @BeforeEach
    void empty() {
        PostgresTestDb.truncateAll();
        PostgresTestDb.exec("TRUNCATE coverage_received, coverage_gaps");
    }

    @Test
    void anEmptyDatabaseGetsEveryMigrationOnceInVersionOrder() throws SQLException {
        DataSource fresh = PostgresTestDb.freshDatabase("schema_fresh");
        assertThat(PostgresSchema.migrate(fresh)).isEqualTo(5);
        assertThat(PostgresSchema.migrate(fresh)).isZero();
        assertThat(
                        column(
                                fresh,
                                "SELECT version || ':' || success FROM flyway_schema_history"
                                        + " ORDER BY installed_rank"))
                .containsExactly("1:true", "2:true", "3:true", "4:true", "5:true");
        assertThat(
                        column(
                                fresh,
                                "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                                        + " AND tablename LIKE 'coverage%' ORDER BY 1"))
                .containsExactly("coverage_gaps", "coverage_received");
    }

    @Test
    void v5MarksStepsThatWereRunningAsLaunchedOnceAndLeavesTheOthersUnclaimed()
            throws SQLException {
        DataSource old = PostgresTestDb.freshDatabase("schema_v4");
        Flyway.configure()
                .dataSource(old)
                .locations(PostgresSchema.LOCATION)
                .target("4")
                .load()
                .migrate();
        exec(
                old,
                "INSERT INTO queues (queue_id, symbols, status, created_at_us, updated_at_us)"
                        + " VALUES ('q1', '{BTCUSDT}', 'running', 1, 1)");
        exec(
                old,
                "INSERT INTO queue_steps (queue_id, telemetry_id, position, target, depends_on,"
                        + " status, records_written, message, updated_at_us) VALUES"
                        + " ('q1', 's-run', 0, 'loader', '{}', 'running', 7, '', 1),"
                        + " ('q1', 's-wait', 1, 'graph', '{s-run}', 'pending', 0, '', 1),"
                        + " ('q1', 's-done', 2, 'graph', '{}', 'finished', 3, '', 1)");

        assertThat(PostgresSchema.migrate(old)).isEqualTo(1);
        assertThat(
                        column(
                                old,
                                "SELECT telemetry_id || ' ' || attempt || ' ' || launch_state"
                                        + " || ' ' || last_event_us || ' [' || image || '] '"
                                        + " || cardinality(env) FROM queue_steps ORDER BY position"))
                .containsExactly(
                        "s-run 1 launched 0 [] 0", "s-wait 0 none 0 [] 0", "s-done 0 none 0 [] 0");
    }

    @Test
    void queueAndStepStatusesOutsideTheWireValuesAreRejected() {
        assertCheckViolation(
                "INSERT INTO queues (queue_id, symbols, status, created_at_us, updated_at_us)"
                        + " VALUES ('q1', '{BTCUSDT}', 'done', 1, 1)",
                "queues_status_check");
        PostgresTestDb.exec(
                "INSERT INTO queues (queue_id, symbols, status, created_at_us, updated_at_us)"
                        + " VALUES ('q1', '{BTCUSDT}', 'pending', 1, 1)");
        assertCheckViolation(
                "INSERT INTO queue_steps (queue_id, telemetry_id, position, target, depends_on,"
                        + " status, records_written, message, updated_at_us, launch_state)"
                        + " VALUES ('q1', 's', 0, 't', '{}', 'pending', 0, '', 1, 'started')",
                "queue_steps_launch_state_check");
    }

    @Test
    void deletingAQueueDeletesItsStepsAndAStepNeedsItsQueue() throws SQLException {
        PostgresTestDb.exec(
                "INSERT INTO queues (queue_id, symbols, status, created_at_us, updated_at_us)"
                        + " VALUES ('q1', '{BTCUSDT}', 'pending', 1, 1),"
                        + " ('q2', '{ETHUSDT}', 'pending', 2, 2)");
        String step =
                "INSERT INTO queue_steps (queue_id, telemetry_id, position, target, depends_on,"
                        + " status, records_written, message, updated_at_us) VALUES"
                        + " ('%s', 's', 0, 't', '{}', 'pending', 0, '', 1)";
        PostgresTestDb.exec(step.formatted("q1"));
        PostgresTestDb.exec(step.formatted("q2"));
        PostgresTestDb.exec("DELETE FROM queues WHERE queue_id = 'q1'");
        assertThat(column(PostgresTestDb.dataSource(), "SELECT queue_id FROM queue_steps"))
                .containsExactly("q2");
        assertThatThrownBy(() -> PostgresTestDb.exec(step.formatted("q9")))
                .hasMessageContaining("queue_steps_queue_id_fkey");
    }

    @Test
    void coverageRowsMustBeNonEmptyAndCarryAnIntervalExactlyForKlines() {
        String received =
                "INSERT INTO coverage_received (symbol, stream, interval, source, queue_id,"
                        + " start_us, end_us) VALUES ('BTCUSDT', '%s', '%s', 'rest', '', %d, %d)";
        assertCheckViolation(received.formatted("klines", "1m", 10, 10), "coverage_received_check");
        assertCheckViolation(received.formatted("klines", "", 0, 10), "coverage_received_check1");
        assertCheckViolation(received.formatted("trades", "1m", 0, 10), "coverage_received_check1");
        assertCheckViolation(
                received.formatted("candles", "", 0, 10), "coverage_received_stream_check");
        PostgresTestDb.exec(received.formatted("trades", "", 0, 10));
        PostgresTestDb.exec(received.formatted("klines", "1m", 0, 10));
    }

    @Test
    void aGapHasBothTradeIdsOrNeitherInOrder() {
        String gap =
                "INSERT INTO coverage_gaps (symbol, stream, interval, start_us, end_us, status,"
                        + " reason, first_id, last_id, queue_id)"
                        + " VALUES ('BTCUSDT', 'trades', '', %d, %d, 'missing', 'x', %s, %s, '')";
        assertCheckViolation(gap.formatted(0, 10, "5", "NULL"), "coverage_gaps_check2");
        assertCheckViolation(gap.formatted(0, 10, "NULL", "5"), "coverage_gaps_check2");
        assertCheckViolation(gap.formatted(0, 10, "6", "5"), "coverage_gaps_check2");
        PostgresTestDb.exec(gap.formatted(0, 10, "5", "5"));
        PostgresTestDb.exec(gap.formatted(10, 20, "NULL", "NULL"));
        assertCheckViolation(
                gap.formatted(20, 30, "NULL", "NULL").replace("'missing'", "'lost'"),
                "coverage_gaps_status_check");
    }

    /** {@code sql} fails with SQLSTATE 23514 naming {@code constraint}. */
    static void assertCheckViolation(String sql, String constraint) {
        assertThatThrownBy(() -> PostgresTestDb.exec(sql))
                .hasMessageContaining("violates check constraint \"" + constraint + "\"")
                .cause()
                .isInstanceOfSatisfying(
                        SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23514"));
    }

    private static void exec(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection();
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static List<String> column(DataSource ds, String sql) throws SQLException {
        return PostgresTestDb.column(ds, sql);
    }
}
