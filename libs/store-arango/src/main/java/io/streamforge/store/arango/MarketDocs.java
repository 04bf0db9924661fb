package io.streamforge.store.arango;

import io.streamforge.domain.AggTrade;
import io.streamforge.domain.Candle;
import io.streamforge.domain.Decimals;
import io.streamforge.domain.Interval;
import io.streamforge.domain.MarketRecord;
import io.streamforge.domain.PermanentException;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.Trade;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Market records as ArangoDB documents: {@code _key} is the record key ({@code
 * BINANCE:SPOT:BTCUSDT:1m:<us>}), decimals are strings (exact), times are µs integers in {@code
 * *_us} attributes, attribute names are snake_case as in the JSON wire format.
 */
final class MarketDocs {
    /** Characters ArangoDB allows in {@code _key} (max 254 bytes). */
    static final Pattern KEY = Pattern.compile("[a-zA-Z0-9_\\-:.@()+,=;$!*'%]{1,254}");

    private MarketDocs() {}

    /** The collection a record kind is stored in. */
    static String collectionOf(String kind) {
        switch (kind) {
            case "candle":
                return ArangoSchema.CANDLES;
            case "agg_trade":
                return ArangoSchema.AGG_TRADES;
            case "trade":
                return ArangoSchema.TRADES;
            default:
                throw new IllegalArgumentException(
                        "unknown kind '" + kind + "': expected one of candle, agg_trade, trade");
        }
    }

    /** The document of {@code r}; its {@code _key} is checked against ArangoDB's key rules. */
    static Map<String, Object> toDocument(MarketRecord r) {
        String key = r.key();
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("record key '" + key + "' is not a valid _key");
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("_key", key);
        d.put("symbol", r.symbol().value());
        if (r instanceof Candle) {
            Candle c = (Candle) r;
            d.put("interval", c.interval().code());
            d.put("open_time_us", c.openTimeUs());
            d.put("close_time_us", c.closeTimeUs());
            d.put("open", Decimals.format(c.open()));
            d.put("high", Decimals.format(c.high()));
            d.put("low", Decimals.format(c.low()));
            d.put("close", Decimals.format(c.close()));
            d.put("volume", Decimals.format(c.volume()));
            d.put("quote_volume", Decimals.format(c.quoteVolume()));
            d.put("trade_count", c.tradeCount());
            d.put("taker_buy_base_volume", Decimals.format(c.takerBuyBaseVolume()));
            d.put("taker_buy_quote_volume", Decimals.format(c.takerBuyQuoteVolume()));
        } else if (r instanceof AggTrade) {
            AggTrade a = (AggTrade) r;
            d.put("agg_id", a.aggId());
            d.put("price", Decimals.format(a.price()));
            d.put("qty", Decimals.format(a.qty()));
            d.put("first_trade_id", a.firstTradeId());
            d.put("last_trade_id", a.lastTradeId());
            d.put("time_us", a.timeUs());
            d.put("buyer_maker", a.buyerMaker());
            d.put("best_match", a.bestMatch());
            d.put("invalidated", a.invalidated());
        } else {
            Trade t = (Trade) r;
            d.put("trade_id", t.tradeId());
            d.put("price", Decimals.format(t.price()));
            d.put("qty", Decimals.format(t.qty()));
            d.put("quote_qty", Decimals.format(t.quoteQty()));
            d.put("time_us", t.timeUs());
            d.put("buyer_maker", t.buyerMaker());
            d.put("best_match", t.bestMatch());
        }
        return d;
    }

    static Candle candle(Map<String, Object> d) {
        return new Candle(
                symbol(d),
                Interval.of(text(d, "interval")),
                number(d, "open_time_us"),
                number(d, "close_time_us"),
                decimal(d, "open"),
                decimal(d, "high"),
                decimal(d, "low"),
                decimal(d, "close"),
                decimal(d, "volume"),
                decimal(d, "quote_volume"),
                number(d, "trade_count"),
                decimal(d, "taker_buy_base_volume"),
                decimal(d, "taker_buy_quote_volume"));
    }

    static AggTrade aggTrade(Map<String, Object> d) {
        return new AggTrade(
                symbol(d),
                number(d, "agg_id"),
                decimal(d, "price"),
                decimal(d, "qty"),
                number(d, "first_trade_id"),
                number(d, "last_trade_id"),
                number(d, "time_us"),
                flag(d, "buyer_maker"),
                flag(d, "best_match"));
    }

    static Trade trade(Map<String, Object> d) {
        return new Trade(
                symbol(d),
                number(d, "trade_id"),
                decimal(d, "price"),
                decimal(d, "qty"),
                decimal(d, "quote_qty"),
                number(d, "time_us"),
                flag(d, "buyer_maker"),
                flag(d, "best_match"));
    }

    private static Symbol symbol(Map<String, Object> d) {
        return new Symbol(text(d, "symbol"));
    }

    static String text(Map<String, Object> d, String field) {
        Object v = d.get(field);
        if (!(v instanceof String)) {
            throw corrupt(d, field, "string", v);
        }
        return (String) v;
    }

    static long number(Map<String, Object> d, String field) {
        Object v = d.get(field);
        if (!(v instanceof Number)) {
            throw corrupt(d, field, "integer", v);
        }
        return ((Number) v).longValue();
    }

    static double real(Map<String, Object> d, String field) {
        Object v = d.get(field);
        if (!(v instanceof Number)) {
            throw corrupt(d, field, "number", v);
        }
        return ((Number) v).doubleValue();
    }

    private static boolean flag(Map<String, Object> d, String field) {
        Object v = d.get(field);
        if (!(v instanceof Boolean)) {
            throw corrupt(d, field, "boolean", v);
        }
        return (Boolean) v;
    }

    private static BigDecimal decimal(Map<String, Object> d, String field) {
        try {
            return Decimals.parse(field, text(d, field));
        } catch (IllegalArgumentException e) {
            throw new PermanentException("document " + d.get("_key") + ": " + e.getMessage(), e);
        }
    }

    private static PermanentException corrupt(
            Map<String, Object> d, String field, String expected, Object got) {
        return new PermanentException(
                "document "
                        + d.get("_key")
                        + ": attribute "
                        + field
                        + " should be a "
                        + expected
                        + ", got "
                        + got);
    }
}
