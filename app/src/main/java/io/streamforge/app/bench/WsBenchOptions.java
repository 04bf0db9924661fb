package io.streamforge.app.bench;

import io.streamforge.domain.Symbol;
import java.util.List;
import java.util.Set;

/** Options of {@code bench ws} (see {@link #USAGE}). */
record WsBenchOptions(
        List<Symbol> symbols,
        int aggTradesPerDay,
        int seconds,
        int rate,
        int maxRate,
        boolean blaster) {
    static final Set<String> OPTIONS =
            Set.of(
                    "--symbols",
                    "--agg-trades-per-day",
                    "--seconds",
                    "--rate",
                    "--max-rate",
                    "--source");
    static final String USAGE =
            "bench ws [--symbols A,B,..] [--agg-trades-per-day 500000] [--seconds 5] [--rate 50000]"
                    + " [--max-rate 400000] [--source sim|blaster]";

    WsBenchOptions(List<Symbol> symbols, int aggTradesPerDay, int seconds, int rate, int maxRate) {
        this(symbols, aggTradesPerDay, seconds, rate, maxRate, false);
    }

    static WsBenchOptions parse(String[] args) {
        BenchOptions o = BenchOptions.parse(args, OPTIONS);
        int perDay = o.positiveInt("--agg-trades-per-day", 500_000);
        if (perDay < 1_440 || perDay > 10_000_000) {
            throw new IllegalArgumentException(
                    "--agg-trades-per-day: must be in [1440, 10000000], got " + perDay);
        }
        return new WsBenchOptions(
                o.symbols("--symbols", "BTCUSDT,ETHUSDT,BNBUSDT,SOLUSDT"),
                perDay,
                o.positiveInt("--seconds", 5),
                o.positiveInt("--rate", 50_000),
                o.positiveInt("--max-rate", 400_000),
                source(o.text("--source", "sim")));
    }

    private static boolean source(String s) {
        if (!s.equals("sim") && !s.equals("blaster")) {
            throw new IllegalArgumentException(
                    "--source: expected sim or blaster, got '" + s + "'");
        }
        return s.equals("blaster");
    }

    /** Replay speed at which the simulator produces {@code msgsPerSecond} aggTrades. */
    double speedFor(double msgsPerSecond) {
        return msgsPerSecond * 86_400.0 / ((double) symbols.size() * aggTradesPerDay);
    }
}
