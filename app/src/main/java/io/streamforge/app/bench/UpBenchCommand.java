package io.streamforge.app.bench;

import io.streamforge.app.cli.CliContext;
import io.streamforge.app.cli.DataDir;
import io.streamforge.app.cli.ExitCode;
import io.streamforge.app.cli.SymbolsAndRange;
import io.streamforge.app.cli.UsageError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code streamforge bench up}: see {@link UpBench}. */
@Command(
        name = "up",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Measure 'streamforge up': time until API and UI answer, peak memory.",
            "Starts it as a child process, then runs a demo pipeline through its API while the",
            "memory of all its processes is sampled; targets ready <= 20 s, RSS <= 1.5 GB."
        })
final class UpBenchCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin SymbolsAndRange records;

    @Option(
            names = "--heap",
            paramLabel = "SIZE",
            defaultValue = "1g",
            description =
                    "The child's -Xmx, e.g. 512m or 4g (default: ${DEFAULT-VALUE}, the launcher's for up).")
    String heap;

    @Option(
            names = "--jvm-option",
            paramLabel = "OPTION",
            defaultValue = "-XX:+UseSerialGC",
            description =
                    "A JVM option of the child besides -Xmx, repeatable; given, it replaces the"
                            + " default (${DEFAULT-VALUE}, the launcher's for up), e.g."
                            + " --jvm-option=-XX:+UseG1GC.")
    List<String> jvmOptions = new ArrayList<>();

    @Option(
            names = "--analytics",
            arity = "1",
            paramLabel = "true|false",
            defaultValue = "true",
            description = "Run the analytics step of the pipeline (default: ${DEFAULT-VALUE}).")
    boolean analytics;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description =
                    "The child's data folder, kept afterwards; an empty one or one streamforge"
                            + " created (default: a temporary folder, deleted afterwards).")
    Path dataDir;

    UpBenchCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    UpBench.Options options() {
        if (!heap.matches("[1-9][0-9]*[kKmMgG]?")) {
            throw new UsageError("--heap: expected a size like 512m or 4g, got '" + heap + "'");
        }
        if (dataDir != null) {
            DataDir.check(dataDir); // the child's 'up' applies the same rule
        }
        for (String opt : jvmOptions) {
            if (!opt.startsWith("-XX:") && !opt.startsWith("-X")) {
                throw new UsageError(
                        "--jvm-option: expected a -X or -XX: option, got '" + opt + "'");
            }
        }
        return new UpBench.Options(
                records.symbols(), records.range(), heap, analytics, dataDir, jvmOptions);
    }

    @Override
    public Integer call() {
        UpBench.run(options(), ctx.out());
        return ExitCode.OK;
    }
}
