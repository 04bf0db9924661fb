package io.streamforge.app.bench;

import io.streamforge.app.BenchIngest;
import io.streamforge.app.cli.CliContext;
import io.streamforge.app.cli.DataDir;
import io.streamforge.app.cli.ExitCode;
import io.streamforge.app.cli.Progress;
import io.streamforge.app.cli.SymbolsAndRange;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code streamforge bench ingest}: the whole pipeline against raw Kafka and raw COPY rates. */
@Command(
        name = "ingest",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Measure the end-to-end ingestion rate against raw Kafka and COPY rates.",
            "simulator -> loaders -> Kafka -> connector -> PostgreSQL vs raw Kafka and raw",
            "PostgreSQL COPY of the same records; warms up first."
        })
final class IngestBenchCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin SymbolsAndRange records;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            defaultValue = ".streamforge/bench",
            description =
                    "Data folder, cleared at start; only one streamforge created (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    IngestBenchCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        try (DataDir dir = DataDir.claim(dataDir)) {
            dir.clear();
            new BenchIngest(ctx.out(), Progress.forOutput(ctx))
                    .run(dataDir, records.symbols(), records.range());
        }
        return ExitCode.OK;
    }
}
