package io.streamforge.graph;

import io.streamforge.domain.Symbol;
import java.util.Map;

/**
 * What alignment did to the input.
 *
 * @param policy the policy applied
 * @param unionTimes distinct open times seen across all symbols
 * @param keptTimes open times in the aligned output
 * @param droppedTimes {@code unionTimes - keptTimes}: rows removed because a symbol had no value
 * @param missingPerSymbol per symbol, union times at which it had no candle (before filling)
 * @param filledPerSymbol per symbol, closes forward-filled into the kept rows
 * @param widerSteps kept consecutive rows whose time step is larger than the smallest step seen, so
 *     the return between them spans more than one interval
 */
public record AlignmentReport(
        AlignmentPolicy policy,
        int unionTimes,
        int keptTimes,
        int droppedTimes,
        Map<Symbol, Integer> missingPerSymbol,
        Map<Symbol, Integer> filledPerSymbol,
        int widerSteps) {

    public AlignmentReport {
        missingPerSymbol = Map.copyOf(missingPerSymbol);
        filledPerSymbol = Map.copyOf(filledPerSymbol);
    }

    /** Total forward-filled cells. */
    public int filledTotal() {
        return filledPerSymbol.values().stream().mapToInt(Integer::intValue).sum();
    }
}
