package io.streamforge.sim;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.streamforge.domain.AggTrade;
import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Micros;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.Trade;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** Handlers of the Binance market-data endpoints; each returns the JSON body. */
final class MarketEndpoints {
    static final int DEFAULT_LIMIT = 500;
    static final int MAX_LIMIT = 1_000;
    static final long AGG_WINDOW_US = 3_600_000_000L;
    private static final Set<String> UTC_ZONES = Set.of("0", "+0", "-0", "00:00", "+00:00", "Z");

    private final MarketModel model;
    private final Faults faults;
    private final ObjectMapper mapper = new ObjectMapper();

    MarketEndpoints(MarketModel model, Faults faults) {
        this.model = model;
        this.faults = faults;
    }

    String klines(Context ctx, long nowUs, boolean micros) {
        Symbol symbol = Params.symbol(ctx.queryParam("symbol"), model);
        Interval interval = Params.interval(ctx.queryParam("interval"));
        Long startUs = Params.optTimeUs("startTime", ctx.queryParam("startTime"));
        Long endExclUs = Params.optEndExclusiveUs(ctx.queryParam("endTime"));
        int limit = Params.limit(ctx.queryParam("limit"), DEFAULT_LIMIT, MAX_LIMIT);
        String tz = ctx.queryParam("timeZone");
        if (Params.present(tz) && !UTC_ZONES.contains(tz)) {
            throw ApiError.invalidParam("timeZone");
        }
        return JsonOut.klines(
                klineRange(symbol, interval, startUs, endExclUs, limit, nowUs), micros);
    }

    /** Binance paging: start → oldest from it; only end → latest up to it; none → latest. */
    List<Candle> klineRange(
            Symbol symbol, Interval interval, Long startUs, Long endExclUs, int limit, long nowUs) {
        long end = endExclUs == null ? Long.MAX_VALUE : endExclUs;
        if (startUs != null) {
            if (startUs >= end) {
                return List.of();
            }
            long first = interval.openTimeOf(startUs);
            if (first < startUs) {
                first = interval.nextOpenTime(first);
            }
            first = Math.max(first, interval.openTimeOf(model.genesisUs()));
            long stop = Math.min(end, shift(interval, first, limit));
            List<Candle> out =
                    new ArrayList<>(model.klinesAsOf(symbol, interval, first, stop, nowUs));
            // candles inside maintenance are absent: keep filling up to limit after the gap
            while (out.size() < limit
                    && stop < Math.min(end, nowUs)
                    && !model.maintenanceWindows().isEmpty()) {
                long from = stop;
                stop = Math.min(end, shift(interval, from, limit - out.size()));
                out.addAll(model.klinesAsOf(symbol, interval, from, stop, nowUs));
            }
            return out;
        }
        long lastOpen = interval.openTimeOf(Math.min(end, nowUs) - 1);
        long first = shift(interval, lastOpen, -(limit - 1));
        return model.klinesAsOf(symbol, interval, first, lastOpen + 1, nowUs);
    }

    /** Open time {@code n} intervals after (n &lt; 0: before) {@code openUs}. */
    static long shift(Interval interval, long openUs, int n) {
        if (interval.isCalendar()) {
            return Micros.of(
                    Micros.toInstant(openUs).atZone(ZoneOffset.UTC).plusMonths(n).toInstant());
        }
        return openUs + n * interval.fixedUs();
    }

    String aggTrades(Context ctx, long nowUs, boolean micros) {
        Symbol symbol = Params.symbol(ctx.queryParam("symbol"), model);
        Long fromId = Params.optLong("fromId", ctx.queryParam("fromId"));
        Long startUs = Params.optTimeUs("startTime", ctx.queryParam("startTime"));
        Long endExclUs = Params.optEndExclusiveUs(ctx.queryParam("endTime"));
        int limit = Params.limit(ctx.queryParam("limit"), DEFAULT_LIMIT, MAX_LIMIT);
        if (fromId != null && (startUs != null || endExclUs != null)) {
            throw ApiError.badCombo();
        }
        Long endUs = Params.optTimeUs("endTime", ctx.queryParam("endTime"));
        if (startUs != null && endUs != null && endUs - startUs > AGG_WINDOW_US) {
            throw ApiError.moreThanHours(1);
        }
        return JsonOut.aggTrades(
                aggTradeRange(symbol, fromId, startUs, endExclUs, limit, nowUs), micros);
    }

    List<AggTrade> aggTradeRange(
            Symbol symbol, Long fromId, Long startUs, Long endExclUs, int limit, long nowUs) {
        long end = Math.min(endExclUs == null ? Long.MAX_VALUE : endExclUs, nowUs);
        if (startUs == null && fromId == null) {
            return model.aggTradesBefore(symbol, end, limit);
        }
        long first = fromId != null ? fromId : model.firstAggIdAtOrAfter(symbol, startUs);
        long endId = model.firstAggIdAtOrAfter(symbol, end);
        if (first >= endId) {
            return List.of();
        }
        int n = (int) Math.min(limit, endId - first);
        return model.aggTradesFromId(symbol, first, n);
    }

    /** GET /api/v3/trades: the most recent single trades before now. */
    String trades(Context ctx, long nowUs, boolean micros) {
        Symbol symbol = Params.symbol(ctx.queryParam("symbol"), model);
        int limit = Params.limit(ctx.queryParam("limit"), DEFAULT_LIMIT, MAX_LIMIT);
        return tradesJson(model.tradesBefore(symbol, nowUs, limit), micros);
    }

    /** GET /api/v3/historicalTrades: trades from fromId (default: the most recent). */
    String historicalTrades(Context ctx, long nowUs, boolean micros) {
        Symbol symbol = Params.symbol(ctx.queryParam("symbol"), model);
        int limit = Params.limit(ctx.queryParam("limit"), DEFAULT_LIMIT, MAX_LIMIT);
        Long fromId = Params.optLong("fromId", ctx.queryParam("fromId"));
        if (fromId == null) {
            return tradesJson(model.tradesBefore(symbol, nowUs, limit), micros);
        }
        long endId = model.firstTradeIdAtOrAfter(symbol, nowUs);
        if (fromId >= endId) {
            return "[]";
        }
        int n = (int) Math.min(limit, endId - fromId);
        return tradesJson(model.tradesFromId(symbol, fromId, n), micros);
    }

    /** GET /api/v3/depth: the evolving order book at now ({@link OrderBook}). */
    String depth(Context ctx, long nowUs, boolean micros) {
        Symbol symbol = Params.symbol(ctx.queryParam("symbol"), model);
        int limit = depthLimit(ctx);
        return DepthBook.json(OrderBook.atTime(model, model.spec(symbol), nowUs), limit);
    }

    /** The depth limit (default 100, above 5000 truncated to 5000); validated like Binance. */
    static int depthLimit(Context ctx) {
        Long v = Params.optLong("limit", ctx.queryParam("limit"));
        if (v == null) {
            return 100;
        }
        if (v < 1) {
            throw ApiError.invalidParam("limit");
        }
        return (int) Math.min(v, 5_000);
    }

    static int depthWeight(Context ctx) {
        try {
            return DepthBook.weight(depthLimit(ctx));
        } catch (ApiError e) {
            return DepthBook.weight(100);
        }
    }

    private static String tradesJson(Collection<Trade> trades, boolean micros) {
        return JsonOut.write(
                g -> {
                    g.writeStartArray();
                    for (Trade t : trades) {
                        g.writeStartObject();
                        g.writeNumberField("id", t.tradeId());
                        g.writeStringField("price", JsonOut.decimal(t.price()));
                        g.writeStringField("qty", JsonOut.decimal(t.qty()));
                        g.writeStringField("quoteQty", JsonOut.decimal(t.quoteQty()));
                        g.writeNumberField("time", JsonOut.time(t.timeUs(), micros));
                        g.writeBooleanField("isBuyerMaker", t.buyerMaker());
                        g.writeBooleanField("isBestMatch", t.bestMatch());
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                });
    }

    String exchangeInfo(Context ctx, long nowUs, boolean micros) {
        List<Symbol> wanted = new ArrayList<>();
        String one = ctx.queryParam("symbol");
        String many = ctx.queryParam("symbols");
        if (Params.present(one) && Params.present(many)) {
            throw ApiError.badCombo();
        }
        if (Params.present(one)) {
            wanted.add(Params.symbolFormat(one));
        } else if (Params.present(many)) {
            wanted.addAll(parseSymbols(many));
        } else {
            wanted.addAll(model.symbols());
        }
        List<SymbolSpec> specs = new ArrayList<>();
        for (Symbol s : wanted) {
            if (!model.hasSymbol(s)) {
                throw ApiError.badSymbol();
            }
            specs.add(model.spec(s));
        }
        return ExchangeInfoJson.write(
                specs, JsonOut.time(nowUs, micros), faults.weightLimitPerMinute());
    }

    private List<Symbol> parseSymbols(String json) {
        List<String> raw;
        try {
            raw = mapper.readValue(json, new TypeReference<List<String>>() {});
        } catch (Exception e) {
            throw ApiError.illegalChars("symbols", ApiError.SYMBOL_RANGE);
        }
        if (raw == null || raw.isEmpty()) {
            throw ApiError.mandatory("symbols");
        }
        return raw.stream().map(Params::symbolFormat).toList();
    }
}
