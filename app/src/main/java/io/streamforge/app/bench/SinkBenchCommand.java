package io.streamforge.app.bench;

import io.streamforge.app.cli.Checks;
import io.streamforge.app.cli.CliContext;
import io.streamforge.app.cli.ExitCode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin PeerBenchRecords records;

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
                records.symbols,
                records.range(),
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
