package io.streamforge.app.bench;

import io.streamforge.app.cli.Checks;
import io.streamforge.app.cli.CliContext;
import io.streamforge.app.cli.Converters;
import io.streamforge.app.cli.DataDir;
import io.streamforge.app.cli.ExitCode;
import io.streamforge.domain.Symbol;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code streamforge bench backfill}: see {@link BackfillBench}. */
@Command(
        name = "backfill",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Measure a dump backfill through the product against unzip + COPY by hand.",
            "Daily aggTrades archives (cached under the data folder) -> loader SOURCE=dump ->",
            "Kafka -> connector -> PostgreSQL vs COPY FROM STDIN; target ratio >= 0.5."
        })
final class BackfillBenchCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Option(
            names = "--symbols",
            split = ",",
            paramLabel = "SYMBOL",
            defaultValue = "BTCUSDT,ETHUSDT,BNBUSDT,SOLUSDT",
            description = "Symbols (default: ${DEFAULT-VALUE}).")
    List<Symbol> symbols;

    @Option(
            names = "--days",
            paramLabel = "FROM:TO",
            defaultValue = "2024-01-01:2024-01-05",
            converter = Converters.Days.class,
            description = "Days measured, inclusive (default: ${DEFAULT-VALUE}).")
    String days;

    @Option(
            names = "--agg-trades-per-day",
            defaultValue = "500000",
            description = "aggTrades per symbol and day (default: ${DEFAULT-VALUE}).")
    int aggTradesPerDay;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            defaultValue = ".streamforge/bench",
            description =
                    "Data folder holding the archive cache, kept between runs; only an empty one"
                            + " or one streamforge created (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(
            names = "--batch",
            defaultValue = "5000",
            description =
                    "Records per connector poll and database transaction (default: ${DEFAULT-VALUE}).")
    int batch;

    BackfillBenchCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    BackfillBench.Options options() {
        DataDir.check(dataDir);
        return new BackfillBench.Options(
                symbols,
                days,
                Checks.positive("--agg-trades-per-day", aggTradesPerDay),
                dataDir,
                Checks.positive("--batch", batch));
    }

    @Override
    public Integer call() {
        BackfillBench.Options o = options();
        try (DataDir dir = DataDir.claim(dataDir)) {
            BackfillBench.run(o, ctx.out());
        }
        return ExitCode.OK;
    }
}
