package io.streamforge.app.cli;

import io.streamforge.app.bench.BenchCommand;
import io.streamforge.app.coverage.CoverageCommand;
import io.streamforge.app.tools.CandlesCommand;
import io.streamforge.app.tools.CorrelationCommand;
import io.streamforge.app.tools.IndicatorsCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The root of the command tree. A new command is one class annotated with {@code @Command} and one
 * entry in {@code subcommands} below (a new benchmark: one entry in {@link BenchCommand}).
 */
@Command(
        name = "streamforge",
        mixinStandardHelpOptions = true,
        versionProvider = BuildVersion.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = "StreamForge on this machine: the embedded platform, benchmarks and tools.",
        footer = {
            "",
            "Exit codes: 0 done, 1 failed, 2 bad usage, configuration or input.",
            "'streamforge COMMAND --help' describes each command."
        },
        subcommands = {
            DemoCli.class,
            UpCli.class,
            SimCli.class,
            ResumeCli.class,
            RehearseCli.class,
            BenchCommand.class,
            CoverageCommand.class,
            IndicatorsCommand.class,
            CandlesCommand.class,
            CorrelationCommand.class,
            TestLoggerCli.class,
            CompletionCli.class
        })
public final class StreamforgeCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
            names = "--verbose",
            scope = ScopeType.INHERIT,
            description = "On an error, print its stack trace too (default: one line).")
    boolean verbose;

    @Override
    public Integer call() {
        throw new UsageError("missing command; see 'streamforge --help'");
    }
}
