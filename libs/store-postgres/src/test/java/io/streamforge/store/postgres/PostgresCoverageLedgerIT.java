package io.streamforge.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamforge.domain.PermanentException;
import io.streamforge.domain.coverage.Gap;
import io.streamforge.domain.coverage.Received;
import io.streamforge.domain.coverage.Source;
import io.streamforge.domain.port.CoverageLedger;
import io.streamforge.testkit.CoverageLedgerContract;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract on real (embedded) PostgreSQL, plus what only a database can get wrong. */
class PostgresCoverageLedgerIT extends CoverageLedgerContract {
    @Override
    protected CoverageLedger newLedger() {
        PostgresTestDb.stores();
        PostgresTestDb.exec("TRUNCATE coverage_received, coverage_gaps");
        return PostgresTestDb.stores().coverage();
    }

    @Test
    void reRecordingCreatesNoNewRowVersions() throws SQLException {
        ledger.record(rec(K1M, 0, 30, Source.DUMP, "q"));
        ledger.recordGap(Gap.missing(K1M, mins(30, 31), "x", "q"));
        String before = versions();
        ledger.record(List.of(rec(K1M, 0, 30, Source.DUMP, "q"), rec(K1M, 1, 2, Source.DUMP, "q")));
        ledger.recordGap(Gap.missing(K1M, mins(30, 31), "x", "q"));
        assertThat(versions()).isEqualTo(before);
    }

    @Test
    void concurrentWritersOfOneKeyStillMergeIntoOneRange() throws Exception {
        PostgresTestDb.inParallel(
                4,
                writer -> {
                    for (int i = writer; i < 200; i += 4) {
                        ledger.record(rec(K1M, i, i + 1, Source.REST, "q"));
                    }
                });
        assertThat(ledger.received(K1M, DAY)).containsExactly(rec(K1M, 0, 200, Source.REST, "q"));
    }

    @Test
    void aFailingBatchLeavesNothingBehind() {
        // a constraint added for this test rejects the second row; the first must be rolled back
        PostgresTestDb.exec(
                "ALTER TABLE coverage_received ADD CONSTRAINT test_no_ws CHECK (source <> 'ws')");
        try {
            List<Received> batch =
                    List.of(rec(K1M, 0, 10, Source.REST, "q"), rec(K1M, 20, 30, Source.WS, "q"));
            assertThatThrownBy(() -> ledger.record(batch))
                    .isInstanceOf(PermanentException.class)
                    .hasMessageContaining("test_no_ws");
            assertThat(ledger.keys()).isEmpty();
        } finally {
            PostgresTestDb.exec("ALTER TABLE coverage_received DROP CONSTRAINT test_no_ws");
        }
    }

    @Test
    void twoThousandDisjointRangesInOneBatchAreStored() {
        List<Received> batch = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            batch.add(rec(K1M, 2L * i, 2L * i + 1, Source.REST, "q"));
        }
        ledger.record(batch);
        assertThat(ledger.received(K1M, mins(0, 4000))).hasSize(2000).isEqualTo(batch);
    }

    private static String versions() throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Connection c = PostgresTestDb.dataSource().getConnection();
                Statement st = c.createStatement();
                ResultSet rs =
                        st.executeQuery(
                                "SELECT ctid::text, xmin::text FROM coverage_received"
                                        + " UNION ALL SELECT ctid::text, xmin::text FROM coverage_gaps"
                                        + " ORDER BY 1")) {
            while (rs.next()) {
                out.append(rs.getString(1)).append('/').append(rs.getString(2)).append(';');
            }
        }
        return out.toString();
    }
}
