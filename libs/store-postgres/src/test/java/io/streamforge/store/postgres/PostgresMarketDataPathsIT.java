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
import io.streamforge.testkit.Fixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How {@link PostgresMarketDataStore} chooses between the direct COPY and the merge per table, and
 * the stored text of normalized decimals.
 */
class PostgresMarketDataPathsIT {
    private static final TimeRange ALL = new TimeRange(0, Long.MAX_VALUE);
    private final PostgresMarketDataStore store = emptyStore();

    /** A new store (fresh path counters) on emptied tables. */
    static PostgresMarketDataStore emptyStore() {
        PostgresTestDb.truncateAll();
        return new PostgresMarketDataStore(PostgresTestDb.dataSource());
    }

    @Test
    void decimalsAreStoredWithoutTrailingZerosAndAnEqualValueInAnotherScaleTouchesNothing()
            throws Exception {
        Trade t = Fixtures.trade(BTCUSDT, 1, T0_US, "42000.00000000", "1E+3");
        store.upsert(List.of(t));
        assertThat(
                        PostgresTestDb.column(
                                PostgresTestDb.dataSource(),
                                "SELECT price::text || ' ' || qty::text FROM trades"))
                .containsExactly("42000 1000");
        PostgresTestDb.exec("UPDATE trades SET updated_at = '2000-01-01T00:00:00Z'");
        store.upsert(List.of(Fixtures.trade(BTCUSDT, 1, T0_US, "42000.0", "1000.000")));
        assertThat(stale("trades")).isEqualTo(1);
        Trade back = store.trades(BTCUSDT, ALL).get(0);
        assertThat(back).isEqualTo(t);
        assertThat(back.price().scale()).isZero();
    }

    @Test
    void oneBatchCanCopyOneTableDirectlyAndMergeAnother() {
        List<Candle> candles = Fixtures.candles(BTCUSDT, Interval.M1, T0_US, 3);
        List<Trade> trades = Fixtures.trades(BTCUSDT, 1, T0_US, 1, 3);
        store.upsert(trades);
        assertThat(store.directBatches()).isEqualTo(1);

        List<MarketRecord> mixed = new ArrayList<>(candles);
        mixed.addAll(trades);
        store.upsert(mixed);
        assertThat(store.directBatches()).isEqualTo(2); // the new candles
        assertThat(store.mergedBatches()).isEqualTo(1); // the known trades

        // the merge budget belongs to the trades table only: new candles still go direct
        store.upsert(Fixtures.candles(BTCUSDT, Interval.M1, T0_US + 3 * 60_000_000L, 2));
        assertThat(store.directBatches()).isEqualTo(3);
        store.upsert(Fixtures.trades(BTCUSDT, 100, T0_US, 1, 2));
        assertThat(store.mergedBatches()).isEqualTo(2);
        assertThat(store.count("candle", BTCUSDT)).isEqualTo(5);
        assertThat(store.count("trade", BTCUSDT)).isEqualTo(5);
    }

    @Test
    void aFailureOtherThanAnExistingKeyIsNotRetriedAsAMerge() {
        PostgresTestDb.exec(
                "ALTER TABLE candles ADD CONSTRAINT test_no_5m CHECK (interval <> '5m')");
        try {
            assertThatThrownBy(() -> store.upsert(Fixtures.candles(BTCUSDT, Interval.M5, T0_US, 2)))
                    .isInstanceOf(PermanentException.class)
                    .hasMessageStartingWith("upsert of 2 market record(s) failed: [23514]")
                    .hasMessageContaining("test_no_5m");
            assertThat(store.mergedBatches()).isZero();
            assertThat(store.directBatches()).isZero();
            store.upsert(Fixtures.candles(BTCUSDT, Interval.M1, T0_US, 2));
            assertThat(store.directBatches()).isEqualTo(1);
            assertThat(store.mergedBatches()).isZero();
        } finally {
            PostgresTestDb.exec("ALTER TABLE candles DROP CONSTRAINT test_no_5m");
        }
    }

    @Test
    void theMergePathRejectsBadRowsLikeTheDirectOne() {
        List<Candle> known = Fixtures.candles(BTCUSDT, Interval.M5, T0_US, 2);
        store.upsert(known);
        store.upsert(known); // a conflict: the next batches of candles take the merge path
        assertThat(store.mergedBatches()).isEqualTo(1);
        PostgresTestDb.exec(
                "ALTER TABLE candles ADD CONSTRAINT test_close_cap CHECK (close < 1000000)");
        try {
            List<Candle> batch = new ArrayList<>(known);
            batch.add(Fixtures.candle(BTCUSDT, Interval.M5, T0_US + 600_000_000L, "1000000"));
            assertThatThrownBy(() -> store.upsert(batch))
                    .isInstanceOf(PermanentException.class)
                    .hasMessageContaining("test_close_cap");
            assertThat(store.mergedBatches()).isEqualTo(1);
            assertThat(store.candles(BTCUSDT, Interval.M5, ALL)).isEqualTo(known);
            store.upsert(Fixtures.candles(BTCUSDT, Interval.M1, T0_US, 1));
            assertThat(store.mergedBatches()).isEqualTo(2);
            assertThat(store.directBatches()).isEqualTo(1);
        } finally {
            PostgresTestDb.exec("ALTER TABLE candles DROP CONSTRAINT test_close_cap");
        }
    }

    private static long stale(String table) throws Exception {
        return Long.parseLong(
                PostgresTestDb.column(
                                PostgresTestDb.dataSource(),
                                "SELECT count(*) FROM "
                                        + table
                                        + " WHERE updated_at < '2001-01-01'")
                        .get(0));
    }
}
