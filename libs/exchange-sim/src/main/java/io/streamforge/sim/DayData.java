package io.streamforge.sim;

import io.streamforge.domain.AggTrade;
import io.streamforge.domain.Trade;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * All aggTrades of one symbol on one UTC day in compact primitive arrays (prices in ticks,
 * quantities in steps). Sorted by time; agg ids and trade ids are contiguous.
 */
final class DayData {
    final SymbolSpec spec;
    final long dayStartUs;
    final long firstAggId;
    final long[] timeUs;
    final long[] priceTicks;
    final long[] qtySteps;
    final long[] firstTradeId;
    final int[] tradesInAgg;
    final boolean[] buyerMaker;
    final boolean[] bestMatch;

    DayData(
            SymbolSpec spec,
            long dayStartUs,
            long firstAggId,
            long[] timeUs,
            long[] priceTicks,
            long[] qtySteps,
            long[] firstTradeId,
            int[] tradesInAgg,
            boolean[] buyerMaker,
            boolean[] bestMatch) {
        this.spec = spec;
        this.dayStartUs = dayStartUs;
        this.firstAggId = firstAggId;
        this.timeUs = timeUs;
        this.priceTicks = priceTicks;
        this.qtySteps = qtySteps;
        this.firstTradeId = firstTradeId;
        this.tradesInAgg = tradesInAgg;
        this.buyerMaker = buyerMaker;
        this.bestMatch = bestMatch;
    }

    int size() {
        return timeUs.length;
    }

    /** Index of the first trade with time ≥ {@code us} (size() when none). */
    int indexAtOrAfter(long us) {
        int i = Arrays.binarySearch(timeUs, us);
        if (i < 0) {
            return -i - 1;
        }
        while (i > 0 && timeUs[i - 1] == us) {
            i--;
        }
        return i;
    }

    /** Index of the aggTrade that contains trade id {@code tradeId} (must be in this day). */
    int aggIndexOfTrade(long tradeId) {
        int i = Arrays.binarySearch(firstTradeId, tradeId);
        return i >= 0 ? i : -i - 2;
    }

    /**
     * The single trades of aggTrade {@code i}: same price, time and side; the quantity (at least
     * one step per trade) is split as evenly as the step allows, earlier trades taking the
     * remainder.
     */
    void addTrades(int i, List<Trade> out, long fromTradeId) {
        int k = tradesInAgg[i];
        long base = qtySteps[i] / k;
        long rest = qtySteps[i] % k;
        BigDecimal price = BigDecimal.valueOf(priceTicks[i], spec.tickScale());
        for (int j = 0; j < k; j++) {
            long id = firstTradeId[i] + j;
            if (id < fromTradeId) {
                continue;
            }
            long q = base + (j < rest ? 1 : 0);
            out.add(
                    new Trade(
                            spec.symbol(),
                            id,
                            price,
                            BigDecimal.valueOf(q, spec.stepScale()),
                            BigDecimal.valueOf(
                                    Math.multiplyExact(priceTicks[i], q),
                                    spec.tickScale() + spec.stepScale()),
                            timeUs[i],
                            buyerMaker[i],
                            bestMatch[i]));
        }
    }

    AggTrade trade(int i) {
        return new AggTrade(
                spec.symbol(),
                firstAggId + i,
                BigDecimal.valueOf(priceTicks[i], spec.tickScale()),
                BigDecimal.valueOf(qtySteps[i], spec.stepScale()),
                firstTradeId[i],
                firstTradeId[i] + tradesInAgg[i] - 1,
                timeUs[i],
                buyerMaker[i],
                bestMatch[i]);
    }
}
