package io.streamforge.gnn;

/** The 3 label classes; {@link #ordinal()} is the class index used by the model. */
public enum Direction {
    DOWN,
    FLAT,
    UP;

    public static final int COUNT = 3;

    /** DOWN if r &lt; -threshold, UP if r &gt; threshold, else FLAT. */
    public static int classify(double logReturn, double threshold) {
        if (logReturn > threshold) {
            return UP.ordinal();
        }
        if (logReturn < -threshold) {
            return DOWN.ordinal();
        }
        return FLAT.ordinal();
    }
}
