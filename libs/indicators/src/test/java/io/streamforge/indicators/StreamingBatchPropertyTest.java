package io.streamforge.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * Random candles (seeded, repeated): the streaming path over domain {@link Candle}s must equal the
 * batch arrays bit for bit, and the rolling algorithms must agree with naive window formulas.
 */
class StreamingBatchPropertyTest {
    private static final List<String> SPECS =
            List.of(
                    "SMA:7",
                    "EMA:5",
                    "WMA:9",
                    "RSI:14",
                    "TRANGE",
                    "ATR:14",
                    "NATR:3",
                    "STDDEV:10:2",
                    "BBANDS:20:2",
                    "MACD:3:8:4",
                    "OBV",
                    "VWAP:6",
                    "VWAP:DAY",
                    "RVOL:5");

    private record Data(List<Candle> candles, CandleSeries series) {}

    private static Data randomCandles(long seed, int n) {
        Random r = new Random(seed);
        List<Candle> out = new ArrayList<>();
        double price = 1000 + r.nextInt(50_000);
        long t = 1_700_000_000_000_000L;
        for (int i = 0; i < n; i++) {
            double o = price;
            double c = Math.max(0.01, o * (1 + r.nextGaussian() * 0.01));
            double h = Math.max(o, c) * (1 + r.nextDouble() * 0.005);
            double l = Math.min(o, c) * (1 - r.nextDouble() * 0.005);
            double v = r.nextInt(10) == 0 ? 0.0 : r.nextDouble() * 100;
            double q = v * (l + (h - l) * r.nextDouble());
            out.add(
                    new Candle(
                            Symbol.of("BTCUSDT"),
                            Interval.H1,
                            t,
                            t + 3_599_999_000L,
                            bd(o),
                            bd(h),
                            bd(l),
                            bd(c),
                            bd(v),
                            bd(q),
                            1,
                            BigDecimal.ZERO,
                            BigDecimal.ZERO));
            t += 3_600_000_000L;
            price = c;
        }
        return new Data(out, CandleSeries.of(out));
    }

    private static BigDecimal bd(double d) {
        return BigDecimal.valueOf(d);
    }

    @RepeatedTest(5)
    void streamingOverCandlesEqualsBatchArraysBitForBit(org.junit.jupiter.api.RepetitionInfo info) {
        Data d = randomCandles(info.getCurrentRepetition(), 500);
        CandleSeries s = d.series();
        IndicatorStream stream = new IndicatorStream(IndicatorSpec.parseAll(SPECS));
        List<double[]> rows = new ArrayList<>();
        for (Candle c : d.candles()) {
            rows.add(stream.update(c).clone());
        }
        List<double[]> batch = new ArrayList<>();
        batch.add(Indicators.sma(s.close(), 7));
        batch.add(Indicators.ema(s.close(), 5));
        batch.add(Indicators.wma(s.close(), 9));
        batch.add(Indicators.rsi(s.close(), 14));
        batch.add(Indicators.trueRange(s.high(), s.low(), s.close()));
        batch.add(Indicators.atr(s.high(), s.low(), s.close(), 14));
        batch.add(Indicators.natr(s.high(), s.low(), s.close(), 3));
        batch.add(Indicators.stdDev(s.close(), 10, 2));
        Indicators.Bands bb = Indicators.bollinger(s.close(), 20, 2);
        batch.addAll(List.of(bb.upper(), bb.middle(), bb.lower()));
        Indicators.MacdLines m = Indicators.macd(s.close(), 3, 8, 4);
        batch.addAll(List.of(m.macd(), m.signal(), m.histogram()));
        batch.add(Indicators.obv(s.close(), s.volume()));
        batch.add(Indicators.vwap(s.quoteVolume(), s.volume(), 6));
        batch.add(Indicators.dailyVwap(s.openTimeUs(), s.quoteVolume(), s.volume()));
        batch.add(Indicators.realizedVolatility(s.close(), 5));
        assertThat(stream.columns()).hasSize(batch.size());
        for (int col = 0; col < batch.size(); col++) {
            for (int i = 0; i < rows.size(); i++) {
                assertThat(Double.doubleToLongBits(rows.get(i)[col]))
                        .as("%s row %d", stream.columns().get(col), i)
                        .isEqualTo(Double.doubleToLongBits(batch.get(col)[i]));
            }
        }
        stream.reset();
        assertThat(stream.update(d.candles().get(0))[0]).as("SMA after reset").isNaN();
    }

    @RepeatedTest(3)
    void rollingWindowsMatchNaiveFormulas(org.junit.jupiter.api.RepetitionInfo info) {
        CandleSeries s = randomCandles(100 + info.getCurrentRepetition(), 400).series();
        double[] c = s.close();
        int n = 11;
        double[] sma = Indicators.sma(c, n);
        double[] wma = Indicators.wma(c, n);
        double[] sd = Indicators.stdDev(c, n, 1);
        double[] vwap = Indicators.vwap(s.quoteVolume(), s.volume(), n);
        double[] rv = Indicators.realizedVolatility(c, n);
        for (int i = 0; i < c.length; i++) {
            if (i < n - 1) {
                assertThat(sma[i]).isNaN();
                assertThat(wma[i]).isNaN();
                assertThat(sd[i]).isNaN();
                continue;
            }
            double sum = 0, wsum = 0, qsum = 0, vsum = 0, r2 = 0;
            for (int j = 0; j < n; j++) {
                double x = c[i - n + 1 + j];
                sum += x;
                wsum += (j + 1) * x;
                qsum += s.quoteVolume()[i - n + 1 + j];
                vsum += s.volume()[i - n + 1 + j];
            }
            double mean = sum / n;
            double var = 0;
            for (int j = i - n + 1; j <= i; j++) {
                var += (c[j] - mean) * (c[j] - mean);
            }
            assertThat(sma[i]).isCloseTo(mean, within(1e-12 * mean));
            assertThat(wma[i]).isCloseTo(wsum / (n * (n + 1) / 2.0), within(1e-12 * mean));
            assertThat(sd[i]).isCloseTo(Math.sqrt(var / n), within(1e-9 * mean));
            assertThat(vwap[i]).isCloseTo(qsum / vsum, within(1e-12 * mean));
            if (i >= n) {
                for (int j = i - n + 1; j <= i; j++) {
                    r2 += Math.pow(Math.log(c[j] / c[j - 1]), 2);
                }
                assertThat(rv[i]).isCloseTo(Math.sqrt(r2), within(1e-12));
            } else {
                assertThat(rv[i]).as("needs %d returns", n).isNaN();
            }
        }
    }

    @Test
    void emaAndObvFollowTheirRecursions() {
        double[] x = {1, 2, 3, 4, 5, 6};
        double[] ema = Indicators.ema(x, 3);
        assertThat(ema[1]).isNaN();
        assertThat(ema[2]).isEqualTo(2.0); // SMA of 1,2,3
        assertThat(ema[3]).isEqualTo(3.0); // 2 + (4 - 2) * 0.5
        assertThat(Indicators.ema(x, 3, Ema.Seed.FIRST)[1]).isEqualTo(1.5);
        double[] obv = Indicators.obv(new double[] {10, 11, 11, 9}, new double[] {5, 7, 100, 2});
        assertThat(obv).containsExactly(5, 12, 12, 10);
    }

    @Test
    void dailyVwapResetsAtUtcMidnight() {
        long day = 86_400_000_000L;
        long[] t = {day - 60_000_000L, day, day + 60_000_000L};
        double[] v = Indicators.dailyVwap(t, new double[] {10, 30, 50}, new double[] {1, 3, 2});
        assertThat(v).containsExactly(10.0, 10.0, 16.0);
        assertThat(Indicators.vwap(new double[] {0, 0}, new double[] {0, 0}, 1)[1])
                .as("no volume")
                .isNaN();
    }

    @Test
    void batchInputsOfDifferentLengthsAreRejected() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> Indicators.atr(new double[3], new double[2], new double[3], 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ATR")
                .hasMessageContaining("differ in length");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Sma(0))
                .hasMessageContaining("SMA period must be between 1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Macd(26, 12, 9))
                .hasMessageContaining("fast period (26) must be less than slow period (12)");
    }

    @Test
    void stdDevStaysAccurateOnLargePricesWithTinyMoves() {
        double[] x = new double[10_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = 65_000.0 + (i % 2 == 0 ? 0.005 : -0.005);
        }
        double[] sd = Indicators.stdDev(x, 20, 1);
        assertThat(sd[x.length - 1]).isCloseTo(0.005, within(1e-9));
    }
}
