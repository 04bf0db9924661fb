package io.streamforge.store.postgres;

import io.streamforge.domain.AggTrade;
import io.streamforge.domain.Candle;
import io.streamforge.domain.MarketRecord;
import io.streamforge.domain.Trade;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

/** One market-data table: its columns, how a record becomes a COPY row, and its upsert SQL. */
record MarketTable<T extends MarketRecord>(
        String kind, String name, Class<T> type, List<String> columns, RowWriter<T> writer) {

    @FunctionalInterface
    interface RowWriter<T> {
        void write(T record, CopyWriter out) throws SQLException;
    }

    static final MarketTable<Candle> CANDLES =
            new MarketTable<>(
                    "candle",
                    "candles",
                    Candle.class,
                    List.of(
                            "key",
                            "symbol",
                            "interval",
                            "open_time_us",
                            "close_time_us",
                            "open",
                            "high",
                            "low",
                            "close",
                            "volume",
                            "quote_volume",
                            "trade_count",
                            "taker_buy_base",
                            "taker_buy_quote"),
                    (c, out) ->
                            out.text(c.key())
                                    .text(c.symbol().value())
                                    .text(c.interval().code())
                                    .number(c.openTimeUs())
                                    .number(c.closeTimeUs())
                                    .decimal(c.open())
                                    .decimal(c.high())
                                    .decimal(c.low())
                                    .decimal(c.close())
                                    .decimal(c.volume())
                                    .decimal(c.quoteVolume())
                                    .number(c.tradeCount())
                                    .decimal(c.takerBuyBaseVolume())
                                    .decimal(c.takerBuyQuoteVolume())
                                    .endRow());

    static final MarketTable<AggTrade> AGG_TRADES =
            new MarketTable<>(
                    "agg_trade",
                    "agg_trades",
                    AggTrade.class,
                    List.of(
                            "key",
                            "symbol",
                            "agg_id",
                            "price",
                            "qty",
                            "first_trade_id",
                            "last_trade_id",
                            "time_us",
                            "buyer_maker",
                            "best_match",
                            "invalidated"),
                    (a, out) ->
                            out.text(a.key())
                                    .text(a.symbol().value())
                                    .number(a.aggId())
                                    .decimal(a.price())
                                    .decimal(a.qty())
                                    .number(a.firstTradeId())
                                    .number(a.lastTradeId())
                                    .number(a.timeUs())
                                    .bool(a.buyerMaker())
                                    .bool(a.bestMatch())
                                    .bool(a.invalidated())
                                    .endRow());

    static final MarketTable<Trade> TRADES =
            new MarketTable<>(
                    "trade",
                    "trades",
                    Trade.class,
                    List.of(
                            "key",
                            "symbol",
                            "trade_id",
                            "price",
                            "qty",
                            "quote_qty",
                            "time_us",
                            "buyer_maker",
                            "best_match"),
                    (t, out) ->
                            out.text(t.key())
                                    .text(t.symbol().value())
                                    .number(t.tradeId())
                                    .decimal(t.price())
                                    .decimal(t.qty())
                                    .decimal(t.quoteQty())
                                    .number(t.timeUs())
                                    .bool(t.buyerMaker())
                                    .bool(t.bestMatch())
                                    .endRow());

    static final List<MarketTable<?>> ALL = List.of(CANDLES, AGG_TRADES, TRADES);

    static MarketTable<?> ofKind(String kind) {
        for (MarketTable<?> t : ALL) {
            if (t.kind.equals(kind)) {
                return t;
            }
        }
        throw new IllegalArgumentException(
                "unknown record kind '"
                        + kind
                        + "': expected one of "
                        + ALL.stream().map(MarketTable::kind).toList());
    }

    /** Session-local staging table, emptied at every commit. */
    String stageName() {
        return "stage_" + name;
    }

    String createStageSql() {
        return "CREATE TEMP TABLE IF NOT EXISTS "
                + stageName()
                + " (LIKE "
                + name
                + " INCLUDING DEFAULTS) ON COMMIT DELETE ROWS";
    }

    String copySql(String table) {
        return "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN (FORMAT text)";
    }

    /**
     * Moves the staged rows in, in key order (concurrent batches lock rows in the same order, so
     * they cannot deadlock); a row only changes (and gets a new updated_at) if it differs.
     */
    String upsertSql() {
        List<String> values = columns.subList(1, columns.size());
        String cols = String.join(", ", columns);
        return "INSERT INTO "
                + name
                + " AS t ("
                + cols
                + ") SELECT "
                + cols
                + " FROM "
                + stageName()
                + " ORDER BY key ON CONFLICT (key) DO UPDATE SET "
                + values.stream().map(c -> c + " = EXCLUDED." + c).collect(Collectors.joining(", "))
                + ", updated_at = now() WHERE ("
                + values.stream().map(c -> "t." + c).collect(Collectors.joining(", "))
                + ") IS DISTINCT FROM ("
                + values.stream().map(c -> "EXCLUDED." + c).collect(Collectors.joining(", "))
                + ")";
    }
}
