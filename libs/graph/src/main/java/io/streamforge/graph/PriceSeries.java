package io.streamforge.graph;

import io.streamforge.domain.Candle;
import io.streamforge.domain.Symbol;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * The columnar close series of one symbol: open times (epoch µs, strictly increasing) and the close
 * price at each. Arrays are copied on the way in and out, so an instance is immutable.
 */
public final class PriceSeries {
    private final Symbol symbol;
    private final long[] openTimesUs;
    private final double[] closes;

    /**
     * Creates a series; sorts by open time and validates it.
     *
     * @throws IllegalArgumentException on different lengths, a duplicate open time, or a close that
     *     is NaN, infinite, zero or negative (a log return needs a positive price)
     */
    public PriceSeries(Symbol symbol, long[] openTimesUs, double[] closes) {
        this.symbol = Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(openTimesUs, "openTimesUs");
        Objects.requireNonNull(closes, "closes");
        if (openTimesUs.length != closes.length) {
            throw new IllegalArgumentException(
                    symbol
                            + ": "
                            + openTimesUs.length
                            + " open times but "
                            + closes.length
                            + " closes");
        }
        int[] order = sortedOrder(openTimesUs);
        this.openTimesUs = new long[order.length];
        this.closes = new double[order.length];
        for (int k = 0; k < order.length; k++) {
            this.openTimesUs[k] = openTimesUs[order[k]];
            this.closes[k] = closes[order[k]];
            if (k > 0 && this.openTimesUs[k] == this.openTimesUs[k - 1]) {
                throw new IllegalArgumentException(
                        symbol + ": duplicate open_time_us " + this.openTimesUs[k]);
            }
            double c = this.closes[k];
            if (!(c > 0) || Double.isInfinite(c)) {
                throw new IllegalArgumentException(
                        symbol
                                + ": close at open_time_us "
                                + this.openTimesUs[k]
                                + " must be a positive finite number, got "
                                + c);
            }
        }
    }

    private static int[] sortedOrder(long[] times) {
        boolean sorted = true;
        for (int i = 1; i < times.length && sorted; i++) {
            sorted = times[i - 1] <= times[i];
        }
        if (sorted) {
            return IntStream.range(0, times.length).toArray();
        }
        return IntStream.range(0, times.length)
                .boxed()
                .sorted(Comparator.comparingLong(i -> times[i]))
                .mapToInt(Integer::intValue)
                .toArray();
    }

    /**
     * Converts candles of one symbol. All candles must carry {@code symbol} and one interval.
     *
     * @throws IllegalArgumentException naming the first offending candle
     */
    public static PriceSeries fromCandles(Symbol symbol, List<Candle> candles) {
        Objects.requireNonNull(candles, symbol + ": candles");
        long[] times = new long[candles.size()];
        double[] closes = new double[candles.size()];
        List<Candle> list = new ArrayList<>(candles);
        for (int i = 0; i < list.size(); i++) {
            Candle c = Objects.requireNonNull(list.get(i), symbol + ": null candle at " + i);
            if (!c.symbol().equals(symbol)) {
                throw new IllegalArgumentException(
                        symbol + ": candle " + i + " belongs to " + c.symbol());
            }
            if (c.interval() != list.get(0).interval()) {
                throw new IllegalArgumentException(
                        symbol
                                + ": mixed intervals "
                                + list.get(0).interval().code()
                                + " and "
                                + c.interval().code());
            }
            times[i] = c.openTimeUs();
            closes[i] = c.close().doubleValue();
        }
        return new PriceSeries(symbol, times, closes);
    }

    public Symbol symbol() {
        return symbol;
    }

    public int size() {
        return closes.length;
    }

    public long openTimeUs(int i) {
        return openTimesUs[i];
    }

    public double close(int i) {
        return closes[i];
    }

    public long[] openTimesUs() {
        return openTimesUs.clone();
    }

    public double[] closes() {
        return closes.clone();
    }

    @Override
    public String toString() {
        return "PriceSeries[" + symbol + ", " + closes.length + " points]";
    }
}
