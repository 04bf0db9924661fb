package io.streamforge.app.bench;

import io.streamforge.app.cli.CliContext;
import io.streamforge.app.cli.Converters;
import io.streamforge.app.cli.ExitCode;
import io.streamforge.domain.Symbol;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code streamforge bench efficiency}: see {@link EfficiencyBench}. */
@Command(
        name = "efficiency",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Measure the ingest pipeline's CPU per record against raw Kafka + raw COPY.",
            "The exchange simulator runs in its own process; target floor / pipeline >= 0.75."
        })
final class EfficiencyBenchCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Option(
            names = "--symbols",
            split = ",",
            paramLabel = "SYMBOL",
            defaultValue = "BTCUSDT,ETHUSDT,BNBUSDT,SOLUSDT,XRPUSDT",
            description = "Symbols (default: ${DEFAULT-VALUE}).")
    List<Symbol> symbols;

    @Option(
            names = "--days",
            paramLabel = "FROM:TO",
            defaultValue = "2024-01-01:2024-01-30",
            converter = Converters.Days.class,
            description = "Days measured, inclusive (default: ${DEFAULT-VALUE}).")
    String days;

    EfficiencyBenchCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    EfficiencyBench.Options options() {
        return new EfficiencyBench.Options(symbols, days);
    }

    @Override
    public Integer call() {
        EfficiencyBench.run(options(), ctx.out());
        return ExitCode.OK;
    }
}
