package io.streamforge.graphbuilder;

import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Deterministic 1m candles from a one-factor model: every minute each symbol's log return is {@code
 * beta * market + noise}, so the symbols are really (and differently) correlated.
 */
final class SeedCandles {
    private SeedCandles() {}

    static Map<Symbol, List<Candle>> factorModel(
            List<Symbol> symbols, long startUs, int minutes, long seed) {
        Random random = new Random(seed);
        int n = symbols.size();
        double[] price = new double[n];
        double[] beta = new double[n];
        List<List<Candle>> out = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            price[s] = 100.0 * (s + 1);
            beta[s] = 0.5 + 0.4 * s;
            out.add(new ArrayList<>(minutes));
        }
        long t = startUs;
        for (int m = 0; m < minutes; m++) {
            double market = random.nextGaussian() * 0.001;
            for (int s = 0; s < n; s++) {
                double open = price[s];
                double close = open * Math.exp(beta[s] * market + random.nextGaussian() * 0.0008);
                price[s] = close;
                double volume = 1 + random.nextInt(1000) / 10.0;
                out.get(s).add(candle(symbols.get(s), t, open, close, volume));
            }
            t += Interval.M1.fixedUs();
        }
        Map<Symbol, List<Candle>> bySymbol = new TreeMap<>();
        for (int s = 0; s < n; s++) {
            bySymbol.put(symbols.get(s), List.copyOf(out.get(s)));
        }
        return bySymbol;
    }

    private static Candle candle(Symbol symbol, long t, double open, double close, double vol) {
        BigDecimal o = money(open);
        BigDecimal c = money(close);
        BigDecimal h = money(Math.max(open, close) * 1.0004);
        BigDecimal l = money(Math.min(open, close) * 0.9996);
        BigDecimal v = BigDecimal.valueOf(vol);
        return new Candle(
                symbol,
                Interval.M1,
                t,
                Interval.M1.closeTimeOf(t),
                o,
                h.max(o.max(c)),
                l.min(o.min(c)),
                c,
                v,
                v.multiply(c),
                10,
                v.divide(BigDecimal.valueOf(2)),
                v.multiply(c).divide(BigDecimal.valueOf(2)));
    }

    private static BigDecimal money(double v) {
        return BigDecimal.valueOf(v).setScale(6, RoundingMode.HALF_UP);
    }
}
