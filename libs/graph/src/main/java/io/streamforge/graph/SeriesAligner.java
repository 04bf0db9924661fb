package io.streamforge.graph;

import io.streamforge.domain.Candle;
import io.streamforge.domain.Symbol;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Aligns several symbols' close series on open time. Symbols are sorted by name, so the output
 * order does not depend on map iteration order. See {@link AlignmentPolicy} for missing points.
 */
public final class SeriesAligner {
    private SeriesAligner() {}

    /** Aligns candles per symbol with {@link AlignmentPolicy#dropRows()}. */
    public static AlignedSeries align(Map<Symbol, List<Candle>> candles) {
        return align(candles, AlignmentPolicy.dropRows());
    }

    /** Aligns candles per symbol; every list must hold candles of its key's symbol only. */
    public static AlignedSeries align(Map<Symbol, List<Candle>> candles, AlignmentPolicy policy) {
        Objects.requireNonNull(candles, "candles");
        List<PriceSeries> series = new ArrayList<>();
        for (var e : candles.entrySet()) {
            series.add(PriceSeries.fromCandles(e.getKey(), e.getValue()));
        }
        return alignSeries(series, policy);
    }

    /** Aligns columnar series; symbols must be distinct. */
    public static AlignedSeries alignSeries(
            Collection<PriceSeries> series, AlignmentPolicy policy) {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(policy, "policy");
        TreeMap<Symbol, PriceSeries> bySymbol = new TreeMap<>();
        for (PriceSeries s : series) {
            if (bySymbol.put(s.symbol(), s) != null) {
                throw new IllegalArgumentException("symbol " + s.symbol() + " given twice");
            }
        }
        if (bySymbol.isEmpty()) {
            throw new IllegalArgumentException("no symbols to align");
        }
        List<Symbol> symbols = new ArrayList<>(bySymbol.keySet());
        List<PriceSeries> ordered = new ArrayList<>(bySymbol.values());
        long[] union = unionTimes(ordered);
        double[][] grid = new double[symbols.size()][];
        Map<Symbol, Integer> missing = new LinkedHashMap<>();
        for (int s = 0; s < grid.length; s++) {
            grid[s] = onGrid(ordered.get(s), union);
            missing.put(symbols.get(s), union.length - ordered.get(s).size());
        }
        boolean[][] filled = new boolean[grid.length][];
        for (int s = 0; s < grid.length; s++) {
            filled[s] =
                    policy.mode() == AlignmentPolicy.Mode.FORWARD_FILL
                            ? forwardFill(grid[s], policy.maxGap())
                            : new boolean[union.length];
        }
        return keepCompleteRows(symbols, union, grid, filled, policy, missing);
    }

    private static long[] unionTimes(List<PriceSeries> series) {
        int total = 0;
        for (PriceSeries s : series) {
            total += s.size();
        }
        long[] all = new long[total];
        int k = 0;
        for (PriceSeries s : series) {
            for (int i = 0; i < s.size(); i++) {
                all[k++] = s.openTimeUs(i);
            }
        }
        Arrays.sort(all);
        int distinct = 0;
        for (int i = 0; i < all.length; i++) {
            if (i == 0 || all[i] != all[i - 1]) {
                all[distinct++] = all[i];
            }
        }
        return Arrays.copyOf(all, distinct);
    }

    /** The series' closes placed on the union grid, NaN where it has no point. */
    private static double[] onGrid(PriceSeries s, long[] union) {
        double[] row = new double[union.length];
        Arrays.fill(row, Double.NaN);
        int u = 0;
        for (int i = 0; i < s.size(); i++) {
            while (union[u] != s.openTimeUs(i)) {
                u++;
            }
            row[u] = s.close(i);
        }
        return row;
    }

    /** Fills runs of at most {@code maxGap} NaNs that follow a value; returns the filled cells. */
    private static boolean[] forwardFill(double[] row, int maxGap) {
        boolean[] filled = new boolean[row.length];
        int t = 0;
        while (t < row.length && Double.isNaN(row[t])) {
            t++; // leading gap: nothing to carry forward
        }
        while (t < row.length) {
            if (!Double.isNaN(row[t])) {
                t++;
                continue;
            }
            int end = t;
            while (end < row.length && Double.isNaN(row[end])) {
                end++;
            }
            if (end - t <= maxGap) {
                for (int i = t; i < end; i++) {
                    row[i] = row[t - 1];
                    filled[i] = true;
                }
            }
            t = end;
        }
        return filled;
    }

    private static AlignedSeries keepCompleteRows(
            List<Symbol> symbols,
            long[] union,
            double[][] grid,
            boolean[][] filled,
            AlignmentPolicy policy,
            Map<Symbol, Integer> missing) {
        int n = symbols.size();
        int[] keep = new int[union.length];
        int kept = 0;
        for (int t = 0; t < union.length; t++) {
            boolean complete = true;
            for (int s = 0; s < n && complete; s++) {
                complete = !Double.isNaN(grid[s][t]);
            }
            if (complete) {
                keep[kept++] = t;
            }
        }
        long[] times = new long[kept];
        double[][] closes = new double[n][kept];
        int[] fills = new int[n];
        for (int k = 0; k < kept; k++) {
            times[k] = union[keep[k]];
            for (int s = 0; s < n; s++) {
                closes[s][k] = grid[s][keep[k]];
                fills[s] += filled[s][keep[k]] ? 1 : 0;
            }
        }
        Map<Symbol, Integer> filledPerSymbol = new LinkedHashMap<>();
        for (int s = 0; s < n; s++) {
            filledPerSymbol.put(symbols.get(s), fills[s]);
        }
        var report =
                new AlignmentReport(
                        policy,
                        union.length,
                        kept,
                        union.length - kept,
                        missing,
                        filledPerSymbol,
                        widerSteps(times));
        return new AlignedSeries(symbols, times, closes, report);
    }

    private static int widerSteps(long[] times) {
        long minStep = Long.MAX_VALUE;
        for (int i = 1; i < times.length; i++) {
            minStep = Math.min(minStep, times[i] - times[i - 1]);
        }
        int wider = 0;
        for (int i = 1; i < times.length; i++) {
            wider += times[i] - times[i - 1] > minStep ? 1 : 0;
        }
        return wider;
    }
}
