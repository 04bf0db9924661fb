package io.streamforge.app.bench;

import io.streamforge.app.cli.UsageError;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code streamforge bench <benchmark>}: the benchmarks (ADR 1801). A new benchmark is one class
 * with {@code @Command} and its options, listed in {@code subcommands} here.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Run a benchmark against raw limits measured in the same run.",
            "Each prints its raw numbers, the raw limit and the target (docs/benchmarks.md)."
        },
        subcommands = {
            IngestBenchCommand.class,
            RestBenchCommand.class,
            DumpBenchCommand.class,
            WsBenchCommand.class,
            SoakBenchCommand.class,
            SinkBenchCommand.class,
            BackfillBenchCommand.class,
            ClientBenchCommand.class,
            UpBenchCommand.class,
            EfficiencyBenchCommand.class,
            CodecBenchCommand.class
        })
public final class BenchCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UsageError(
                "missing benchmark (ingest, rest, dump, ws, soak, sink, backfill, client, up,"
                        + " efficiency, codec); see 'streamforge bench --help'");
    }
}
