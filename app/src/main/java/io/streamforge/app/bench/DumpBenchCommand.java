package io.streamforge.app.bench;

import io.streamforge.app.cli.Checks;
import io.streamforge.app.cli.CliContext;
import io.streamforge.app.cli.ExitCode;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code streamforge bench dump}: see {@link DumpBench}. */
@Command(
        name = "dump",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Measure dump ingest (daily zip files -> PostgreSQL) against raw COPY.")
final class DumpBenchCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Option(
            names = "--symbols",
            split = ",",
            paramLabel = "SYMBOL",
            defaultValue = "BTCUSDT,ETHUSDT",
            description = "Symbols (default: ${DEFAULT-VALUE}).")
    List<Symbol> symbols;

    @Option(
            names = "--days",
            paramLabel = "FROM:TO",
            defaultValue = "2024-01-01:2024-01-10",
            description = "Days, inclusive (default: ${DEFAULT-VALUE}).")
    TimeRange days;

    @Option(
            names = "--agg-trades-per-day",
            defaultValue = "100000",
            description = "aggTrades per symbol and day, >= 1440 (default: ${DEFAULT-VALUE}).")
    int aggTradesPerDay;

    @Option(
            names = "--partitions",
            defaultValue = "3",
            description = "Kafka partitions (default: ${DEFAULT-VALUE}).")
    int partitions;

    DumpBenchCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    DumpBench.Options options() {
        return new DumpBench.Options(
                symbols,
                days,
                Checks.between("--agg-trades-per-day", aggTradesPerDay, 1_440, 10_000_000),
                Checks.positive("--partitions", partitions));
    }

    @Override
    public Integer call() {
        DumpBench.Options o = options();
        new DumpBench(ctx.out()).run(o);
        return ExitCode.OK;
    }
}
