package io.streamforge.gnn;

/**
 * The whole graph at one time step.
 *
 * @param timeIndex index into the input series (features use steps &lt;= timeIndex only)
 * @param features normalised features, row-major [node][feature]
 * @param labels true class of the next-horizon return per node ({@link Direction} ordinal)
 * @param persistence class of the last observed horizon return per node (persistence baseline)
 */
public record Snapshot(int timeIndex, float[] features, int[] labels, int[] persistence) {
    public int nodeCount() {
        return labels.length;
    }
}
