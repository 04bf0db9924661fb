package io.streamforge.store.postgres;

import io.streamforge.domain.AggTrade;
import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import io.streamforge.domain.MarketRecord;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.Trade;
import io.streamforge.domain.port.MarketDataStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * {@link MarketDataStore} on PostgreSQL. Each {@link #upsert} is one transaction: per record kind
 * the batch is de-duplicated by key (last one wins) and sorted by key, then written by one of two
 * paths with the same outcome (ADR 2001):
 *
 * <ul>
 *   <li><b>direct</b>: COPY straight into the table inside a savepoint — the whole cost of a batch
 *       of new keys is one COPY;
 *   <li><b>merge</b>: when the direct COPY hits an existing key (unique violation), the savepoint
 *       is rolled back and the batch is COPYed into a session-local staging table and moved with
 *       {@code INSERT … SELECT … ON CONFLICT (key) DO UPDATE … WHERE <row differs>}, so re-writing
 *       identical records touches nothing.
 * </ul>
 *
 * After a conflict the next {@link #MERGE_BATCHES_AFTER_CONFLICT} batches of that table go straight
 * to the merge path (a re-run does not pay for a failed COPY per batch). Expects the schema of
 * {@link PostgresSchema}.
 */
public final class PostgresMarketDataStore implements MarketDataStore {
    static final int MERGE_BATCHES_AFTER_CONFLICT = 16;
    private static final String UNIQUE_VIOLATION = "23505";

    private final Jdbc jdbc;
    private final Map<String, AtomicInteger> mergeBudget = new ConcurrentHashMap<>();
    private final AtomicLong directBatches = new AtomicLong();
    private final AtomicLong mergedBatches = new AtomicLong();

    public PostgresMarketDataStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** Batches (per table) written by a plain COPY so far. */
    public long directBatches() {
        return directBatches.get();
    }

    /** Batches (per table) written through staging + {@code ON CONFLICT} so far. */
    public long mergedBatches() {
        return mergedBatches.get();
    }

    @Override
    public void upsert(Collection<? extends MarketRecord> records) {
        Objects.requireNonNull(records, "records");
        Map<MarketTable<?>, Map<String, MarketRecord>> byTable = group(records);
        if (byTable.isEmpty()) {
            return;
        }
        jdbc.inTransaction(
                "upsert of " + records.size() + " market record(s)",
                c -> {
                    for (var e : byTable.entrySet()) {
                        write(c, e.getKey(), e.getValue().values());
                    }
                    return null;
                });
    }

    /**
     * Validates the whole batch first and splits it by table, last record of a key winning, keys in
     * order (concurrent writers lock keys in the same order, so they cannot deadlock).
     */
    private static Map<MarketTable<?>, Map<String, MarketRecord>> group(
            Collection<? extends MarketRecord> records) {
        Map<MarketTable<?>, Map<String, MarketRecord>> out = new LinkedHashMap<>();
        int i = 0;
        for (MarketRecord r : records) {
            if (r == null) {
                throw new IllegalArgumentException("records[" + i + "]: null record in batch");
            }
            MarketTable<?> table = MarketTable.ofKind(r.kind());
            out.computeIfAbsent(table, t -> new TreeMap<>()).put(r.key(), r);
            i++;
        }
        return out;
    }

    private void write(Connection c, MarketTable<?> table, Collection<MarketRecord> rows)
            throws SQLException {
        AtomicInteger budget = mergeBudget.computeIfAbsent(table.name(), n -> new AtomicInteger());
        if (budget.get() > 0) {
            budget.decrementAndGet();
            stageAndMerge(c, table, rows);
            mergedBatches.incrementAndGet();
            return;
        }
        Savepoint before = c.setSavepoint();
        try {
            copy(c, table, table.name(), rows);
            c.releaseSavepoint(before);
            directBatches.incrementAndGet();
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            c.rollback(before);
            budget.set(MERGE_BATCHES_AFTER_CONFLICT);
            stageAndMerge(c, table, rows);
            mergedBatches.incrementAndGet();
        }
    }

    private static <T extends MarketRecord> void stageAndMerge(
            Connection c, MarketTable<T> table, Collection<MarketRecord> rows) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(table.createStageSql());
        }
        copy(c, table, table.stageName(), rows);
        try (Statement st = c.createStatement()) {
            st.executeUpdate(table.upsertSql());
        }
    }

    /** COPYs {@code rows} into {@code target}; returns the number of rows copied. */
    static <T extends MarketRecord> long copy(
            Connection c,
            MarketTable<T> table,
            String target,
            Collection<? extends MarketRecord> rows)
            throws SQLException {
        CopyManager copyManager = c.unwrap(PGConnection.class).getCopyAPI();
        CopyWriter out = new CopyWriter(copyManager.copyIn(table.copySql(target)));
        try {
            for (MarketRecord r : rows) {
                table.writer().write(table.type().cast(r), out);
            }
            return out.finish();
        } catch (SQLException | RuntimeException e) {
            out.cancel();
            throw e;
        }
    }

    @Override
    public List<Candle> candles(Symbol symbol, Interval interval, TimeRange range) {
        Objects.requireNonNull(interval, "interval");
        return select(
                "candles of " + symbol + " " + interval.code(),
                "SELECT symbol, interval, open_time_us, close_time_us, open, high, low, close,"
                        + " volume, quote_volume, trade_count, taker_buy_base, taker_buy_quote"
                        + " FROM candles WHERE symbol = ? AND interval = ?"
                        + " AND open_time_us >= ? AND open_time_us < ? ORDER BY open_time_us",
                List.of(symbol.value(), interval.code()),
                range,
                rs ->
                        new Candle(
                                new Symbol(rs.getString(1)),
                                Interval.of(rs.getString(2)),
                                rs.getLong(3),
                                rs.getLong(4),
                                rs.getBigDecimal(5),
                                rs.getBigDecimal(6),
                                rs.getBigDecimal(7),
                                rs.getBigDecimal(8),
                                rs.getBigDecimal(9),
                                rs.getBigDecimal(10),
                                rs.getLong(11),
                                rs.getBigDecimal(12),
                                rs.getBigDecimal(13)));
    }

    @Override
    public List<AggTrade> aggTrades(Symbol symbol, TimeRange range) {
        return select(
                "aggTrades of " + symbol,
                "SELECT symbol, agg_id, price, qty, first_trade_id, last_trade_id, time_us,"
                        + " buyer_maker, best_match FROM agg_trades WHERE symbol = ?"
                        + " AND time_us >= ? AND time_us < ? ORDER BY agg_id",
                List.of(symbol.value()),
                range,
                rs ->
                        new AggTrade(
                                new Symbol(rs.getString(1)),
                                rs.getLong(2),
                                rs.getBigDecimal(3),
                                rs.getBigDecimal(4),
                                rs.getLong(5),
                                rs.getLong(6),
                                rs.getLong(7),
                                rs.getBoolean(8),
                                rs.getBoolean(9)));
    }

    @Override
    public List<Trade> trades(Symbol symbol, TimeRange range) {
        return select(
                "trades of " + symbol,
                "SELECT symbol, trade_id, price, qty, quote_qty, time_us, buyer_maker, best_match"
                        + " FROM trades WHERE symbol = ? AND time_us >= ? AND time_us < ?"
                        + " ORDER BY trade_id",
                List.of(symbol.value()),
                range,
                rs ->
                        new Trade(
                                new Symbol(rs.getString(1)),
                                rs.getLong(2),
                                rs.getBigDecimal(3),
                                rs.getBigDecimal(4),
                                rs.getBigDecimal(5),
                                rs.getLong(6),
                                rs.getBoolean(7),
                                rs.getBoolean(8)));
    }

    @Override
    public long count(String kind, Symbol symbol) {
        MarketTable<?> table = MarketTable.ofKind(kind);
        Objects.requireNonNull(symbol, "symbol");
        return jdbc.read(
                "count of " + kind + " " + symbol,
                c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "SELECT count(*) FROM " + table.name() + " WHERE symbol = ?")) {
                        ps.setString(1, symbol.value());
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            return rs.getLong(1);
                        }
                    }
                });
    }

    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> List<T> select(
            String what, String sql, List<String> keys, TimeRange range, RowMapper<T> mapper) {
        Objects.requireNonNull(range, "range");
        return jdbc.read(
                what,
                c -> {
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        int i = 1;
                        for (String k : keys) {
                            ps.setString(i++, k);
                        }
                        ps.setLong(i++, range.startUs());
                        ps.setLong(i, range.endUs());
                        ps.setFetchSize(10_000);
                        List<T> out = new ArrayList<>();
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                out.add(mapper.map(rs));
                            }
                        }
                        return out;
                    }
                });
    }
}
