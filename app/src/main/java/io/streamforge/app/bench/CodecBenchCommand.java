package io.streamforge.app.bench;

import io.streamforge.app.cli.Checks;
import io.streamforge.app.cli.CliContext;
import io.streamforge.app.cli.Converters;
import io.streamforge.app.cli.ExitCode;
import io.streamforge.domain.Symbol;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code streamforge bench codec}: see {@link CodecBench}. */
@Command(
        name = "codec",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Measure the data-topic JSON codec against a binary prototype.",
            "Thread-CPU µs per record to encode and decode the same records, bytes per record."
        })
final class CodecBenchCommand implements Callable<Integer> {
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
            description = "Days of records, inclusive (default: ${DEFAULT-VALUE}).")
    String days;

    @Option(
            names = "--rounds",
            defaultValue = "3",
            description =
                    "Measured rounds after one warm-up round; the best counts (default: ${DEFAULT-VALUE}).")
    int rounds;

    CodecBenchCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    CodecBench.Options options() {
        return new CodecBench.Options(symbols, days, Checks.positive("--rounds", rounds));
    }

    @Override
    public Integer call() {
        CodecBench.run(options(), ctx.out());
        return ExitCode.OK;
    }
}
