package io.streamforge.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/**
 * Kline aggregation in integer ticks and steps: exact sums (past {@code Long.MAX_VALUE} too), the
 * taker side only from buyer-taker trades, merging adjacent aggregates and the flat candle of an
 * empty interval; and the symbol specs the simulator derives.
 */
class CandleAccTest {
    private static final SymbolSpec BTC = SymbolSpec.of(Symbol.of("BTCUSDT"), 1);
    private static final Interval M1 = Interval.of("1m");

    /** Trades at the given ticks, each qty steps; {@code buyerMaker} alternates from true. */
    private static DayData trades(long[] ticks, long[] qty, int[] count) {
        int n = ticks.length;
        boolean[] maker = new boolean[n];
        for (int i = 0; i < n; i++) {
            maker[i] = i % 2 == 0;
        }
        long[] times = new long[n];
        long[] firstIds = new long[n];
        for (int i = 0; i < n; i++) {
            times[i] = i * 1_000L;
            firstIds[i] = 100 + i;
        }
        return new DayData(BTC, 0, 1, times, ticks, qty, firstIds, count, maker, new boolean[n]);
    }

    @Test
    void oneIntervalAggregatesOpenHighLowCloseVolumesAndTradeCountExactly() {
        DayData d =
                trades(
                        new long[] {3_000_000, 3_000_150, 2_999_900, 3_000_050},
                        new long[] {100_000, 50_000, 25_000, 1},
                        new int[] {1, 2, 3, 4});
        CandleAcc acc = new CandleAcc(BTC);
        assertThat(acc.isEmpty()).isTrue();
        for (int i = 0; i < d.size(); i++) {
            acc.add(d, i);
        }
        Candle c = acc.toCandle(M1, 0, 0);
        assertThat(c.open()).isEqualTo(new BigDecimal("30000"));
        assertThat(c.high()).isEqualTo(new BigDecimal("30001.5"));
        assertThat(c.low()).isEqualTo(new BigDecimal("29999"));
        assertThat(c.close()).isEqualTo(new BigDecimal("30000.5"));
        assertThat(c.volume()).isEqualTo(new BigDecimal("1.75001"));
        assertThat(c.tradeCount()).isEqualTo(10);
        // buyer-taker trades are the odd ones: 50_000 steps at 30001.5, 1 step at 30000.5
        assertThat(c.takerBuyBaseVolume()).isEqualTo(new BigDecimal("0.50001"));
        assertThat(c.takerBuyQuoteVolume()).isEqualTo(new BigDecimal("15001.050005"));
        // sum of ticks x steps at scale 2 + 5
        assertThat(c.quoteVolume()).isEqualTo(new BigDecimal("52500.800005"));
        assertThat(c.violations()).isEmpty();
        assertThat(acc.closeTicks()).isEqualTo(3_000_050);
    }

    @Test
    void anEmptyIntervalIsAFlatZeroVolumeCandleAtThePreviousClose() {
        Candle c = new CandleAcc(BTC).toCandle(M1, 60_000_000L, 2_500_000);
        assertThat(c.open()).isEqualTo(new BigDecimal("25000"));
        assertThat(c.high()).isEqualTo(c.open());
        assertThat(c.low()).isEqualTo(c.open());
        assertThat(c.close()).isEqualTo(c.open());
        assertThat(c.volume()).isEqualTo(BigDecimal.ZERO);
        assertThat(c.tradeCount()).isZero();
        assertThat(c.closeTimeUs()).isEqualTo(M1.closeTimeOf(60_000_000L));
    }

    @Test
    void mergingKeepsTheEarlierOpenAndTheLaterCloseAndAddsTheRest() {
        DayData first = trades(new long[] {100, 300}, new long[] {1, 2}, new int[] {1, 1});
        DayData second = trades(new long[] {50, 200}, new long[] {3, 4}, new int[] {2, 2});
        CandleAcc a = new CandleAcc(BTC);
        a.add(first, 0);
        a.add(first, 1);
        CandleAcc b = new CandleAcc(BTC);
        b.add(second, 0);
        b.add(second, 1);
        a.merge(b);
        a.merge(new CandleAcc(BTC)); // an empty later aggregate changes nothing
        Candle c = a.toCandle(M1, 0, 0);
        assertThat(c.open()).isEqualTo(new BigDecimal("1"));
        assertThat(c.high()).isEqualTo(new BigDecimal("3"));
        assertThat(c.low()).isEqualTo(new BigDecimal("0.5"));
        assertThat(c.close()).isEqualTo(new BigDecimal("2"));
        assertThat(c.tradeCount()).isEqualTo(6);
        assertThat(c.volume()).isEqualTo(new BigDecimal("0.0001"));

        CandleAcc empty = new CandleAcc(BTC);
        empty.merge(b);
        assertThat(empty.toCandle(M1, 0, 0).open()).isEqualTo(new BigDecimal("0.5"));
    }

    @Test
    void sumsContinuePastLongMaxValueWithoutLosingADigit() {
        CandleAcc.ExactSum s = new CandleAcc.ExactSum();
        s.add(Long.MAX_VALUE);
        s.add(Long.MAX_VALUE);
        s.add(3);
        BigInteger expected =
                BigInteger.valueOf(Long.MAX_VALUE)
                        .multiply(BigInteger.TWO)
                        .add(BigInteger.valueOf(3));
        assertThat(s.toDecimal(0)).isEqualTo(new BigDecimal(expected));
        CandleAcc.ExactSum other = new CandleAcc.ExactSum();
        other.add(Long.MAX_VALUE);
        other.add(10);
        s.add(other);
        assertThat(s.toDecimal(2))
                .isEqualTo(
                        new BigDecimal(
                                expected.add(BigInteger.valueOf(Long.MAX_VALUE))
                                        .add(BigInteger.TEN),
                                2));
        CandleAcc.ExactSum negative = new CandleAcc.ExactSum();
        negative.add(Long.MIN_VALUE);
        negative.add(-1);
        assertThat(negative.toDecimal(0))
                .isEqualTo(
                        new BigDecimal(
                                BigInteger.valueOf(Long.MIN_VALUE).subtract(BigInteger.ONE)));
    }

    @Test
    void knownSymbolsGetRealisticMagnitudesAndOthersExactScales() {
        assertThat(BTC.baseAsset()).isEqualTo("BTC");
        assertThat(BTC.quoteAsset()).isEqualTo("USDT");
        assertThat(BTC.tickSize()).isEqualTo(new BigDecimal("0.01"));
        assertThat(BTC.stepSize()).isEqualTo(new BigDecimal("0.00001"));
        SymbolSpec eth = SymbolSpec.of(Symbol.of("ETHBTC"), 1);
        assertThat(eth.quoteAsset()).isEqualTo("BTC");
        assertThat(eth.baseAsset()).isEqualTo("ETH");
        for (String s : new String[] {"FOOUSDT", "ZZZEUR", "ABCDEFG", "PEPEFDUSD"}) {
            SymbolSpec spec = SymbolSpec.of(Symbol.of(s), 42);
            assertThat(spec.tickScale() + spec.stepScale()).as(s).isLessThanOrEqualTo(8);
            assertThat(spec.tickScale()).as(s).isBetween(0, 8);
            assertThat(spec.basePrice()).as(s).isBetween(0.01, 1000.0);
            assertThat(spec.baseAsset() + spec.quoteAsset()).isEqualTo(s);
            assertThat(spec.baseAsset()).isNotEmpty();
            assertThat(SymbolSpec.of(Symbol.of(s), 42)).as("deterministic").isEqualTo(spec);
        }
        assertThat(SymbolSpec.of(Symbol.of("FOOUSDT"), 1).beta())
                .isNotEqualTo(SymbolSpec.of(Symbol.of("FOOUSDT"), 2).beta());
    }
}
