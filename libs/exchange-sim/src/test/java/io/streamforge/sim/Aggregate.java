package io.streamforge.sim;

import io.streamforge.domain.AggTrade;
import java.math.BigDecimal;
import java.util.List;

/** Independent reference aggregation of aggTrades into kline fields (plain BigDecimal math). */
record Aggregate(
        BigDecimal open,
        BigDecimal high,
        BigDecimal low,
        BigDecimal close,
        BigDecimal volume,
        BigDecimal quoteVolume,
        long count,
        BigDecimal takerBase,
        BigDecimal takerQuote) {

    static Aggregate of(List<AggTrade> trades) {
        BigDecimal high = null;
        BigDecimal low = null;
        BigDecimal vol = BigDecimal.ZERO;
        BigDecimal quote = BigDecimal.ZERO;
        BigDecimal tb = BigDecimal.ZERO;
        BigDecimal tq = BigDecimal.ZERO;
        long count = 0;
        for (AggTrade t : trades) {
            high = high == null || t.price().compareTo(high) > 0 ? t.price() : high;
            low = low == null || t.price().compareTo(low) < 0 ? t.price() : low;
            BigDecimal pq = t.price().multiply(t.qty());
            vol = vol.add(t.qty());
            quote = quote.add(pq);
            count += t.lastTradeId() - t.firstTradeId() + 1;
            if (!t.buyerMaker()) {
                tb = tb.add(t.qty());
                tq = tq.add(pq);
            }
        }
        return new Aggregate(
                trades.get(0).price(),
                high,
                low,
                trades.get(trades.size() - 1).price(),
                vol,
                quote,
                count,
                tb,
                tq);
    }
}
