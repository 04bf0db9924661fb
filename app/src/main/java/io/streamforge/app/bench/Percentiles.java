package io.streamforge.app.bench;

import java.util.Arrays;

/** Nearest-rank percentiles of recorded values (e.g. latencies in ns), sorted once. */
final class Percentiles {
    private final long[] sorted;

    /** Copies and sorts the first {@code count} values of {@code values}. */
    Percentiles(long[] values, int count) {
        if (count < 0 || count > values.length) {
            throw new IllegalArgumentException(
                    "count must be in [0, " + values.length + "], got " + count);
        }
        this.sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
    }

    int count() {
        return sorted.length;
    }

    /**
     * The smallest value such that at least {@code p} percent of the values are ≤ it (nearest rank:
     * index ⌈p/100 × n⌉ − 1); p = 0 gives the minimum.
     */
    long percentile(double p) {
        if (!(p >= 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be in [0, 100], got " + p);
        }
        if (sorted.length == 0) {
            throw new IllegalStateException("no values recorded");
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    long max() {
        return percentile(100);
    }
}
