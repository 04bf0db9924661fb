package io.streamforge.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamforge.domain.AggTrade;
import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Micros;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.Trade;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CandleAggregationTest {
    private static final Symbol BTC = Symbol.of("BTCUSDT");
    private static final long T0 = Micros.of(Instant.parse("2024-02-29T23:59:00Z"));
    private static final long MIN = 60_000_000L;

    private static AggTrade agg(
            long id, String p, String q, long first, long last, long t, boolean maker) {
        return new AggTrade(
                BTC, id, new BigDecimal(p), new BigDecimal(q), first, last, t, maker, true);
    }

    private static BigDecimal bd(String s) {
        return new BigDecimal(s);
    }

    @Test
    void aggTradesMakeExactCandles() {
        List<AggTrade> trades =
                List.of(
                        agg(1, "0.1", "3", 10, 12, T0 + 1, false),
                        agg(2, "0.3", "0.1", 13, 13, T0 + 2, true),
                        agg(3, "0", "0", -1, -1, T0 + 3, false), // invalidated: skipped
                        agg(4, "0.2", "1.5", 14, 15, T0 + MIN - 1, false),
                        agg(5, "7", "1", 16, 16, T0 + MIN, true));
        List<Candle> out = CandleAggregation.fromAggTrades(trades, Interval.M1, GapPolicy.SKIP);
        assertThat(out).hasSize(2);
        Candle c = out.get(0);
        assertThat(c.openTimeUs()).isEqualTo(T0);
        assertThat(c.closeTimeUs()).isEqualTo(T0 + MIN - 1_000);
        assertThat(List.of(c.open(), c.high(), c.low(), c.close()))
                .containsExactly(bd("0.1"), bd("0.3"), bd("0.1"), bd("0.2"));
        assertThat(c.volume()).isEqualTo(bd("4.6"));
        assertThat(c.quoteVolume()).isEqualTo(bd("0.63")); // 0.3 + 0.03 + 0.3, no float noise
        assertThat(c.tradeCount()).isEqualTo(6);
        assertThat(c.takerBuyBaseVolume()).isEqualTo(bd("4.5"));
        assertThat(c.takerBuyQuoteVolume()).isEqualTo(bd("0.6"));
        assertThat(out.get(1).takerBuyBaseVolume()).isEqualTo(BigDecimal.ZERO);
    }

    @Test
    void gapsAreSkippedOrFilledFlat() {
        List<AggTrade> trades =
                List.of(
                        agg(1, "10", "1", 1, 1, T0, false),
                        agg(2, "12", "2", 2, 2, T0 + 3 * MIN + 5, true));
        assertThat(CandleAggregation.fromAggTrades(trades, Interval.M1, GapPolicy.SKIP))
                .extracting(Candle::openTimeUs)
                .containsExactly(T0, T0 + 3 * MIN);
        List<Candle> flat = CandleAggregation.fromAggTrades(trades, Interval.M1, GapPolicy.FLAT);
        assertThat(flat)
                .extracting(Candle::openTimeUs)
                .containsExactly(T0, T0 + MIN, T0 + 2 * MIN, T0 + 3 * MIN);
        Candle filler = flat.get(1);
        assertThat(List.of(filler.open(), filler.high(), filler.low(), filler.close()))
                .containsOnly(bd("10"));
        assertThat(filler.volume()).isZero();
        assertThat(filler.tradeCount()).isZero();
    }

    @Test
    void tradesCountOneEachAndMonthsFollowTheCalendar() {
        List<Trade> trades =
                List.of(
                        new Trade(BTC, 1, bd("5"), bd("2"), bd("10"), T0, false, true),
                        new Trade(BTC, 2, bd("6"), bd("1"), bd("6"), T0 + MIN, true, true));
        List<Candle> months = CandleAggregation.fromTrades(trades, Interval.MO1, GapPolicy.SKIP);
        assertThat(months).hasSize(2);
        assertThat(months.get(0).openTimeUs())
                .isEqualTo(Micros.of(Instant.parse("2024-02-01T00:00:00Z")));
        assertThat(months.get(0).closeTimeUs())
                .isEqualTo(Micros.of(Instant.parse("2024-02-29T23:59:59.999Z")));
        assertThat(months.get(0).tradeCount()).isEqualTo(1);
        assertThat(months.get(1).openTimeUs())
                .isEqualTo(Micros.of(Instant.parse("2024-03-01T00:00:00Z")));
    }

    @Test
    void resamplingIgnoresZeroTradeFillersForPrices() {
        List<AggTrade> trades =
                List.of(
                        agg(1, "10", "1", 1, 1, T0 - MIN, false),
                        agg(2, "12", "2", 2, 2, T0 + MIN, true));
        List<Candle> minutes = CandleAggregation.fromAggTrades(trades, Interval.M1, GapPolicy.FLAT);
        assertThat(minutes).hasSize(3);
        List<Candle> hours =
                CandleAggregation.resample(minutes.subList(1, 3), Interval.H1, GapPolicy.SKIP);
        // 23:59 is a flat filler at 10 in the 23:00 hour; 00:00 hour holds only the real trade at
        // 12
        assertThat(hours).hasSize(2);
        assertThat(hours.get(0).open()).isEqualTo(bd("10"));
        assertThat(hours.get(0).volume()).isZero();
        assertThat(hours.get(1).open()).isEqualTo(bd("12"));
    }

    @Test
    void badInputIsRejected() {
        AggTrade a = agg(2, "1", "1", 2, 2, T0 + 10, false);
        AggTrade earlier = agg(3, "1", "1", 3, 3, T0, false);
        assertThatThrownBy(
                        () ->
                                CandleAggregation.fromAggTrades(
                                        List.of(a, earlier), Interval.M1, GapPolicy.SKIP))
                .hasMessageContaining("unsorted input: aggTrade 3");
        AggTrade eth =
                new AggTrade(Symbol.of("ETHUSDT"), 3, bd("1"), bd("1"), 3, 3, T0 + 20, false, true);
        assertThatThrownBy(
                        () ->
                                CandleAggregation.fromAggTrades(
                                        List.of(a, eth), Interval.M1, GapPolicy.SKIP))
                .hasMessageContaining("mixed symbols")
                .hasMessageContaining("ETHUSDT");
        Candle hour =
                CandleAggregation.fromAggTrades(List.of(a), Interval.H1, GapPolicy.SKIP).get(0);
        assertThatThrownBy(
                        () ->
                                CandleAggregation.resample(
                                        List.of(hour), Interval.M30, GapPolicy.SKIP))
                .hasMessageContaining(
                        "target interval 30m is not a multiple of source interval 1h");
        Candle threeDays =
                CandleAggregation.fromAggTrades(List.of(a), Interval.D3, GapPolicy.SKIP).get(0);
        assertThatThrownBy(
                        () ->
                                CandleAggregation.resample(
                                        List.of(threeDays), Interval.MO1, GapPolicy.SKIP))
                .hasMessageContaining("not a multiple");
        assertThatThrownBy(
                        () ->
                                CandleAggregation.resample(
                                        List.of(hour, hour), Interval.D1, GapPolicy.SKIP))
                .hasMessageContaining("unsorted input: candle");
        CandleResampler.checkMultiple(Interval.D1, Interval.W1);
        CandleResampler.checkMultiple(Interval.H1, Interval.MO1);
        assertThatThrownBy(() -> CandleResampler.checkMultiple(Interval.D3, Interval.W1))
                .hasMessageContaining("1w");
    }
}
