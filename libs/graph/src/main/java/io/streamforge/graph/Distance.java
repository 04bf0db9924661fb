package io.streamforge.graph;

/** The correlation distance of Mantegna (1999). */
public final class Distance {
    private Distance() {}

    /**
     * {@code d = sqrt(2 (1 - rho))}: 0 for rho = 1, sqrt(2) for rho = 0, 2 for rho = -1. It is a
     * metric on standardised series (the Euclidean distance between them).
     *
     * @throws IllegalArgumentException when {@code rho} is NaN or outside [-1, 1]
     */
    public static double of(double rho) {
        if (!(rho >= -1.0 && rho <= 1.0)) {
            throw new IllegalArgumentException("correlation must be in [-1, 1], got " + rho);
        }
        return Math.sqrt(2.0 * (1.0 - rho));
    }
}
