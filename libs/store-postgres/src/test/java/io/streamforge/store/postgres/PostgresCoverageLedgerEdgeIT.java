package io.streamforge.store.postgres;

import static io.streamforge.testkit.Fixtures.BTCUSDT;
import static io.streamforge.testkit.Fixtures.T0_US;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.streamforge.domain.Interval;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.coverage.CoverageKey;
import io.streamforge.domain.coverage.DataStream;
import io.streamforge.domain.coverage.Gap;
import io.streamforge.domain.coverage.GapStatus;
import io.streamforge.domain.coverage.IdRange;
import io.streamforge.domain.coverage.Received;
import io.streamforge.domain.coverage.Source;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link PostgresCoverageLedger} beyond the shared contract: the stored form of keys and ids,
 * batches that lock several keys from concurrent writers, and gaps painted concurrently.
 */
class PostgresCoverageLedgerEdgeIT {
    private static final long MIN = 60_000_000L;
    private static final CoverageKey K1M = CoverageKey.klines(BTCUSDT, Interval.M1);
    private static final CoverageKey TRADES = CoverageKey.of(BTCUSDT, DataStream.TRADES);
    private static final CoverageKey DEPTH = CoverageKey.of(BTCUSDT, DataStream.DEPTH);
    private static final TimeRange ALL = new TimeRange(0, Long.MAX_VALUE);

    private PostgresCoverageLedger ledger;

    @BeforeEach
    void empty() {
        PostgresTestDb.stores();
        PostgresTestDb.exec("TRUNCATE coverage_received, coverage_gaps");
        ledger = PostgresTestDb.stores().coverage();
    }

    private static TimeRange mins(long from, long to) {
        return new TimeRange(T0_US + from * MIN, T0_US + to * MIN);
    }

    @Test
    void keysWithoutAnIntervalAndQueuelessRowsAreStoredAsEmptyStrings() throws SQLException {
        ledger.record(new Received(DEPTH, mins(0, 5), Source.WS, ""));
        ledger.record(new Received(K1M, mins(0, 5), Source.DUMP, "q1"));
        assertThat(
                        rows(
                                "SELECT stream || '|' || interval || '|' || source || '|' || queue_id"
                                        + " FROM coverage_received ORDER BY stream"))
                .containsExactly("depth||ws|", "klines|1m|dump|q1");
        assertThat(ledger.keys()).containsExactly(K1M, DEPTH);
        assertThat(ledger.received(DEPTH, ALL))
                .containsExactly(new Received(DEPTH, mins(0, 5), Source.WS, ""));
    }

    @Test
    void extremeIdsAndAQuotedMultiLineReasonRoundTrip() {
        Gap g =
                new Gap(
                        TRADES,
                        mins(0, 1),
                        GapStatus.EXPECTED,
                        "maintenance 'window'\n\tsee \\notes",
                        new IdRange(Long.MAX_VALUE - 1, Long.MAX_VALUE),
                        "q1");
        ledger.recordGap(g);
        assertThat(ledger.gaps(TRADES, ALL, Set.of(GapStatus.EXPECTED))).containsExactly(g);
        assertThat(ledger.gaps(TRADES, ALL, Set.of(GapStatus.MISSING, GapStatus.FILLED))).isEmpty();
        assertThat(ledger.gaps(TRADES, ALL, Set.of()).get(0).ids().count()).isEqualTo(2);
    }

    @Test
    void theRemaindersOfASplitGapLoseTheirIdsInTheDatabaseToo() throws SQLException {
        ledger.recordGap(
                new Gap(TRADES, mins(0, 30), GapStatus.MISSING, "hole", new IdRange(100, 199), ""));
        ledger.recordGap(new Gap(TRADES, mins(10, 20), GapStatus.FILLED, "rest", null, "q2"));
        assertThat(
                        rows(
                                "SELECT (start_us - "
                                        + T0_US
                                        + ") / "
                                        + MIN
                                        + " || ' ' || status || ' ' || coalesce(first_id::text,"
                                        + " '-') || ' ' || queue_id FROM coverage_gaps"
                                        + " ORDER BY start_us"))
                .containsExactly("0 missing - ", "10 filled - q2", "20 missing - ");
        // painting the original state again restores one row, with its ids
        ledger.recordGap(
                new Gap(TRADES, mins(0, 30), GapStatus.MISSING, "hole", new IdRange(100, 199), ""));
        assertThat(ledger.gaps(TRADES, ALL, Set.of()))
                .extracting(Gap::range, Gap::ids)
                .containsExactly(tuple(mins(0, 30), new IdRange(100, 199)));
    }

    @Test
    void batchesLockingTwoKeysInOppositeOrderFromFourWritersAllLand() throws Exception {
        PostgresTestDb.inParallel(
                4,
                writer -> {
                    for (int i = writer; i < 120; i += 4) {
                        Received k = new Received(K1M, mins(i, i + 1), Source.REST, "q");
                        Received t = new Received(TRADES, mins(i, i + 1), Source.REST, "q");
                        ledger.record(writer % 2 == 0 ? List.of(k, t) : List.of(t, k));
                    }
                });
        assertThat(ledger.received(K1M, ALL))
                .containsExactly(new Received(K1M, mins(0, 120), Source.REST, "q"));
        assertThat(ledger.received(TRADES, ALL))
                .containsExactly(new Received(TRADES, mins(0, 120), Source.REST, "q"));
    }

    @Test
    void concurrentlyPaintedOverlappingGapsNeverOverlapAndCoverTheirUnion() throws Exception {
        PostgresTestDb.inParallel(
                4,
                writer -> {
                    for (int round = 0; round < 10; round++) {
                        long from = writer * 10L + round;
                        GapStatus status = round % 2 == 0 ? GapStatus.MISSING : GapStatus.FILLED;
                        ledger.recordGap(
                                new Gap(
                                        K1M,
                                        mins(from, from + 25),
                                        status,
                                        "w" + writer,
                                        null,
                                        ""));
                    }
                });
        List<Gap> gaps = ledger.gaps(K1M, ALL, Set.of());
        assertThat(gaps.get(0).range().startUs()).isEqualTo(mins(0, 1).startUs());
        assertThat(gaps.get(gaps.size() - 1).range().endUs()).isEqualTo(mins(0, 64).endUs());
        for (int i = 1; i < gaps.size(); i++) {
            assertThat(gaps.get(i).range().startUs())
                    .as("gap %d starts where gap %d ends", i, i - 1)
                    .isEqualTo(gaps.get(i - 1).range().endUs());
        }
    }

    private static List<String> rows(String sql) throws SQLException {
        return PostgresTestDb.column(PostgresTestDb.dataSource(), sql);
    }
}
