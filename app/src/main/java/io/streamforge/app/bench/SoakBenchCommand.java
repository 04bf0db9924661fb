package io.streamforge.app.bench;

import io.streamforge.app.cli.Checks;
import io.streamforge.app.cli.CliContext;
import io.streamforge.app.cli.ExitCode;
import io.streamforge.domain.Symbol;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code streamforge bench soak}: see {@link SoakBench}. */
@Command(
        name = "soak",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Run loader-ws for minutes and watch heap and threads.",
            "Heap after GC and threads per sample; a leak shows as growth."
        })
final class SoakBenchCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Option(
            names = "--symbols",
            split = ",",
            paramLabel = "SYMBOL",
            defaultValue = "BTCUSDT,ETHUSDT",
            description = "Symbols (default: ${DEFAULT-VALUE}).")
    List<Symbol> symbols;

    @Option(
            names = "--rate",
            defaultValue = "20000",
            description = "aggTrades/s (default: ${DEFAULT-VALUE}).")
    int rate;

    @Option(
            names = "--minutes",
            defaultValue = "5",
            description = "Length of the run (default: ${DEFAULT-VALUE}).")
    int minutes;

    @Option(
            names = "--sample-seconds",
            defaultValue = "15",
            description = "Seconds between samples (default: ${DEFAULT-VALUE}).")
    int sampleSeconds;

    SoakBenchCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    SoakBench.Options options() {
        int r = Checks.positive("--rate", rate);
        return new SoakBench.Options(
                new WsBenchOptions(
                        symbols, 500_000, Checks.positive("--minutes", minutes) * 60, r, r),
                Checks.positive("--sample-seconds", sampleSeconds));
    }

    @Override
    public Integer call() {
        SoakBench.Options o = options();
        new SoakBench(ctx.out()).run(o);
        return ExitCode.OK;
    }
}
