package io.streamforge.app.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;

/** Runs the whole CLI in-process, as {@code ./streamforge ARGS} would, capturing its streams. */
public record CliRun(int code, String out, String err) {
    public static CliRun of(String... args) {
        return with(Map.of(), args);
    }

    /** With {@code env} as the environment. */
    public static CliRun with(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = CliRunner.run(args, new CliContext(o, e, env));
        }
        return new CliRun(
                code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * Parses {@code args} without running anything and returns the innermost command object (with
     * its options set); a bad command line throws picocli's ParameterException.
     */
    @SuppressWarnings("unchecked")
    public static <T> T parsed(String... args) {
        CommandLine.ParseResult r =
                CliRunner.commandLine(new CliContext(System.out, System.err, Map.of()))
                        .parseArgs(args);
        while (r.hasSubcommand()) {
            r = r.subcommand();
        }
        return (T) r.commandSpec().userObject();
    }
}
