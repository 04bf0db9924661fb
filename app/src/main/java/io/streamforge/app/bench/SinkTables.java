package io.streamforge.app.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * What a sink stored: per table the row count and an order-independent digest of every stored
 * column but {@code updated_at} (sum of the first 60 bits of each row's MD5, over the columns'
 * text, so {@code 1.50} and {@code 1.5} differ). Equal digests on both sides = the same rows.
 */
record SinkTables(long candles, long candleDigest, long aggTrades, long aggTradeDigest) {
    static final String CANDLE_COLUMNS =
            "key,symbol,interval,open_time_us,close_time_us,open,high,low,close,volume,"
                    + "quote_volume,trade_count,taker_buy_base,taker_buy_quote";
    static final String AGG_TRADE_COLUMNS =
            "key,symbol,agg_id,price,qty,first_trade_id,last_trade_id,time_us,buyer_maker,"
                    + "best_match,invalidated";

    long rows() {
        return candles + aggTrades;
    }

    static SinkTables read(DataSource ds) {
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            long[] cd = digest(s, "candles", CANDLE_COLUMNS);
            long[] ad = digest(s, "agg_trades", AGG_TRADE_COLUMNS);
            return new SinkTables(cd[0], cd[1], ad[0], ad[1]);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the sink tables: " + e.getMessage(), e);
        }
    }

    private static long[] digest(Statement s, String table, String columns) throws SQLException {
        String sql =
                "SELECT count(*), coalesce(sum(('x' || substr(md5(concat_ws('|',"
                        + columns
                        + ")), 1, 15))::bit(60)::bigint) % 9223372036854775807, 0)::bigint FROM "
                        + table;
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }

    /** Rows in both tables (cheap enough to poll every few hundred ms at these sizes). */
    static long count(DataSource ds) {
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery(
                                "SELECT (SELECT count(*) FROM candles)"
                                        + " + (SELECT count(*) FROM agg_trades)")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the sink tables: " + e.getMessage(), e);
        }
    }

    /** Creates database {@code name} on the server behind {@code ds} (if absent). */
    static void createDatabase(DataSource ds, String name) {
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            try (ResultSet rs =
                    s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
    }

    /**
     * Count and digest of {@code agg_trades} with decimals compared by value ({@code trim_scale}:
     * the dump text {@code 1.50000000} and the stored {@code 1.5} are equal).
     */
    static long[] aggTradesTrimmed(DataSource ds) {
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            return digest(
                    s,
                    "agg_trades",
                    AGG_TRADE_COLUMNS.replace("price,qty", "trim_scale(price),trim_scale(qty)"));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read agg_trades: " + e.getMessage(), e);
        }
    }

    /** Empties {@code agg_trades} (after a warm-up). */
    static void truncateAggTrades(DataSource ds) {
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            s.execute("TRUNCATE agg_trades");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot truncate agg_trades: " + e.getMessage(), e);
        }
    }
}
