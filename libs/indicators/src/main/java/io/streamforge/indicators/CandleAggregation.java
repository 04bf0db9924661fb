package io.streamforge.indicators;

import io.streamforge.domain.AggTrade;
import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Trade;
import java.util.ArrayList;
import java.util.List;

/** Batch helpers over {@link TradeAggregator} and {@link CandleResampler}. */
public final class CandleAggregation {
    private CandleAggregation() {}

    /** Candles from time-ordered aggTrades of one symbol (invalidated ones skipped). */
    public static List<Candle> fromAggTrades(
            List<AggTrade> trades, Interval interval, GapPolicy policy) {
        List<Candle> out = new ArrayList<>();
        TradeAggregator agg = new TradeAggregator(interval, policy, out::add);
        trades.forEach(agg::accept);
        agg.flush();
        return out;
    }

    /** Candles from time-ordered trades of one symbol. */
    public static List<Candle> fromTrades(List<Trade> trades, Interval interval, GapPolicy policy) {
        List<Candle> out = new ArrayList<>();
        TradeAggregator agg = new TradeAggregator(interval, policy, out::add);
        trades.forEach(agg::accept);
        agg.flush();
        return out;
    }

    /** Candles of a higher interval from time-ordered candles of one symbol and interval. */
    public static List<Candle> resample(List<Candle> candles, Interval target, GapPolicy policy) {
        List<Candle> out = new ArrayList<>();
        CandleResampler r = new CandleResampler(target, policy, out::add);
        candles.forEach(r::accept);
        r.flush();
        return out;
    }
}
