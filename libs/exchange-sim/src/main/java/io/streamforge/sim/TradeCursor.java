package io.streamforge.sim;

import io.streamforge.domain.Symbol;

/** Walks trades forward from a time across day boundaries. */
final class TradeCursor {
    private final DayStore days;
    private final Symbol symbol;
    DayData day;
    int idx;

    TradeCursor(DayStore days, Symbol symbol, long fromUs) {
        this.days = days;
        this.symbol = symbol;
        this.day = days.day(symbol, Math.floorDiv(fromUs, DayGenerator.DAY_US));
        this.idx = day.indexAtOrAfter(fromUs);
    }

    boolean hasTradeBefore(long stopUs) {
        while (idx >= day.size()) {
            if (day.dayStartUs + DayGenerator.DAY_US >= stopUs) {
                return false;
            }
            day = days.day(symbol, Math.floorDiv(day.dayStartUs, DayGenerator.DAY_US) + 1);
            idx = 0;
        }
        return day.timeUs[idx] < stopUs;
    }

    void advance() {
        idx++;
    }

    /** Price (ticks) of the last trade before the cursor, -1 before the first trade ever. */
    long previousPriceTicks() {
        if (idx > 0) {
            return day.priceTicks[idx - 1];
        }
        long prevDay = Math.floorDiv(day.dayStartUs, DayGenerator.DAY_US) - 1;
        if (prevDay * DayGenerator.DAY_US < days.genesisUs()) {
            return -1;
        }
        DayData d = days.day(symbol, prevDay);
        return d.priceTicks[d.size() - 1];
    }
}
