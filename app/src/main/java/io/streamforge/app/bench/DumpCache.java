package io.streamforge.app.bench;

import io.streamforge.domain.Micros;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import io.streamforge.sim.DumpFiles;
import io.streamforge.sim.ExchangeSimulator;
import io.streamforge.sim.SimConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Daily aggTrades dump archives as data.binance.vision serves them (zip + {@code .CHECKSUM}),
 * written by the exchange simulator once into {@code <dataDir>/dumps/<key>} and reused by later
 * runs with the same symbols, days and trades per day (a {@code complete} marker is written last,
 * so an interrupted generation is redone).
 */
final class DumpCache {
    private DumpCache() {}

    /** A fixed simulator clock 40 days after the range: every daily file of it is published. */
    static long nowUs(TimeRange days) {
        return days.endUs() + 40L * 86_400_000_000L;
    }

    static SimConfig simConfig(List<Symbol> symbols, int aggTradesPerDay, TimeRange days) {
        long now = nowUs(days);
        return SimConfig.defaults()
                .withSymbols(symbols)
                .withAggTradesPerDay(aggTradesPerDay)
                .withTimeSource(() -> now);
    }

    /** The folder holding {@code data/spot/daily/aggTrades/...}; generated when absent. */
    static Path ensure(
            Path dataDir, List<Symbol> symbols, TimeRange days, int perDay, PrintStream out) {
        String key =
                String.join("-", symbols.stream().map(Symbol::value).toList())
                        + "_"
                        + Micros.toDate(days.startUs())
                        + "_"
                        + Micros.toDate(days.endUs() - 1)
                        + "_"
                        + perDay;
        Path dir = dataDir.resolve("dumps").resolve(key);
        if (Files.exists(dir.resolve("complete"))) {
            out.println("» dump archives cached in " + dir);
            return dir;
        }
        out.println("» generating dump archives (once) in " + dir + " ...");
        long t0 = System.nanoTime();
        try (ExchangeSimulator sim = ExchangeSimulator.start(simConfig(symbols, perDay, days))) {
            List<Path> files = sim.dumps().writeTo(dir, paths(symbols, days));
            if (files.size() != paths(symbols, days).size()) {
                throw new IllegalStateException(
                        "simulator published "
                                + files.size()
                                + " of "
                                + paths(symbols, days).size()
                                + " dump files");
            }
            Files.writeString(dir.resolve("complete"), files.size() + " files\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.printf("» generated in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        return dir;
    }

    /** Daily aggTrades zip paths of every symbol and day (inclusive). */
    static List<String> paths(List<Symbol> symbols, TimeRange days) {
        List<String> out = new ArrayList<>();
        LocalDate from = Micros.toDate(days.startUs());
        LocalDate to = Micros.toDate(days.endUs() - 1);
        for (Symbol s : symbols) {
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                out.add(DumpFiles.dailyTradesPath("aggTrades", s, d));
            }
        }
        return out;
    }
}
