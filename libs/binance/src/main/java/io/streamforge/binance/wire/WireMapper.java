package io.streamforge.binance.wire;

import io.streamforge.binance.MalformedResponseException;
import io.streamforge.domain.AggTrade;
import io.streamforge.domain.Candle;
import io.streamforge.domain.Decimals;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Micros;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.Trade;
import java.math.BigDecimal;
import java.util.List;

/**
 * Wire DTOs → domain records. Times may be ms or µs ({@link Micros#fromMsOrUs}); decimals are
 * parsed exactly. Invalid values become {@link MalformedResponseException} naming the field.
 */
public final class WireMapper {
    private WireMapper() {}

    public static Candle candle(Symbol symbol, Interval interval, KlineDto k) {
        try {
            return new Candle(
                    symbol,
                    interval,
                    Micros.fromMsOrUs(k.openTime()),
                    Micros.fromMsOrUs(k.closeTime()),
                    Decimals.parse("open", k.open()),
                    Decimals.parse("high", k.high()),
                    Decimals.parse("low", k.low()),
                    Decimals.parse("close", k.close()),
                    Decimals.parse("volume", k.volume()),
                    Decimals.parse("quote_volume", k.quoteVolume()),
                    k.tradeCount(),
                    Decimals.parse("taker_buy_base_volume", k.takerBuyBaseVolume()),
                    Decimals.parse("taker_buy_quote_volume", k.takerBuyQuoteVolume()));
        } catch (IllegalArgumentException e) {
            throw bad("kline " + symbol + " " + interval.code() + " @" + k.openTime(), e);
        }
    }

    public static List<Candle> candles(Symbol symbol, Interval interval, List<KlineDto> ks) {
        return ks.stream().map(k -> candle(symbol, interval, k)).toList();
    }

    public static AggTrade aggTrade(Symbol symbol, AggTradeDto t) {
        try {
            return new AggTrade(
                    symbol,
                    t.aggId(),
                    Decimals.parse("p", t.price()),
                    Decimals.parse("q", t.qty()),
                    t.firstTradeId(),
                    t.lastTradeId(),
                    Micros.fromMsOrUs(t.time()),
                    t.buyerMaker(),
                    t.bestMatch() == null || t.bestMatch());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw bad("aggTrade " + symbol + " a=" + t.aggId(), e);
        }
    }

    public static List<AggTrade> aggTrades(Symbol symbol, List<AggTradeDto> ts) {
        return ts.stream().map(t -> aggTrade(symbol, t)).toList();
    }

    public static Trade trade(Symbol symbol, TradeDto t) {
        try {
            BigDecimal price = Decimals.parse("price", t.price());
            BigDecimal qty = Decimals.parse("qty", t.qty());
            BigDecimal quote =
                    t.quoteQty() == null
                            ? price.multiply(qty)
                            : Decimals.parse("quoteQty", t.quoteQty());
            return new Trade(
                    symbol,
                    t.id(),
                    price,
                    qty,
                    quote,
                    Micros.fromMsOrUs(t.time()),
                    t.isBuyerMaker(),
                    t.isBestMatch() == null || t.isBestMatch());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw bad("trade " + symbol + " id=" + t.id(), e);
        }
    }

    public static List<Trade> trades(Symbol symbol, List<TradeDto> ts) {
        return ts.stream().map(t -> trade(symbol, t)).toList();
    }

    private static MalformedResponseException bad(String what, RuntimeException e) {
        return new MalformedResponseException(what + ": " + e.getMessage(), e);
    }
}
