package io.streamforge.app.bench;

import io.streamforge.app.cli.Checks;
import io.streamforge.app.cli.CliContext;
import io.streamforge.app.cli.ExitCode;
import io.streamforge.domain.Symbol;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code streamforge bench ws}: see {@link WsBench}. */
@Command(
        name = "ws",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Measure the WebSocket ingestion rate and latency.",
            "Sustained aggTrade rate and latency through loader-ws vs a bare client on the",
            "same streams."
        })
final class WsBenchCommand implements Callable<Integer> {
    /** Where the frames come from. */
    enum Source {
        sim,
        blaster
    }

    private final CliContext ctx;

    @Option(
            names = "--symbols",
            split = ",",
            paramLabel = "SYMBOL",
            defaultValue = "BTCUSDT,ETHUSDT,BNBUSDT,SOLUSDT",
            description = "Symbols (default: ${DEFAULT-VALUE}).")
    List<Symbol> symbols;

    @Option(
            names = "--agg-trades-per-day",
            defaultValue = "500000",
            description =
                    "Simulated aggTrades per symbol and day, [1440, 10000000] (default: ${DEFAULT-VALUE}).")
    int aggTradesPerDay;

    @Option(
            names = "--seconds",
            defaultValue = "5",
            description = "Seconds per measured rate (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(
            names = "--rate",
            defaultValue = "50000",
            description = "aggTrades/s of the latency run (default: ${DEFAULT-VALUE}).")
    int rate;

    @Option(
            names = "--max-rate",
            defaultValue = "400000",
            description = "Highest aggTrades/s tried (default: ${DEFAULT-VALUE}).")
    int maxRate;

    @Option(
            names = "--source",
            defaultValue = "sim",
            description =
                    "sim or blaster (frames from a pre-encoded blaster; also runs the loader-ws service) (default: ${DEFAULT-VALUE}).")
    Source source;

    WsBenchCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    WsBenchOptions options() {
        return new WsBenchOptions(
                symbols,
                Checks.between("--agg-trades-per-day", aggTradesPerDay, 1_440, 10_000_000),
                Checks.positive("--seconds", seconds),
                Checks.positive("--rate", rate),
                Checks.positive("--max-rate", maxRate),
                source == Source.blaster);
    }

    @Override
    public Integer call() {
        WsBenchOptions o = options();
        new WsBench(ctx.out()).run(o);
        return ExitCode.OK;
    }
}
