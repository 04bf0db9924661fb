package io.streamforge.app.bench;

import io.streamforge.domain.AggTrade;
import io.streamforge.domain.Candle;
import io.streamforge.domain.MarketRecord;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * Records in Kafka Connect's native JSON form ({@code JsonConverter} with {@code
 * schemas.enable=true}: every message carries {@code {"schema":…,"payload":…}}), one flat struct
 * per row with the column names of our {@code candles} / {@code agg_trades} tables. Decimals travel
 * as strings (their exact text, as our data-topic JSON carries them) and are bound into the NUMERIC
 * columns by PostgreSQL ({@code stringtype=unspecified} on the sink's JDBC URL).
 */
final class ConnectJsonRecords {
    private ConnectJsonRecords() {}

    private static final String CANDLE_SCHEMA =
            schema(
                    "candle",
                    "key:string",
                    "symbol:string",
                    "interval:string",
                    "open_time_us:int64",
                    "close_time_us:int64",
                    "open:string",
                    "high:string",
                    "low:string",
                    "close:string",
                    "volume:string",
                    "quote_volume:string",
                    "trade_count:int64",
                    "taker_buy_base:string",
                    "taker_buy_quote:string");
    private static final String AGG_TRADE_SCHEMA =
            schema(
                    "agg_trade",
                    "key:string",
                    "symbol:string",
                    "agg_id:int64",
                    "price:string",
                    "qty:string",
                    "first_trade_id:int64",
                    "last_trade_id:int64",
                    "time_us:int64",
                    "buyer_maker:boolean",
                    "best_match:boolean",
                    "invalidated:boolean");

    private static String schema(String name, String... fields) {
        StringBuilder b = new StringBuilder("{\"type\":\"struct\",\"name\":\"");
        b.append(name).append("\",\"optional\":false,\"fields\":[");
        for (int i = 0; i < fields.length; i++) {
            String[] f = fields[i].split(":");
            b.append(i == 0 ? "" : ",")
                    .append("{\"field\":\"")
                    .append(f[0])
                    .append("\",\"type\":\"")
                    .append(f[1])
                    .append("\",\"optional\":false}");
        }
        return b.append("]}").toString();
    }

    /** The table a record goes to: {@code candles} or {@code agg_trades}. */
    static String table(MarketRecord r) {
        return r.kind().equals("candle") ? "candles" : "agg_trades";
    }

    static byte[] encode(MarketRecord r) {
        StringBuilder b = new StringBuilder(1_400);
        if (r instanceof Candle c) {
            b.append("{\"schema\":").append(CANDLE_SCHEMA).append(",\"payload\":{");
            text(b, "key", c.key()).append(',');
            text(b, "symbol", c.symbol().value()).append(',');
            text(b, "interval", c.interval().code()).append(',');
            number(b, "open_time_us", c.openTimeUs()).append(',');
            number(b, "close_time_us", c.closeTimeUs()).append(',');
            decimal(b, "open", c.open()).append(',');
            decimal(b, "high", c.high()).append(',');
            decimal(b, "low", c.low()).append(',');
            decimal(b, "close", c.close()).append(',');
            decimal(b, "volume", c.volume()).append(',');
            decimal(b, "quote_volume", c.quoteVolume()).append(',');
            number(b, "trade_count", c.tradeCount()).append(',');
            decimal(b, "taker_buy_base", c.takerBuyBaseVolume()).append(',');
            decimal(b, "taker_buy_quote", c.takerBuyQuoteVolume());
        } else if (r instanceof AggTrade a) {
            b.append("{\"schema\":").append(AGG_TRADE_SCHEMA).append(",\"payload\":{");
            text(b, "key", a.key()).append(',');
            text(b, "symbol", a.symbol().value()).append(',');
            number(b, "agg_id", a.aggId()).append(',');
            decimal(b, "price", a.price()).append(',');
            decimal(b, "qty", a.qty()).append(',');
            number(b, "first_trade_id", a.firstTradeId()).append(',');
            number(b, "last_trade_id", a.lastTradeId()).append(',');
            number(b, "time_us", a.timeUs()).append(',');
            bool(b, "buyer_maker", a.buyerMaker()).append(',');
            bool(b, "best_match", a.bestMatch()).append(',');
            bool(b, "invalidated", a.invalidated());
        } else {
            throw new IllegalArgumentException("not a candle or aggTrade: " + r.kind());
        }
        return b.append("}}").toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static StringBuilder text(StringBuilder b, String name, String v) {
        if (v.indexOf('"') >= 0 || v.indexOf('\\') >= 0) {
            throw new IllegalArgumentException(name + ": unexpected quote or backslash: " + v);
        }
        return b.append('"').append(name).append("\":\"").append(v).append('"');
    }

    private static StringBuilder decimal(StringBuilder b, String name, BigDecimal v) {
        return text(b, name, v.toPlainString());
    }

    private static StringBuilder number(StringBuilder b, String name, long v) {
        return b.append('"').append(name).append("\":").append(v);
    }

    private static StringBuilder bool(StringBuilder b, String name, boolean v) {
        return b.append('"').append(name).append("\":").append(v);
    }
}
