package io.streamforge.store.postgres;

import io.streamforge.domain.AggTrade;
import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import io.streamforge.domain.MarketRecord;
import io.streamforge.domain.Symbol;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Measures the raw COPY rate into a scratch table shaped like {@code candles} or {@code agg_trades}
 * (UNLOGGED or plain, dropped afterwards). Only the COPY is timed: generating the records and
 * creating the table are not. Needs the schema of {@link PostgresSchema}.
 */
public final class PostgresCopyBench {
    /** The outcome of one measurement. */
    public record Result(String kind, int records, boolean unlogged, long elapsedNs) {
        public double recordsPerSecond() {
            return elapsedNs == 0 ? 0 : records * 1e9 / elapsedNs;
        }

        @Override
        public String toString() {
            return String.format(
                    "COPY %d %s record(s) into a%s table: %.1f ms, %.0f records/s",
                    records,
                    kind,
                    unlogged ? "n unlogged" : " plain",
                    elapsedNs / 1e6,
                    recordsPerSecond());
        }
    }

    private PostgresCopyBench() {}

    /**
     * COPYs {@code n} synthetic records of {@code kind} ({@code candle} or {@code agg_trade}) into
     * a fresh scratch table and returns the rate.
     */
    public static Result measure(DataSource dataSource, String kind, int n, boolean unlogged) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
        MarketTable<?> table = MarketTable.ofKind(kind);
        if (table == MarketTable.TRADES) {
            throw new IllegalArgumentException("kind: expected candle or agg_trade, got trade");
        }
        return measure(dataSource, kind, synthetic(table, n), unlogged, () -> () -> {});
    }

    /**
     * COPYs the given records (all of {@code kind}) into a fresh scratch table; {@code aroundCopy}
     * is opened right before the COPY and closed right after it (e.g. a CPU meter).
     */
    public static Result measure(
            DataSource dataSource,
            String kind,
            List<? extends MarketRecord> records,
            boolean unlogged,
            Supplier<? extends AutoCloseable> aroundCopy) {
        Objects.requireNonNull(dataSource, "dataSource");
        MarketTable<?> table = MarketTable.ofKind(kind);
        if (records.isEmpty()) {
            throw new IllegalArgumentException("no records to COPY");
        }
        String scratch = "bench_" + table.name() + "_" + Long.toHexString(System.nanoTime());
        return new Jdbc(dataSource)
                .inTransaction(
                        "COPY benchmark",
                        c -> {
                            exec(
                                    c,
                                    "CREATE "
                                            + (unlogged ? "UNLOGGED " : "")
                                            + "TABLE "
                                            + scratch
                                            + " (LIKE "
                                            + table.name()
                                            + " INCLUDING ALL)");
                            try {
                                long t0 = System.nanoTime();
                                try (AutoCloseable meter = aroundCopy.get()) {
                                    PostgresMarketDataStore.copy(c, table, scratch, records);
                                } catch (SQLException | RuntimeException e) {
                                    throw e;
                                } catch (Exception e) {
                                    throw new IllegalStateException(e);
                                }
                                return new Result(
                                        kind, records.size(), unlogged, System.nanoTime() - t0);
                            } finally {
                                exec(c, "DROP TABLE IF EXISTS " + scratch);
                            }
                        });
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** Realistic-looking records: 1m candles / aggTrades of BTCUSDT from 2024-01-01. */
    static List<MarketRecord> synthetic(MarketTable<?> table, int n) {
        Symbol symbol = Symbol.of("BTCUSDT");
        long t0 = 1_704_067_200_000_000L;
        List<MarketRecord> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            BigDecimal p = BigDecimal.valueOf(4_200_000_000L + i * 137L, 5);
            if (table == MarketTable.CANDLES) {
                long open = t0 + i * Interval.M1.fixedUs();
                out.add(
                        new Candle(
                                symbol,
                                Interval.M1,
                                open,
                                Interval.M1.closeTimeOf(open),
                                p,
                                p.add(BigDecimal.TEN),
                                p.subtract(BigDecimal.TEN),
                                p,
                                new BigDecimal("12.34567"),
                                p.multiply(new BigDecimal("12.34567")),
                                1000 + i % 500,
                                new BigDecimal("6.1"),
                                new BigDecimal("256789.12")));
            } else {
                out.add(
                        new AggTrade(
                                symbol,
                                i,
                                p,
                                new BigDecimal("0.00123"),
                                10L * i,
                                10L * i + 3,
                                t0 + i * 1000L,
                                i % 2 == 0,
                                true));
            }
        }
        return out;
    }
}
