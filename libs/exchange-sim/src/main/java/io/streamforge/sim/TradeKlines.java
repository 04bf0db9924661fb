package io.streamforge.sim;

import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import java.util.ArrayList;
import java.util.List;

/**
 * Klines of sub-day intervals, aggregated trade by trade (whole-day intervals: {@link DayKlines}).
 * 1s candles of seconds without trades are flat (previous close, zero volume) unless the second
 * lies in a maintenance window; seconds before the first trade ever are absent.
 */
final class TradeKlines {
    private final DayStore days;
    private final ModelAdjustments adjustments;

    TradeKlines(DayStore days, ModelAdjustments adjustments) {
        this.days = days;
        this.adjustments = adjustments;
    }

    /**
     * Candles opening in {@code [open, stopAll)}; trades at or after {@code asOfUs} do not exist.
     */
    List<Candle> klines(SymbolSpec spec, Interval interval, long open, long stopAll, long asOfUs) {
        List<Candle> out = new ArrayList<>();
        TradeCursor cur = new TradeCursor(days, spec.symbol(), Math.max(open, days.genesisUs()));
        long prevClose = interval == Interval.S1 ? cur.previousPriceTicks() : -1;
        while (open < stopAll) {
            long next = interval.nextOpenTime(open);
            long stop = Math.min(next, asOfUs);
            CandleAcc acc = new CandleAcc(spec);
            while (cur.hasTradeBefore(stop)) {
                acc.add(cur.day, cur.idx);
                cur.advance();
            }
            if (!acc.isEmpty() || (prevClose >= 0 && !adjustments.inMaintenance(open, next))) {
                out.add(acc.toCandle(interval, open, prevClose));
            }
            if (!acc.isEmpty()) {
                prevClose = acc.closeTicks();
            }
            open = next;
        }
        return out;
    }
}
