package io.streamforge.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The inputs of the correlation pipeline refuse bad data with the symbol and index named. */
class SeriesValidationTest {
    private static final Symbol BTC = Symbol.of("BTCUSDT");
    private static final Symbol ETH = Symbol.of("ETHUSDT");

    private static Candle candle(Symbol s, Interval i, long openUs, String close) {
        BigDecimal c = new BigDecimal(close);
        return new Candle(
                s,
                i,
                openUs,
                i.closeTimeOf(openUs),
                c,
                c,
                c,
                c,
                BigDecimal.ONE,
                c,
                1,
                BigDecimal.ZERO,
                BigDecimal.ZERO);
    }

    @Test
    void aPriceSeriesIsSortedByOpenTimeAndImmutable() {
        long[] times = {300, 100, 200};
        double[] closes = {3, 1, 2};
        PriceSeries s = new PriceSeries(BTC, times, closes);
        assertThat(s.openTimesUs()).containsExactly(100, 200, 300);
        assertThat(s.closes()).containsExactly(1, 2, 3);
        times[0] = 0;
        closes[0] = 99;
        s.closes()[0] = 42;
        assertThat(s.openTimeUs(2)).isEqualTo(300);
        assertThat(s.close(0)).isEqualTo(1);
        assertThat(s.size()).isEqualTo(3);
        assertThat(s).hasToString("PriceSeries[BTCUSDT, 3 points]");
    }

    @Test
    void badPriceSeriesAreRefusedWithTheSymbolAndTime() {
        assertThatThrownBy(() -> new PriceSeries(BTC, new long[] {1, 2}, new double[] {1}))
                .hasMessage("BTCUSDT: 2 open times but 1 closes");
        assertThatThrownBy(() -> new PriceSeries(BTC, new long[] {2, 1, 2}, new double[] {1, 1, 1}))
                .hasMessage("BTCUSDT: duplicate open_time_us 2");
        for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> new PriceSeries(BTC, new long[] {5}, new double[] {bad}))
                    .as("close %s", bad)
                    .hasMessageStartingWith("BTCUSDT: close at open_time_us 5 must be a positive");
        }
        assertThatThrownBy(() -> new PriceSeries(null, new long[0], new double[0]))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("symbol");
    }

    @Test
    void candlesBecomeCloseSeriesOfOneSymbolAndOneInterval() {
        Interval h1 = Interval.of("1h");
        PriceSeries s =
                PriceSeries.fromCandles(
                        BTC,
                        List.of(
                                candle(BTC, h1, 3_600_000_000L, "2.5"),
                                candle(BTC, h1, 0, "1.25")));
        assertThat(s.openTimesUs()).containsExactly(0, 3_600_000_000L);
        assertThat(s.closes()).containsExactly(1.25, 2.5);
        assertThatThrownBy(() -> PriceSeries.fromCandles(BTC, List.of(candle(ETH, h1, 0, "1"))))
                .hasMessage("BTCUSDT: candle 0 belongs to ETHUSDT");
        assertThatThrownBy(
                        () ->
                                PriceSeries.fromCandles(
                                        BTC,
                                        List.of(
                                                candle(BTC, h1, 0, "1"),
                                                candle(BTC, Interval.of("1m"), 60_000_000L, "1"))))
                .hasMessage("BTCUSDT: mixed intervals 1h and 1m");
        assertThat(PriceSeries.fromCandles(BTC, List.of()).size()).isZero();
    }

    @Test
    void returnSeriesNeedMatchingFiniteRowsOfAtLeastTwoPoints() {
        ReturnSeries ok =
                ReturnSeries.of(List.of(BTC, ETH), new double[][] {{0.1, -0.1}, {0, 0.2}});
        assertThat(ok.symbolCount()).isEqualTo(2);
        assertThat(ok.length()).isEqualTo(2);
        assertThat(ok.values(1)).containsExactly(0, 0.2);
        ok.values(1)[0] = 9;
        assertThat(ok.values(1)[0]).isZero();

        assertThatThrownBy(
                        () ->
                                ReturnSeries.of(
                                        List.of(BTC), new double[][] {{0.1, 0.2}, {0.1, 0.2}}))
                .hasMessage("1 symbols but 2 return rows");
        assertThatThrownBy(() -> ReturnSeries.of(List.of(), new double[][] {}))
                .hasMessage("no symbols");
        assertThatThrownBy(
                        () -> ReturnSeries.of(List.of(BTC, BTC), new double[][] {{1, 2}, {1, 2}}))
                .hasMessage("duplicate symbol in [BTCUSDT, BTCUSDT]");
        assertThatThrownBy(() -> ReturnSeries.of(List.of(BTC, ETH), new double[][] {{1, 2}, {1}}))
                .hasMessage("mismatched lengths: BTCUSDT has 2 returns, ETHUSDT has 1");
        assertThatThrownBy(
                        () ->
                                ReturnSeries.of(
                                        List.of(BTC, ETH),
                                        new double[][] {{1, 2}, {1, Double.NaN}}))
                .hasMessage("ETHUSDT: return at index 1 is NaN");
        assertThatThrownBy(() -> ReturnSeries.of(List.of(BTC), new double[][] {{1}}))
                .hasMessage("correlation needs at least 2 points per symbol, got 1");
        assertThatThrownBy(() -> ReturnSeries.of(List.of(BTC, ETH), new double[][] {{1, 2}, null}))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("returns of ETHUSDT");
    }

    @Test
    void ranksAverageTiesAndRefuseNaN() {
        assertThat(Ranks.average(new double[] {})).isEmpty();
        assertThat(Ranks.average(new double[] {5})).containsExactly(1);
        assertThat(Ranks.average(new double[] {7, 7, 7})).containsExactly(2, 2, 2);
        assertThat(Ranks.average(new double[] {3, 1, 2, 1, 5, 4, 1}))
                .containsExactly(5, 2, 4, 2, 7, 6, 2);
        assertThatThrownBy(() -> Ranks.average(new double[] {1, Double.NaN}))
                .hasMessage("cannot rank NaN at index 1");
    }
}
