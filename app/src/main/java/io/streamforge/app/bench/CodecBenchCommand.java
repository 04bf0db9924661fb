package io.streamforge.app.bench;

import io.streamforge.app.cli.Checks;
import io.streamforge.app.cli.CliContext;
import io.streamforge.app.cli.ExitCode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin PeerBenchRecords records;

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
        return new CodecBench.Options(
                records.symbols, records.days, Checks.positive("--rounds", rounds));
    }

    @Override
    public Integer call() {
        CodecBench.run(options(), ctx.out());
        return ExitCode.OK;
    }
}
