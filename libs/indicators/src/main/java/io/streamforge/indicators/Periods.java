package io.streamforge.indicators;

/** Parameter checks shared by all indicators; errors name the parameter. */
final class Periods {
    /** Largest accepted period: keeps a typo from allocating gigabytes of ring buffer. */
    static final int MAX = 1_000_000;

    private Periods() {}

    static int check(String name, int value) {
        if (value < 1 || value > MAX) {
            throw new IllegalArgumentException(
                    name + " must be between 1 and " + MAX + ", got " + value);
        }
        return value;
    }

    static double checkMultiplier(String name, double value) {
        if (!(value > 0.0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(
                    name + " must be a positive finite number, got " + value);
        }
        return value;
    }

    static void sameLength(String what, int expected, double[]... arrays) {
        for (double[] a : arrays) {
            if (a.length != expected) {
                throw new IllegalArgumentException(
                        what
                                + ": input arrays differ in length ("
                                + expected
                                + " vs "
                                + a.length
                                + ")");
            }
        }
    }
}
