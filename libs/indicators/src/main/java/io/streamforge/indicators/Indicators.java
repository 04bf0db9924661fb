package io.streamforge.indicators;

import java.util.List;

/**
 * Batch API: primitive arrays in, a new array out, NaN before warm-up. Each method runs the
 * streaming class of the same name over the input, so batch and streaming results are identical bit
 * for bit. Conventions (TA-Lib defaults) are documented on the streaming classes.
 */
public final class Indicators {
    private Indicators() {}

    /** Bollinger bands, one array per band. */
    public record Bands(double[] upper, double[] middle, double[] lower) {}

    /** MACD line, signal line and histogram. */
    public record MacdLines(double[] macd, double[] signal, double[] histogram) {}

    /** Named indicator columns for a candle series. */
    public static IndicatorTable compute(CandleSeries series, List<IndicatorSpec> specs) {
        return IndicatorTable.compute(series, specs);
    }

    public static double[] sma(double[] x, int period) {
        Sma f = new Sma(period);
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = f.update(x[i]);
        }
        return out;
    }

    public static double[] ema(double[] x, int period) {
        return ema(x, period, Ema.Seed.SMA);
    }

    public static double[] ema(double[] x, int period, Ema.Seed seed) {
        Ema f = new Ema(period, seed);
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = f.update(x[i]);
        }
        return out;
    }

    public static double[] wma(double[] x, int period) {
        Wma f = new Wma(period);
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = f.update(x[i]);
        }
        return out;
    }

    public static double[] rsi(double[] close, int period) {
        Rsi f = new Rsi(period);
        double[] out = new double[close.length];
        for (int i = 0; i < close.length; i++) {
            out[i] = f.update(close[i]);
        }
        return out;
    }

    public static double[] stdDev(double[] x, int period, double nbDev) {
        StdDev f = new StdDev(period, nbDev);
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = f.update(x[i]);
        }
        return out;
    }

    public static double[] realizedVolatility(double[] close, int period) {
        RealizedVolatility f = new RealizedVolatility(period);
        double[] out = new double[close.length];
        for (int i = 0; i < close.length; i++) {
            out[i] = f.update(close[i]);
        }
        return out;
    }

    public static double[] trueRange(double[] high, double[] low, double[] close) {
        Periods.sameLength("TRANGE", close.length, high, low);
        TrueRange f = new TrueRange();
        double[] out = new double[close.length];
        for (int i = 0; i < close.length; i++) {
            out[i] = f.update(high[i], low[i], close[i]);
        }
        return out;
    }

    public static double[] atr(double[] high, double[] low, double[] close, int period) {
        return atrOrNatr(high, low, close, period, false);
    }

    public static double[] natr(double[] high, double[] low, double[] close, int period) {
        return atrOrNatr(high, low, close, period, true);
    }

    private static double[] atrOrNatr(
            double[] high, double[] low, double[] close, int period, boolean normalised) {
        Periods.sameLength(normalised ? "NATR" : "ATR", close.length, high, low);
        Atr f = new Atr(period);
        double[] out = new double[close.length];
        for (int i = 0; i < close.length; i++) {
            double atr = f.update(high[i], low[i], close[i]);
            out[i] = normalised ? f.natr() : atr;
        }
        return out;
    }

    public static Bands bollinger(double[] x, int period, double k) {
        Bollinger f = new Bollinger(period, k);
        int n = x.length;
        Bands b = new Bands(new double[n], new double[n], new double[n]);
        for (int i = 0; i < n; i++) {
            b.middle[i] = f.update(x[i]);
            b.upper[i] = f.upper();
            b.lower[i] = f.lower();
        }
        return b;
    }

    public static MacdLines macd(double[] x, int fast, int slow, int signal) {
        Macd f = new Macd(fast, slow, signal);
        int n = x.length;
        MacdLines m = new MacdLines(new double[n], new double[n], new double[n]);
        for (int i = 0; i < n; i++) {
            m.macd[i] = f.update(x[i]);
            m.signal[i] = f.signal();
            m.histogram[i] = f.histogram();
        }
        return m;
    }

    public static double[] obv(double[] close, double[] volume) {
        Periods.sameLength("OBV", close.length, volume);
        Obv f = new Obv();
        double[] out = new double[close.length];
        for (int i = 0; i < close.length; i++) {
            out[i] = f.update(close[i], volume[i]);
        }
        return out;
    }

    /** Rolling VWAP: Σ quote volume / Σ volume over the last {@code period} candles. */
    public static double[] vwap(double[] quoteVolume, double[] volume, int period) {
        Periods.sameLength("VWAP", quoteVolume.length, volume);
        Vwap f = new Vwap(period);
        double[] out = new double[volume.length];
        for (int i = 0; i < volume.length; i++) {
            out[i] = f.update(quoteVolume[i], volume[i]);
        }
        return out;
    }

    /** VWAP anchored at each UTC day start. */
    public static double[] dailyVwap(long[] openTimeUs, double[] quoteVolume, double[] volume) {
        Periods.sameLength("VWAP:DAY", openTimeUs.length, quoteVolume, volume);
        DailyVwap f = new DailyVwap();
        double[] out = new double[volume.length];
        for (int i = 0; i < volume.length; i++) {
            out[i] = f.update(openTimeUs[i], quoteVolume[i], volume[i]);
        }
        return out;
    }
}
