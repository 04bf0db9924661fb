package io.streamforge.store.postgres;

import static io.streamforge.testkit.Fixtures.BTCUSDT;
import static io.streamforge.testkit.Fixtures.T0_US;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamforge.domain.Interval;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.coverage.CoverageKey;
import io.streamforge.domain.coverage.DataStream;
import io.streamforge.domain.coverage.Gap;
import io.streamforge.domain.coverage.GapStatus;
import io.streamforge.domain.coverage.IdRange;
import io.streamforge.domain.coverage.LedgerRules;
import io.streamforge.domain.coverage.Received;
import io.streamforge.domain.coverage.Source;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link CoverageRows} on the real embedded PostgreSQL: the rows of {@code coverage_received} and
 * {@code coverage_gaps} to records and back, the order of every select, the key condition, and a
 * rule's change applied as exactly its deletes and inserts.
 */
class CoverageRowsIT {
    private static final long MIN = 60_000_000L;
    private static final CoverageKey K1M = CoverageKey.klines(BTCUSDT, Interval.M1);
    private static final CoverageKey K5M = CoverageKey.klines(BTCUSDT, Interval.M5);
    private static final CoverageKey TRADES = CoverageKey.of(BTCUSDT, DataStream.TRADES);

    @BeforeEach
    void empty() {
        PostgresTestDb.stores();
        PostgresTestDb.exec("TRUNCATE coverage_received, coverage_gaps");
    }

    private static TimeRange mins(long from, long to) {
        return new TimeRange(T0_US + from * MIN, T0_US + to * MIN);
    }

    @Test
    void idsFromZeroStayIdsAndMissingIdsStayNull() throws SQLException {
        Gap fromZero =
                new Gap(TRADES, mins(0, 1), GapStatus.MISSING, "first", new IdRange(0, 0), "");
        Gap noIds = new Gap(TRADES, mins(1, 2), GapStatus.EXPECTED, "window", null, "q1");
        try (Connection c = PostgresTestDb.dataSource().getConnection()) {
            CoverageRows.applyGaps(
                    c, new LedgerRules.Change<>(List.of(), List.of(noIds, fromZero)));
            assertThat(CoverageRows.gaps(c, "", ps -> {})).containsExactly(fromZero, noIds);
        }
    }

    @Test
    void selectsComeInTheLedgerOrderNotInInsertionOrder() throws SQLException {
        Received late = new Received(K1M, mins(10, 20), Source.REST, "q1");
        Received earlyWs = new Received(K1M, mins(0, 5), Source.WS, "q1");
        Received earlyRest = new Received(K1M, mins(0, 5), Source.REST, "q2");
        Received otherKey = new Received(TRADES, mins(0, 1), Source.REST, "q1");
        try (Connection c = PostgresTestDb.dataSource().getConnection()) {
            CoverageRows.applyReceived(
                    c,
                    new LedgerRules.Change<>(
                            List.of(), List.of(otherKey, late, earlyWs, earlyRest)));
            assertThat(CoverageRows.received(c, "", ps -> {}))
                    .as("key, start, source (enum order), queue")
                    .containsExactly(earlyRest, earlyWs, late, otherKey);
        }
    }

    @Test
    void theKeyConditionSelectsOneSymbolStreamAndInterval() throws SQLException {
        Received m1 = new Received(K1M, mins(0, 5), Source.REST, "");
        Received m5 = new Received(K5M, mins(0, 5), Source.REST, "");
        Received trades = new Received(TRADES, mins(0, 5), Source.REST, "");
        try (Connection c = PostgresTestDb.dataSource().getConnection()) {
            CoverageRows.applyReceived(
                    c, new LedgerRules.Change<>(List.of(), List.of(m1, m5, trades)));
            for (Received r : List.of(m1, m5, trades)) {
                assertThat(
                                CoverageRows.received(
                                        c,
                                        " WHERE " + CoverageRows.KEY,
                                        ps -> CoverageRows.setKey(ps, 1, r.key())))
                        .containsExactly(r);
            }
        }
    }

    @Test
    void aChangeDeletesOnlyTheRowsItRemoves() throws SQLException {
        Received q1 = new Received(K1M, mins(0, 5), Source.REST, "q1");
        Received q2 = new Received(K1M, mins(0, 5), Source.REST, "q2");
        Received ws = new Received(K1M, mins(0, 5), Source.WS, "q1");
        Received grown = new Received(K1M, mins(0, 10), Source.REST, "q1");
        Gap hole = Gap.missing(K1M, mins(5, 8), "hole", "q1");
        Gap other = Gap.missing(K1M, mins(8, 9), "other", "q1");
        Gap painted = new Gap(K1M, mins(5, 8), GapStatus.FILLED, "filled", null, "q1");
        try (Connection c = PostgresTestDb.dataSource().getConnection()) {
            CoverageRows.applyReceived(c, new LedgerRules.Change<>(List.of(), List.of(q1, q2, ws)));
            CoverageRows.applyGaps(c, new LedgerRules.Change<>(List.of(), List.of(hole, other)));
            CoverageRows.applyReceived(c, new LedgerRules.Change<>(List.of(q1), List.of(grown)));
            CoverageRows.applyGaps(c, new LedgerRules.Change<>(List.of(hole), List.of(painted)));
            assertThat(CoverageRows.received(c, "", ps -> {}))
                    .as("same key and start, other queue or source: kept")
                    .containsExactly(grown, q2, ws);
            assertThat(CoverageRows.gaps(c, "", ps -> {})).containsExactly(painted, other);
        }
    }
}
