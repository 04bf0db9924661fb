package io.streamforge.visualizer;

import io.javalin.http.Context;
import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.port.MarketDataStore;
import io.streamforge.indicators.CandleAggregation;
import io.streamforge.indicators.CandleSeries;
import io.streamforge.indicators.GapPolicy;
import io.streamforge.indicators.IndicatorSpec;
import io.streamforge.indicators.IndicatorTable;
import io.streamforge.indicators.Indicators;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /api/chart}: stored candles of one symbol and interval over a range, resampled on the
 * server (libs/indicators {@link CandleAggregation#resample}) to the finest display interval that
 * keeps at most {@code max_points} candles, plus indicators computed on the displayed series. The
 * browser never receives more than {@link #MAX_POINTS} candles, whatever the range.
 */
final class ChartRoutes {
    static final int DEFAULT_POINTS = 2_000;
    static final int MAX_POINTS = 5_000;

    /** Indicators drawn on the price axis; every other kind gets its own pane below the price. */
    private static final Set<IndicatorSpec.Kind> OVERLAYS =
            Set.of(
                    IndicatorSpec.Kind.SMA,
                    IndicatorSpec.Kind.EMA,
                    IndicatorSpec.Kind.WMA,
                    IndicatorSpec.Kind.BBANDS,
                    IndicatorSpec.Kind.VWAP);

    private final MarketDataStore marketData;
    private final int maxSourceRows;

    ChartRoutes(MarketDataStore marketData, int maxSourceRows) {
        this.marketData = marketData;
        this.maxSourceRows = maxSourceRows;
    }

    void chart(Context ctx) {
        Symbol symbol = Params.symbol(ctx);
        Interval source = Params.interval(ctx);
        TimeRange range = Params.days(ctx);
        Interval requested = Params.optionalInterval(ctx, "display", source);
        int maxPoints = Params.intInRange(ctx, "max_points", DEFAULT_POINTS, 10, MAX_POINTS);
        List<IndicatorSpec> specs = specs(ctx.queryParam("indicators"));
        Params.checkRows(source, range, maxSourceRows);
        Interval display = Resolution.choose(source, requested, range, maxPoints);
        List<Candle> stored = marketData.candles(symbol, source, range);
        List<Candle> shown =
                display == source
                        ? stored
                        : CandleAggregation.resample(stored, display, GapPolicy.SKIP);
        Map<String, Object> body = MarketRoutes.header(symbol, source, range);
        body.put("display_interval", display.code());
        body.put("aggregated", display != source);
        body.put("max_points", maxPoints);
        body.put("source_count", stored.size());
        body.put("count", shown.size());
        body.put("candles", columns(shown));
        body.put("indicators", indicators(shown, specs));
        Responses.json(ctx, body);
    }

    static List<IndicatorSpec> specs(String raw) {
        List<IndicatorSpec> out = new ArrayList<>();
        if (raw == null || raw.isBlank()) {
            return out;
        }
        for (String s : raw.split(",")) {
            if (s.isBlank()) {
                continue;
            }
            try {
                out.add(IndicatorSpec.parse(s));
            } catch (IllegalArgumentException e) {
                throw ApiProblem.badRequest("indicators", e.getMessage());
            }
        }
        if (out.size() > 8) {
            throw ApiProblem.badRequest("indicators", "at most 8 indicators, got " + out.size());
        }
        return out;
    }

    /** Column arrays (numbers, for drawing): t = open time in ms, o, h, l, c, v. */
    private static Map<String, Object> columns(List<Candle> candles) {
        int n = candles.size();
        long[] t = new long[n];
        double[][] ohlcv = new double[5][n];
        for (int i = 0; i < n; i++) {
            Candle c = candles.get(i);
            t[i] = c.openTimeUs() / 1000;
            ohlcv[0][i] = c.open().doubleValue();
            ohlcv[1][i] = c.high().doubleValue();
            ohlcv[2][i] = c.low().doubleValue();
            ohlcv[3][i] = c.close().doubleValue();
            ohlcv[4][i] = c.volume().doubleValue();
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("t", t);
        m.put("o", ohlcv[0]);
        m.put("h", ohlcv[1]);
        m.put("l", ohlcv[2]);
        m.put("c", ohlcv[3]);
        m.put("v", ohlcv[4]);
        return m;
    }

    private static List<Map<String, Object>> indicators(
            List<Candle> candles, List<IndicatorSpec> specs) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (specs.isEmpty() || candles.isEmpty()) {
            return out;
        }
        IndicatorTable table = Indicators.compute(CandleSeries.of(candles), specs);
        for (IndicatorSpec spec : specs) {
            List<Map<String, Object>> cols = new ArrayList<>();
            for (String name : spec.columns()) {
                Map<String, Object> col = new LinkedHashMap<>();
                col.put("name", name);
                col.put("values", nullForNaN(table.column(name)));
                cols.add(col);
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("spec", spec.toString());
            m.put("placement", OVERLAYS.contains(spec.kind()) ? "overlay" : "pane");
            m.put("columns", cols);
            out.add(m);
        }
        return out;
    }

    private static List<Double> nullForNaN(double[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (double v : values) {
            out.add(Double.isFinite(v) ? v : null);
        }
        return out;
    }
}
