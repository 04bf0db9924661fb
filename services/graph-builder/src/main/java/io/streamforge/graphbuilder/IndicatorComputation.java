package io.streamforge.graphbuilder;

import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.graph.IndicatorValue;
import io.streamforge.indicators.CandleSeries;
import io.streamforge.indicators.IndicatorSpec;
import io.streamforge.indicators.IndicatorTable;
import io.streamforge.indicators.Indicators;
import java.util.ArrayList;
import java.util.List;

/** Indicator values of one symbol's candles, as stored rows (warm-up NaNs left out). */
public final class IndicatorComputation {
    private IndicatorComputation() {}

    /** Every non-NaN value of every column of {@code specs} over {@code candles}. */
    public static List<IndicatorValue> compute(
            Symbol symbol, Interval interval, List<Candle> candles, List<IndicatorSpec> specs) {
        if (candles.isEmpty() || specs.isEmpty()) {
            return List.of();
        }
        IndicatorTable table = Indicators.compute(CandleSeries.of(candles), specs);
        long[] times = table.openTimeUs();
        List<IndicatorValue> out = new ArrayList<>(times.length * table.names().size());
        for (String name : table.names()) {
            double[] column = table.column(name);
            for (int i = 0; i < times.length; i++) {
                if (!Double.isNaN(column[i])) {
                    out.add(new IndicatorValue(symbol, interval, times[i], name, column[i]));
                }
            }
        }
        return out;
    }
}
