package io.streamforge.sim;

import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import java.math.BigDecimal;
import java.math.BigInteger;

/** Exact kline aggregation in integer ticks/steps; sums overflow into BigInteger when needed. */
final class CandleAcc {
    private final SymbolSpec spec;
    private long open = -1;
    private long high = Long.MIN_VALUE;
    private long low = Long.MAX_VALUE;
    private long close = -1;
    private long count;
    private final ExactSum volume = new ExactSum();
    private final ExactSum quote = new ExactSum();
    private final ExactSum takerVolume = new ExactSum();
    private final ExactSum takerQuote = new ExactSum();

    CandleAcc(SymbolSpec spec) {
        this.spec = spec;
    }

    boolean isEmpty() {
        return open < 0;
    }

    long closeTicks() {
        return close;
    }

    void add(DayData d, int i) {
        long p = d.priceTicks[i];
        long q = d.qtySteps[i];
        if (open < 0) {
            open = p;
        }
        high = Math.max(high, p);
        low = Math.min(low, p);
        close = p;
        count += d.tradesInAgg[i];
        long pq = Math.multiplyExact(p, q);
        volume.add(q);
        quote.add(pq);
        if (!d.buyerMaker[i]) {
            takerVolume.add(q);
            takerQuote.add(pq);
        }
    }

    /** Adds a later, adjacent aggregate (e.g. the next day's summary). */
    void merge(CandleAcc later) {
        if (later.isEmpty()) {
            return;
        }
        if (open < 0) {
            open = later.open;
        }
        high = Math.max(high, later.high);
        low = Math.min(low, later.low);
        close = later.close;
        count += later.count;
        volume.add(later.volume);
        quote.add(later.quote);
        takerVolume.add(later.takerVolume);
        takerQuote.add(later.takerQuote);
    }

    /** The candle; an empty accumulator gives a flat zero-volume candle at {@code flatTicks}. */
    Candle toCandle(Interval interval, long openTimeUs, long flatTicks) {
        int ts = spec.tickScale();
        int qs = spec.stepScale();
        boolean empty = isEmpty();
        BigDecimal o = BigDecimal.valueOf(empty ? flatTicks : open, ts);
        return new Candle(
                spec.symbol(),
                interval,
                openTimeUs,
                interval.closeTimeOf(openTimeUs),
                o,
                empty ? o : BigDecimal.valueOf(high, ts),
                empty ? o : BigDecimal.valueOf(low, ts),
                empty ? o : BigDecimal.valueOf(close, ts),
                volume.toDecimal(qs),
                quote.toDecimal(ts + qs),
                count,
                takerVolume.toDecimal(qs),
                takerQuote.toDecimal(ts + qs));
    }

    /** A long sum that continues in BigInteger once it would overflow. */
    static final class ExactSum {
        private long small;
        private BigInteger big = BigInteger.ZERO;

        void add(long v) {
            long r = small + v;
            if (((small ^ r) & (v ^ r)) < 0) {
                big = big.add(BigInteger.valueOf(small));
                r = v;
            }
            small = r;
        }

        void add(ExactSum other) {
            big = big.add(other.big);
            add(other.small);
        }

        BigDecimal toDecimal(int scale) {
            BigInteger total = big.add(BigInteger.valueOf(small));
            return new BigDecimal(total, scale);
        }
    }
}
