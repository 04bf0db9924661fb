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

/** {@code streamforge bench sink}: see {@link SinkBench}. */
@Command(
        name = "sink",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Measure our connector against the Debezium JDBC sink on Kafka Connect.",
            "The same records (candles 1m + aggTrades) upserted into PostgreSQL by both:",
            "records/s, CPU µs/record, stored rows compared; target ratio >= 2."
        })
final class SinkBenchCommand implements Callable<Integer> {
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
            description = "Days measured, inclusive (default: ${DEFAULT-VALUE}).")
    TimeRange days;

    @Option(
            names = "--warm-up-days",
            defaultValue = "3",
            description = "Days sunk before, not measured (default: ${DEFAULT-VALUE}).")
    int warmUpDays;

    @Option(
            names = "--batch",
            defaultValue = "5000",
            description =
                    "Records per poll and per database transaction on both sides (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(
            names = "--peer-lib",
            paramLabel = "DIR",
            description =
                    "Classpath folder of the peer (default: bench-peers/debezium-jdbc/target/lib,"
                            + " looked up from here and from the app's code location).")
    String peerLib;

    SinkBenchCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    SinkBench.Options options() {
        return new SinkBench.Options(
                symbols,
                days,
                Checks.positive("--warm-up-days", warmUpDays),
                Checks.positive("--batch", batch),
                peerLib);
    }

    @Override
    public Integer call() {
        SinkBench.run(options(), ctx.out());
        return ExitCode.OK;
    }
}
