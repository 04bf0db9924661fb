package io.streamforge.graph;

import io.streamforge.domain.Symbol;
import java.util.List;

/**
 * Close prices of several symbols on one common time axis: {@code close(s, t)} is the close of
 * {@code symbols().get(s)} at {@code openTimesUs()[t]}. No value is missing. Symbols are sorted.
 */
public final class AlignedSeries {
    private final List<Symbol> symbols;
    private final long[] openTimesUs;
    private final double[][] closes;
    private final AlignmentReport report;

    AlignedSeries(
            List<Symbol> symbols, long[] openTimesUs, double[][] closes, AlignmentReport report) {
        this.symbols = List.copyOf(symbols);
        this.openTimesUs = openTimesUs;
        this.closes = closes;
        this.report = report;
    }

    public List<Symbol> symbols() {
        return symbols;
    }

    public int symbolCount() {
        return symbols.size();
    }

    public int length() {
        return openTimesUs.length;
    }

    public long[] openTimesUs() {
        return openTimesUs.clone();
    }

    public double close(int symbolIndex, int timeIndex) {
        return closes[symbolIndex][timeIndex];
    }

    /** A copy of one symbol's aligned closes. */
    public double[] closes(int symbolIndex) {
        return closes[symbolIndex].clone();
    }

    public AlignmentReport report() {
        return report;
    }

    /** Log returns {@code ln(c[t]/c[t-1])} of every symbol, with the window they cover. */
    public ReturnSeries logReturns() {
        int n = length();
        if (n < 3) {
            throw new IllegalArgumentException(
                    "need at least 3 aligned closes (2 returns) per symbol, got " + n);
        }
        double[][] out = new double[closes.length][];
        for (int s = 0; s < closes.length; s++) {
            out[s] = LogReturns.of(closes[s]);
        }
        return new ReturnSeries(
                symbols, out, new WindowInfo(openTimesUs[0], openTimesUs[n - 1], n - 1));
    }
}
