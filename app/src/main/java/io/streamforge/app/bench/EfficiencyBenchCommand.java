package io.streamforge.app.bench;

import io.streamforge.app.cli.CliContext;
import io.streamforge.app.cli.ExitCode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

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

    @Mixin PeerBenchRecords records;

    EfficiencyBenchCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    EfficiencyBench.Options options() {
        return new EfficiencyBench.Options(records.symbols, records.days);
    }

    @Override
    public Integer call() {
        EfficiencyBench.run(options(), ctx.out());
        return ExitCode.OK;
    }
}
