package io.streamforge.indicators;

import io.streamforge.domain.AggTrade;
import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.Trade;
import java.math.BigDecimal;
import java.util.function.Consumer;

/**
 * Builds candles of one interval from a time-ordered stream of trades or aggTrades of one symbol.
 * Finished candles go to the sink as soon as a trade of a later interval arrives; call {@link
 * #flush()} at the end for the last one. Volumes are exact: quote volume = Σ price × qty, taker buy
 * = trades whose buyer was not the maker. An aggTrade counts {@code l - f + 1} trades; invalidated
 * aggTrades ({@link AggTrade#invalidated()}) are skipped.
 */
public final class TradeAggregator {
    private final Buckets buckets;
    private Symbol symbol;
    private long lastTimeUs = Long.MIN_VALUE;
    private long lastId = Long.MIN_VALUE;

    public TradeAggregator(Interval interval, GapPolicy policy, Consumer<Candle> sink) {
        this.buckets = new Buckets(interval, policy, sink);
    }

    public void accept(AggTrade t) {
        if (t.invalidated()) {
            return;
        }
        long trades = t.lastTradeId() - t.firstTradeId() + 1;
        if (trades < 1) {
            throw new IllegalArgumentException(
                    "aggTrade "
                            + t.aggId()
                            + ": last trade id "
                            + t.lastTradeId()
                            + " before first trade id "
                            + t.firstTradeId());
        }
        add(
                t.symbol(),
                t.timeUs(),
                t.aggId(),
                "aggTrade",
                t.price(),
                t.qty(),
                trades,
                t.buyerMaker());
    }

    public void accept(Trade t) {
        add(t.symbol(), t.timeUs(), t.tradeId(), "trade", t.price(), t.qty(), 1, t.buyerMaker());
    }

    private void add(
            Symbol s,
            long timeUs,
            long id,
            String what,
            BigDecimal price,
            BigDecimal qty,
            long trades,
            boolean buyerMaker) {
        if (symbol == null) {
            symbol = s;
        } else if (!symbol.equals(s)) {
            throw new IllegalArgumentException(
                    "mixed symbols: " + what + " " + id + " is " + s + ", expected " + symbol);
        }
        if (timeUs < lastTimeUs || id <= lastId) {
            throw new IllegalArgumentException(
                    "unsorted input: "
                            + what
                            + " "
                            + id
                            + " at "
                            + timeUs
                            + " µs after "
                            + what
                            + " "
                            + lastId
                            + " at "
                            + lastTimeUs
                            + " µs");
        }
        lastTimeUs = timeUs;
        lastId = id;
        buckets.at(s, timeUs).addTrade(price, qty, trades, buyerMaker);
    }

    /** Emits the candle in progress. */
    public void flush() {
        buckets.flush();
    }
}
