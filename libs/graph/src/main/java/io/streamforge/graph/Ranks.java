package io.streamforge.graph;

/** Fractional ranks (1-based) with ties given the average of the ranks they span. */
public final class Ranks {
    private Ranks() {}

    /**
     * Ranks {@code values}: the smallest gets 1, tied values share the mean of their positions,
     * e.g. {@code [10, 20, 20, 30] → [1, 2.5, 2.5, 4]}; {@code -0.0} ties with {@code 0.0}. Values
     * must not be NaN.
     */
    public static double[] average(double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                throw new IllegalArgumentException("cannot rank NaN at index " + i);
            }
        }
        int[] order = order(values);
        double[] ranks = new double[values.length];
        int start = 0;
        while (start < order.length) {
            double v = values[order[start]];
            int end = start + 1;
            while (end < order.length && values[order[end]] == v) {
                end++;
            }
            double rank = (start + end - 1) / 2.0 + 1.0;
            for (int k = start; k < end; k++) {
                ranks[order[k]] = rank;
            }
            start = end;
        }
        return ranks;
    }

    /** Indices of {@code v} in ascending order of value (stable bottom-up merge sort). */
    private static int[] order(double[] v) {
        int n = v.length;
        int[] a = new int[n];
        int[] b = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    b[k++] = v[a[j]] < v[a[i]] ? a[j++] : a[i++];
                }
                while (i < mid) {
                    b[k++] = a[i++];
                }
                while (j < hi) {
                    b[k++] = a[j++];
                }
            }
            int[] swap = a;
            a = b;
            b = swap;
        }
        return a;
    }
}
