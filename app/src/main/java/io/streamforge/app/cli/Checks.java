package io.streamforge.app.cli;

/** Range checks of option values, run before a command starts anything; errors exit with 2. */
public final class Checks {
    private Checks() {}

    /** {@code value > 0}. */
    public static int positive(String option, int value) {
        if (value <= 0) {
            throw new UsageError(option + ": must be positive, got " + value);
        }
        return value;
    }

    /** {@code min <= value <= max}. */
    public static int between(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new UsageError(option + ": must be in [" + min + ", " + max + "], got " + value);
        }
        return value;
    }

    /** {@code min < value <= max}. */
    public static double above(String option, double value, double min, double max) {
        if (!(value > min && value <= max)) {
            throw new UsageError(
                    option + ": must be in (" + fmt(min) + ", " + fmt(max) + "], got " + value);
        }
        return value;
    }

    /** A TCP port, 0 meaning a free one. */
    public static int port(String option, int value) {
        return between(option, value, 0, 65_535);
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && !Double.isInfinite(d)
                ? Long.toString((long) d)
                : Double.toString(d);
    }
}
