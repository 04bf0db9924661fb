package io.streamforge.store.postgres;

import static io.streamforge.testkit.Fixtures.BTCUSDT;
import static io.streamforge.testkit.Fixtures.T0_US;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import io.streamforge.domain.MarketRecord;
import io.streamforge.domain.PermanentException;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.Trade;
import io.streamforge.domain.TransientException;
import io.streamforge.testkit.Fixtures;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** PostgreSQL-specific behaviour beyond the port contracts. */
class PostgresStoreBehaviourIT {
    private PostgresMarketDataStore store;

    @BeforeEach
    void empty() {
        PostgresTestDb.truncateAll();
        store = new PostgresMarketDataStore(PostgresTestDb.dataSource());
    }

    @Test
    void migratingAgainAppliesNothing() {
        assertThat(PostgresSchema.migrate(PostgresTestDb.dataSource())).isZero();
    }

    @Test
    void rewritingIdenticalRowsDoesNotTouchThem() throws Exception {
        List<Candle> candles = Fixtures.candles(BTCUSDT, Interval.M1, T0_US, 3);
        store.upsert(candles);
        PostgresTestDb.exec("UPDATE candles SET updated_at = '2000-01-01T00:00:00Z'");
        store.upsert(candles);
        assertThat(oldRows()).isEqualTo(3);
        store.upsert(List.of(Fixtures.withClose(candles.get(0), "100.5")));
        assertThat(oldRows()).isEqualTo(2);
    }

    private static long oldRows() throws Exception {
        try (Connection c = PostgresTestDb.dataSource().getConnection();
                Statement st = c.createStatement();
                ResultSet rs =
                        st.executeQuery(
                                "SELECT count(*) FROM candles WHERE updated_at < '2001-01-01'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aDatabaseErrorRollsBackTheWholeBatch() {
        PostgresTestDb.exec(
                "CREATE FUNCTION reject_trade() RETURNS trigger LANGUAGE plpgsql AS $$"
                        + " BEGIN IF NEW.trade_id = 13 THEN"
                        + " RAISE EXCEPTION 'trade 13 rejected' USING ERRCODE = '23514'; END IF;"
                        + " RETURN NEW; END $$");
        PostgresTestDb.exec(
                "CREATE TRIGGER reject_trade BEFORE INSERT ON trades"
                        + " FOR EACH ROW EXECUTE FUNCTION reject_trade()");
        try {
            List<MarketRecord> batch = new ArrayList<>();
            batch.addAll(Fixtures.candles(BTCUSDT, Interval.M1, T0_US, 5));
            batch.addAll(Fixtures.aggTrades(BTCUSDT, 1, T0_US, 10, 5));
            batch.addAll(Fixtures.trades(BTCUSDT, 10, T0_US, 10, 5));
            assertThatThrownBy(() -> store.upsert(batch))
                    .isInstanceOf(PermanentException.class)
                    .hasMessageContaining("trade 13 rejected")
                    .hasMessageContaining("23514");
            assertThat(store.count("candle", BTCUSDT)).isZero();
            assertThat(store.count("agg_trade", BTCUSDT)).isZero();
            assertThat(store.count("trade", BTCUSDT)).isZero();
            // the pooled connection (and its staging tables) are still usable afterwards
            store.upsert(Fixtures.candles(BTCUSDT, Interval.M1, T0_US, 2));
            assertThat(store.count("candle", BTCUSDT)).isEqualTo(2);
        } finally {
            PostgresTestDb.exec("DROP TRIGGER reject_trade ON trades");
            PostgresTestDb.exec("DROP FUNCTION reject_trade()");
        }
    }

    @Test
    void concurrentOverlappingBatchesDoNotDeadlock() throws Exception {
        List<Trade> trades = Fixtures.trades(BTCUSDT, 1, T0_US, 1, 400);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                List<Trade> mine = new ArrayList<>(trades);
                Collections.shuffle(mine, new Random(t));
                done.add(
                        pool.submit(
                                () -> {
                                    for (int i = 0; i < 5; i++) {
                                        store.upsert(mine);
                                    }
                                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.trades(BTCUSDT, new io.streamforge.domain.TimeRange(0, Long.MAX_VALUE)))
                .isEqualTo(trades);
    }

    @Test
    void newKeysGoStraightInAndAnOverlapFallsBackToTheMergeWithTheSameResult() throws Exception {
        List<Candle> first = Fixtures.candles(BTCUSDT, Interval.M1, T0_US, 10);
        store.upsert(first);
        assertThat(store.directBatches()).isEqualTo(1);
        assertThat(store.mergedBatches()).isZero();
        PostgresTestDb.exec("UPDATE candles SET updated_at = '2000-01-01T00:00:00Z'");

        // 5 unchanged + 1 changed old keys and 4 new keys in one batch: the direct COPY meets an
        // existing key, rolls back to its savepoint and the merge writes the batch
        List<Candle> overlap = new ArrayList<>(first.subList(4, 10));
        overlap.set(0, Fixtures.withClose(overlap.get(0), "100.5"));
        overlap.addAll(Fixtures.candles(BTCUSDT, Interval.M1, T0_US + 10 * 60_000_000L, 4));
        store.upsert(overlap);
        assertThat(store.mergedBatches()).isEqualTo(1);
        assertThat(store.count("candle", BTCUSDT)).isEqualTo(14);
        assertThat(oldRows()).isEqualTo(9); // only the changed row was touched
        List<Candle> expected = new ArrayList<>(first.subList(0, 4));
        expected.addAll(overlap);
        assertThat(store.candles(BTCUSDT, Interval.M1, new TimeRange(0, Long.MAX_VALUE)))
                .isEqualTo(expected);

        // after a conflict the next batches merge without trying the COPY first
        for (int i = 0; i < PostgresMarketDataStore.MERGE_BATCHES_AFTER_CONFLICT; i++) {
            store.upsert(first);
        }
        assertThat(store.mergedBatches())
                .isEqualTo(1 + PostgresMarketDataStore.MERGE_BATCHES_AFTER_CONFLICT);
        assertThat(store.directBatches()).isEqualTo(1);
        store.upsert(Fixtures.candles(BTCUSDT, Interval.M1, T0_US + 20 * 60_000_000L, 3));
        assertThat(store.directBatches()).isEqualTo(2);
        assertThat(store.count("candle", BTCUSDT)).isEqualTo(17);
    }

    @Test
    void copyBenchCopiesAndCleansUp() throws Exception {
        PostgresCopyBench.Result candles =
                PostgresCopyBench.measure(PostgresTestDb.dataSource(), "candle", 2_000, true);
        PostgresCopyBench.Result aggs =
                PostgresCopyBench.measure(PostgresTestDb.dataSource(), "agg_trade", 2_000, false);
        assertThat(candles.records()).isEqualTo(2_000);
        assertThat(candles.recordsPerSecond()).isPositive();
        assertThat(aggs.toString()).contains("2000 agg_trade").contains("plain");
        try (Connection c = PostgresTestDb.dataSource().getConnection();
                Statement st = c.createStatement();
                ResultSet rs =
                        st.executeQuery(
                                "SELECT count(*) FROM pg_tables WHERE tablename LIKE 'bench_%'")) {
            rs.next();
            assertThat(rs.getLong(1)).isZero();
        }
        assertThatThrownBy(
                        () ->
                                PostgresCopyBench.measure(
                                        PostgresTestDb.dataSource(), "kline", 1, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kline");
    }

    @Test
    void openValidatesTheUrlAndReportsUnreachableServersAsTransient() {
        assertThatThrownBy(() -> PostgresStores.open("jdbc:mysql://localhost/x", "u", "p"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:mysql");
        assertThatThrownBy(
                        () ->
                                PostgresStores.open(
                                        "jdbc:postgresql://localhost:1/nowhere", "u", "p"))
                .isInstanceOf(TransientException.class)
                .hasMessageContaining("localhost:1");
    }
}
