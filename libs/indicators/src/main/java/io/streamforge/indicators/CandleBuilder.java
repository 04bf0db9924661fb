package io.streamforge.indicators;

import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import java.math.BigDecimal;

/** Mutable, exact (BigDecimal) accumulator of one candle. */
final class CandleBuilder {
    private final Symbol symbol;
    private final Interval interval;
    private final long openTimeUs;
    private BigDecimal open;
    private BigDecimal high;
    private BigDecimal low;
    private BigDecimal close;
    private BigDecimal volume = BigDecimal.ZERO;
    private BigDecimal quoteVolume = BigDecimal.ZERO;
    private BigDecimal takerBase = BigDecimal.ZERO;
    private BigDecimal takerQuote = BigDecimal.ZERO;
    private long tradeCount;
    private boolean traded;

    CandleBuilder(Symbol symbol, Interval interval, long openTimeUs) {
        this.symbol = symbol;
        this.interval = interval;
        this.openTimeUs = openTimeUs;
    }

    long openTimeUs() {
        return openTimeUs;
    }

    BigDecimal close() {
        return close;
    }

    /** Adds trades at one price: {@code trades} is the number of trades it stands for. */
    void addTrade(BigDecimal price, BigDecimal qty, long trades, boolean buyerMaker) {
        setPrices(price, price, price, price);
        BigDecimal quote = price.multiply(qty);
        volume = volume.add(qty);
        quoteVolume = quoteVolume.add(quote);
        if (!buyerMaker) {
            takerBase = takerBase.add(qty);
            takerQuote = takerQuote.add(quote);
        }
        tradeCount += trades;
    }

    /**
     * Adds a lower-interval candle. A candle without trades (flat filler) only sets prices while
     * this candle has no traded one, so filler never moves the open, high, low or close.
     */
    void addCandle(Candle c) {
        boolean empty = c.tradeCount() == 0 && c.volume().signum() == 0;
        if (!empty && !traded) {
            open = null;
        }
        if (!empty || !traded) {
            setPrices(c.open(), c.high(), c.low(), c.close());
        }
        traded |= !empty;
        volume = volume.add(c.volume());
        quoteVolume = quoteVolume.add(c.quoteVolume());
        takerBase = takerBase.add(c.takerBuyBaseVolume());
        takerQuote = takerQuote.add(c.takerBuyQuoteVolume());
        tradeCount += c.tradeCount();
    }

    private void setPrices(BigDecimal o, BigDecimal h, BigDecimal l, BigDecimal c) {
        if (open == null) {
            open = o;
            high = h;
            low = l;
        } else {
            high = high.max(h);
            low = low.min(l);
        }
        close = c;
    }

    Candle build() {
        return new Candle(
                symbol,
                interval,
                openTimeUs,
                interval.closeTimeOf(openTimeUs),
                open,
                high,
                low,
                close,
                volume,
                quoteVolume,
                tradeCount,
                takerBase,
                takerQuote);
    }

    static Candle flat(Symbol symbol, Interval interval, long openTimeUs, BigDecimal price) {
        CandleBuilder b = new CandleBuilder(symbol, interval, openTimeUs);
        b.setPrices(price, price, price, price);
        return b.build();
    }
}
