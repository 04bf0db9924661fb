package io.streamforge.app.bench;

import io.streamforge.domain.Symbol;
import java.util.List;

/** Options of {@code bench ws}, checked by {@link WsBenchCommand}. */
record WsBenchOptions(
        List<Symbol> symbols,
        int aggTradesPerDay,
        int seconds,
        int rate,
        int maxRate,
        boolean blaster) {
    WsBenchOptions(List<Symbol> symbols, int aggTradesPerDay, int seconds, int rate, int maxRate) {
        this(symbols, aggTradesPerDay, seconds, rate, maxRate, false);
    }

    /** Replay speed at which the simulator produces {@code msgsPerSecond} aggTrades. */
    double speedFor(double msgsPerSecond) {
        return msgsPerSecond * 86_400.0 / ((double) symbols.size() * aggTradesPerDay);
    }
}
