package io.streamforge.sim;

import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Klines of whole-day intervals (1d, 3d, 1w, 1M) from per-day summaries, so a year of monthly
 * candles touches each day's trades once; only a day cut by "as of" is aggregated from trades.
 */
final class DayKlines {
    private final DayStore days;
    private final Map<String, CandleAcc> summaries = new ConcurrentHashMap<>();

    DayKlines(DayStore days) {
        this.days = days;
    }

    static boolean applies(Interval interval) {
        return interval == Interval.D1
                || interval == Interval.D3
                || interval == Interval.W1
                || interval == Interval.MO1;
    }

    /** Day-multiple klines from cached per-day summaries; only a day cut by asOf is re-read. */
    List<Candle> klines(SymbolSpec spec, Interval interval, long open, long stopAll, long asOfUs) {
        List<Candle> out = new ArrayList<>();
        long day = DayGenerator.DAY_US;
        for (; open < stopAll; open = interval.nextOpenTime(open)) {
            long stop = Math.min(interval.nextOpenTime(open), asOfUs);
            CandleAcc acc = new CandleAcc(spec);
            for (long d = Math.max(open, days.genesisUs()) / day; d * day < stop; d++) {
                if ((d + 1) * day <= asOfUs) {
                    acc.merge(summary(spec, d));
                    continue;
                }
                DayData data = days.day(spec.symbol(), d);
                for (int i = 0; i < data.size() && data.timeUs[i] < stop; i++) {
                    acc.add(data, i);
                }
            }
            if (!acc.isEmpty()) {
                out.add(acc.toCandle(interval, open, -1));
            }
        }
        return out;
    }

    /** Forgets the day summaries (the maintenance windows changed). */
    void clear() {
        summaries.clear();
    }

    /** The whole-day aggregate of a symbol-day (kept; ~100 bytes); does not fill the day cache. */
    private CandleAcc summary(SymbolSpec spec, long epochDay) {
        return summaries.computeIfAbsent(
                spec.symbol().value() + "@" + epochDay,
                k -> {
                    DayData data = days.dayUncached(spec.symbol(), epochDay);
                    CandleAcc acc = new CandleAcc(spec);
                    for (int i = 0; i < data.size(); i++) {
                        acc.add(data, i);
                    }
                    return acc;
                });
    }
}
