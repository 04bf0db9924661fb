package io.streamforge.gnntrainer;

import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Micros;
import io.streamforge.domain.PermanentException;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.port.MarketDataStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Close and volume series of several symbols on one common time axis, as libs/gnn wants them
 * ({@code [node][time]}). Built from stored candles: optionally resampled to a coarser interval
 * (close = last close of the bucket, volume = sum), then aligned by keeping only the open times
 * every symbol has (no filling: a filled close would invent a zero return).
 *
 * @param symbols node order (sorted by name)
 * @param openTimesUs the common open times, ascending
 * @param close {@code [node][time]}
 * @param volume {@code [node][time]}
 * @param droppedSteps open times present for some but not all symbols
 */
public record TrainingSeries(
        List<Symbol> symbols,
        long[] openTimesUs,
        double[][] close,
        double[][] volume,
        int droppedSteps) {

    public int steps() {
        return openTimesUs.length;
    }

    public List<String> names() {
        return symbols.stream().map(Symbol::value).toList();
    }

    /**
     * Loads and aligns the candles of {@code symbols}.
     *
     * @param resample coarser interval, or null to keep {@code interval}
     * @throws PermanentException naming every symbol without candles in the range
     */
    public static TrainingSeries load(
            MarketDataStore store,
            List<Symbol> symbols,
            Interval interval,
            Interval resample,
            TimeRange range) {
        List<Symbol> sorted = new ArrayList<>(symbols);
        sorted.sort(null);
        List<Map<Long, double[]>> perSymbol = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Symbol s : sorted) {
            List<Candle> candles = store.candles(s, interval, range);
            if (candles.isEmpty()) {
                missing.add(s.value());
            }
            perSymbol.add(bucket(candles, resample == null ? interval : resample));
        }
        if (!missing.isEmpty()) {
            throw new PermanentException(
                    "no "
                            + interval.code()
                            + " candles from "
                            + range.firstDay()
                            + " to "
                            + Micros.toDate(range.endUs() - 1)
                            + " for "
                            + missing);
        }
        return align(sorted, perSymbol);
    }

    /** open time → {close, volume}, one entry per (re)sampled interval. */
    static Map<Long, double[]> bucket(List<Candle> candles, Interval step) {
        Map<Long, double[]> out = new TreeMap<>();
        for (Candle c : candles) {
            long open = step.openTimeOf(c.openTimeUs());
            double close = c.close().doubleValue();
            double vol = c.volume().doubleValue();
            double[] prev = out.get(open);
            // candles arrive by open time, so the last close of a bucket wins
            out.put(
                    open,
                    prev == null ? new double[] {close, vol} : new double[] {close, prev[1] + vol});
        }
        return out;
    }

    static TrainingSeries align(List<Symbol> symbols, List<Map<Long, double[]>> perSymbol) {
        TreeMap<Long, Integer> counts = new TreeMap<>();
        for (Map<Long, double[]> m : perSymbol) {
            m.keySet().forEach(t -> counts.merge(t, 1, Integer::sum));
        }
        long[] times =
                counts.entrySet().stream()
                        .filter(e -> e.getValue() == perSymbol.size())
                        .mapToLong(Map.Entry::getKey)
                        .toArray();
        double[][] close = new double[symbols.size()][times.length];
        double[][] volume = new double[symbols.size()][times.length];
        for (int n = 0; n < symbols.size(); n++) {
            Map<Long, double[]> m = perSymbol.get(n);
            for (int t = 0; t < times.length; t++) {
                double[] cv = m.get(times[t]);
                close[n][t] = cv[0];
                volume[n][t] = cv[1];
            }
        }
        return new TrainingSeries(
                List.copyOf(symbols), times, close, volume, counts.size() - times.length);
    }
}
