package io.streamforge.gnn;

/** Shape and value checks for close/volume matrices laid out as [node][time]. */
final class SeriesValidator {
    private SeriesValidator() {}

    static void validate(double[][] close, double[][] volume, int minSteps) {
        if (close == null || volume == null || close.length == 0) {
            throw new IllegalArgumentException("empty graph: close/volume must have >= 1 node");
        }
        if (volume.length != close.length) {
            throw new IllegalArgumentException(
                    "volume has " + volume.length + " nodes but close has " + close.length);
        }
        int steps = close[0].length;
        if (steps < minSteps) {
            throw new IllegalArgumentException(
                    "series too short: " + steps + " time steps, need at least " + minSteps);
        }
        for (int n = 0; n < close.length; n++) {
            if (close[n].length != steps || volume[n].length != steps) {
                throw new IllegalArgumentException(
                        "node " + n + " has a series length different from node 0 (" + steps + ")");
            }
            for (int t = 0; t < steps; t++) {
                if (!(close[n][t] > 0) || Double.isInfinite(close[n][t])) {
                    throw new IllegalArgumentException(
                            "close["
                                    + n
                                    + "]["
                                    + t
                                    + "] must be finite and > 0, got "
                                    + close[n][t]);
                }
                if (!(volume[n][t] >= 0) || Double.isInfinite(volume[n][t])) {
                    throw new IllegalArgumentException(
                            "volume["
                                    + n
                                    + "]["
                                    + t
                                    + "] must be finite and >= 0, got "
                                    + volume[n][t]);
                }
            }
        }
    }
}
