package io.streamforge.graph;

/**
 * What to do when some symbols have no candle at an open time that others have.
 *
 * <ul>
 *   <li>{@link Mode#DROP_ROWS} (default): keep only the open times every symbol has.
 *   <li>{@link Mode#FORWARD_FILL}: a missing close is replaced by the symbol's previous close if at
 *       most {@code maxGap} consecutive points are missing at that place; longer gaps and points
 *       before a symbol's first candle are not filled, and rows that still miss a value are
 *       dropped. A filled close produces a zero return, which pulls correlations towards 0, so keep
 *       the gap small.
 * </ul>
 *
 * @param mode the policy
 * @param maxGap for {@code FORWARD_FILL}, the longest run of consecutive missing points that is
 *     filled (≥ 1); 0 for {@code DROP_ROWS}
 */
public record AlignmentPolicy(Mode mode, int maxGap) {
    public enum Mode {
        DROP_ROWS,
        FORWARD_FILL
    }

    public AlignmentPolicy {
        if (mode == null) {
            throw new IllegalArgumentException("alignment mode: missing");
        }
        if (mode == Mode.DROP_ROWS && maxGap != 0) {
            throw new IllegalArgumentException(
                    "alignment DROP_ROWS takes no maxGap, got " + maxGap);
        }
        if (mode == Mode.FORWARD_FILL && maxGap < 1) {
            throw new IllegalArgumentException(
                    "alignment FORWARD_FILL: maxGap must be >= 1, got " + maxGap);
        }
    }

    public static AlignmentPolicy dropRows() {
        return new AlignmentPolicy(Mode.DROP_ROWS, 0);
    }

    public static AlignmentPolicy forwardFill(int maxGap) {
        return new AlignmentPolicy(Mode.FORWARD_FILL, maxGap);
    }
}
