package io.streamforge.graphbuilder;

import io.streamforge.graph.CorrelationGraph;
import io.streamforge.graph.CorrelationMatrix;
import io.streamforge.graph.GraphBuilder;
import io.streamforge.graph.Strength;
import java.util.Locale;

/**
 * How edges are chosen from the correlation matrix ({@code GRAPH_RULE}): {@code mst} (minimum
 * spanning tree on the distance), {@code threshold:<t>} (every pair with {@code |rho| >= t}, t in
 * [0, 1]) or {@code topk:<k>} (each node's k strongest {@code |rho|} neighbours, symmetric union).
 */
public record GraphRule(Kind kind, double threshold, int k) {
    public enum Kind {
        MST,
        THRESHOLD,
        TOPK
    }

    public GraphRule {
        if (kind == null) {
            throw new IllegalArgumentException("graph rule: missing");
        }
        if (kind == Kind.THRESHOLD && !(threshold >= 0.0 && threshold <= 1.0)) {
            throw new IllegalArgumentException(
                    "threshold must be a number in [0, 1] (compared with |rho|), got " + threshold);
        }
        if (kind == Kind.TOPK && k < 1) {
            throw new IllegalArgumentException("topk needs k >= 1, got " + k);
        }
    }

    public static GraphRule mst() {
        return new GraphRule(Kind.MST, 0, 0);
    }

    /** Parses {@code mst}, {@code threshold:<t>} or {@code topk:<k>} (names in any case). */
    public static GraphRule parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        String[] parts = t.split(":", -1);
        try {
            if (t.equals("mst")) {
                return mst();
            }
            if (parts.length == 2 && parts[0].equals("threshold")) {
                return new GraphRule(Kind.THRESHOLD, Double.parseDouble(parts[1]), 0);
            }
            if (parts.length == 2 && parts[0].equals("topk")) {
                return new GraphRule(Kind.TOPK, 0, Integer.parseInt(parts[1]));
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "'" + text + "': the parameter after ':' is not a number", e);
        }
        throw new IllegalArgumentException(
                "'" + text + "': expected mst | threshold:<t in [0,1]> | topk:<k >= 1>");
    }

    /** The graph of {@code matrix} under this rule. */
    public CorrelationGraph apply(CorrelationMatrix matrix) {
        switch (kind) {
            case THRESHOLD:
                return GraphBuilder.threshold(matrix, threshold, Strength.ABSOLUTE);
            case TOPK:
                return GraphBuilder.topK(matrix, k, Strength.ABSOLUTE);
            default:
                return GraphBuilder.minimumSpanningTree(matrix);
        }
    }

    @Override
    public String toString() {
        switch (kind) {
            case THRESHOLD:
                return "threshold:" + threshold;
            case TOPK:
                return "topk:" + k;
            default:
                return "mst";
        }
    }
}
