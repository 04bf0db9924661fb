package io.streamforge.indicators;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.Num;

/**
 * JMH: whole-series computation of SMA(20), EMA(20), RSI(14), ATR(14), BBANDS(20,2) and
 * MACD(12,26,9), ours (batch arrays) against ta4j 0.17 with DoubleNum (its fastest number type).
 * Not a test (no *Test/*IT suffix); run as described in the README ("Benchmarks"), with {@code -opi
 * <candles>} so that JMH reports ns per candle.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class IndicatorBenchmark {

    /** Random-walk candles as primitive columns. */
    @State(Scope.Benchmark)
    public static class Arrays {
        @Param({"10000000"})
        public int candles;

        double[] high;
        double[] low;
        double[] close;

        @Setup
        public void setup() {
            Random r = new Random(42);
            high = new double[candles];
            low = new double[candles];
            close = new double[candles];
            double price = 30_000;
            for (int i = 0; i < candles; i++) {
                double c = price * (1 + r.nextGaussian() * 0.002);
                high[i] = Math.max(price, c) * (1 + r.nextDouble() * 0.001);
                low[i] = Math.min(price, c) * (1 - r.nextDouble() * 0.001);
                close[i] = c;
                price = c;
            }
        }
    }

    /** The same candles as a ta4j series. */
    @State(Scope.Benchmark)
    public static class Ta4j {
        BarSeries series;
        ClosePriceIndicator close;
        int n;

        @Setup
        public void setup(Arrays a) {
            series = new BaseBarSeriesBuilder().withNumTypeOf(DoubleNum.class).build();
            ZonedDateTime t = Instant.EPOCH.atZone(ZoneOffset.UTC);
            Duration minute = Duration.ofMinutes(1);
            for (int i = 0; i < a.candles; i++) {
                t = t.plus(minute);
                double o = i == 0 ? a.close[0] : a.close[i - 1];
                series.addBar(minute, t, o, a.high[i], a.low[i], a.close[i], 1.0);
            }
            close = new ClosePriceIndicator(series);
            n = a.candles;
        }
    }

    private static void drain(Indicator<Num> ind, int n, Blackhole bh) {
        for (int i = 0; i < n; i++) {
            bh.consume(ind.getValue(i).doubleValue());
        }
    }

    @Benchmark
    public double[] oursSma(Arrays a) {
        return Indicators.sma(a.close, 20);
    }

    @Benchmark
    public double[] oursEma(Arrays a) {
        return Indicators.ema(a.close, 20);
    }

    @Benchmark
    public double[] oursRsi(Arrays a) {
        return Indicators.rsi(a.close, 14);
    }

    @Benchmark
    public double[] oursAtr(Arrays a) {
        return Indicators.atr(a.high, a.low, a.close, 14);
    }

    @Benchmark
    public Indicators.Bands oursBbands(Arrays a) {
        return Indicators.bollinger(a.close, 20, 2.0);
    }

    @Benchmark
    public Indicators.MacdLines oursMacd(Arrays a) {
        return Indicators.macd(a.close, 12, 26, 9);
    }

    @Benchmark
    public void ta4jSma(Ta4j s, Blackhole bh) {
        drain(new SMAIndicator(s.close, 20), s.n, bh);
    }

    @Benchmark
    public void ta4jEma(Ta4j s, Blackhole bh) {
        drain(new EMAIndicator(s.close, 20), s.n, bh);
    }

    @Benchmark
    public void ta4jRsi(Ta4j s, Blackhole bh) {
        drain(new RSIIndicator(s.close, 14), s.n, bh);
    }

    @Benchmark
    public void ta4jAtr(Ta4j s, Blackhole bh) {
        drain(new ATRIndicator(s.series, 14), s.n, bh);
    }

    @Benchmark
    public void ta4jBbands(Ta4j s, Blackhole bh) {
        var middle = new BollingerBandsMiddleIndicator(new SMAIndicator(s.close, 20));
        var sd = new StandardDeviationIndicator(s.close, 20);
        Num k = s.series.numOf(2);
        drain(new BollingerBandsUpperIndicator(middle, sd, k), s.n, bh);
        drain(new BollingerBandsLowerIndicator(middle, sd, k), s.n, bh);
    }

    @Benchmark
    public void ta4jMacd(Ta4j s, Blackhole bh) {
        MACDIndicator macd = new MACDIndicator(s.close, 12, 26);
        drain(macd, s.n, bh);
        drain(macd.getSignalLine(9), s.n, bh);
        drain(macd.getHistogram(9), s.n, bh);
    }
}
