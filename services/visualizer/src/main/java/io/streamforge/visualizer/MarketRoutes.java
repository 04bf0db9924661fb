package io.streamforge.visualizer;

import io.javalin.http.Context;
import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Micros;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.graph.IndicatorValue;
import io.streamforge.domain.port.IndicatorStore;
import io.streamforge.domain.port.MarketDataStore;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/candles}, {@code /api/indicators}, {@code /api/indicators/values}: stored candles
 * (decimals as strings, times in µs) and indicator values of one symbol and interval.
 */
final class MarketRoutes {
    private final MarketDataStore marketData;
    private final IndicatorStore indicators;
    private final int maxRows;

    MarketRoutes(MarketDataStore marketData, IndicatorStore indicators, int maxRows) {
        this.marketData = marketData;
        this.indicators = indicators;
        this.maxRows = maxRows;
    }

    void candles(Context ctx) {
        Symbol symbol = Params.symbol(ctx);
        Interval interval = Params.interval(ctx);
        TimeRange range = Params.days(ctx);
        Params.checkRows(interval, range, maxRows);
        List<Candle> candles = marketData.candles(symbol, interval, range);
        Map<String, Object> body = header(symbol, interval, range);
        body.put("count", candles.size());
        body.put("candles", candles.stream().map(MarketRoutes::candle).toList());
        Responses.json(ctx, body);
    }

    void indicatorNames(Context ctx) {
        Symbol symbol = Params.symbol(ctx);
        Interval interval = Params.interval(ctx);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("symbol", symbol.value());
        body.put("interval", interval.code());
        body.put("names", indicators.names(symbol, interval));
        Responses.json(ctx, body);
    }

    void indicatorValues(Context ctx) {
        Symbol symbol = Params.symbol(ctx);
        Interval interval = Params.interval(ctx);
        String name = Params.indicatorName(ctx);
        TimeRange range = Params.days(ctx);
        Params.checkRows(interval, range, maxRows);
        List<IndicatorValue> values = indicators.values(symbol, interval, name, range);
        Map<String, Object> body = header(symbol, interval, range);
        body.put("name", name);
        body.put("count", values.size());
        body.put(
                "values",
                values.stream()
                        .map(v -> Map.of("open_time_us", v.openTimeUs(), "value", v.value()))
                        .toList());
        Responses.json(ctx, body);
    }

    static Map<String, Object> header(Symbol symbol, Interval interval, TimeRange range) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("symbol", symbol.value());
        m.put("interval", interval.code());
        m.put("from", Micros.toDate(range.startUs()).toString());
        LocalDate to = Micros.toDate(range.endUs()).minusDays(1);
        m.put("to", to.toString());
        m.put("from_us", range.startUs());
        m.put("to_us", range.endUs());
        return m;
    }

    static Map<String, Object> candle(Candle c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("open_time_us", c.openTimeUs());
        m.put("close_time_us", c.closeTimeUs());
        m.put("open", c.open().toPlainString());
        m.put("high", c.high().toPlainString());
        m.put("low", c.low().toPlainString());
        m.put("close", c.close().toPlainString());
        m.put("volume", c.volume().toPlainString());
        m.put("quote_volume", c.quoteVolume().toPlainString());
        m.put("trade_count", c.tradeCount());
        m.put("taker_buy_base_volume", c.takerBuyBaseVolume().toPlainString());
        m.put("taker_buy_quote_volume", c.takerBuyQuoteVolume().toPlainString());
        return m;
    }
}
