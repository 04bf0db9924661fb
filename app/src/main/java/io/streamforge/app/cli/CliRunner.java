package io.streamforge.app.cli;

import io.streamforge.runtime.ConfigException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.ParameterException;

/**
 * Parses a command line against {@link StreamforgeCommand}, runs the command and turns every error
 * into one line on standard error and an exit code: {@link ExitCode#USAGE} for a bad command line,
 * configuration or input (nothing was started), {@link ExitCode#FAILURE} for anything else. With
 * {@code --verbose} the stack trace follows the line.
 */
public final class CliRunner {
    private CliRunner() {}

    /** Runs {@code args}; returns the exit code. */
    public static int run(String[] args, CliContext ctx) {
        boolean verbose = Arrays.asList(args).contains("--verbose");
        CommandLine cl = commandLine(ctx);
        cl.setParameterExceptionHandler(
                (ex, a) ->
                        report(
                                ctx,
                                ex.getCommandLine(),
                                unknownFirst(ex),
                                verbose,
                                ExitCode.USAGE));
        cl.setExecutionExceptionHandler(
                (ex, sub, parsed) -> report(ctx, sub, ex, verbose, exitCode(ex)));
        return cl.execute(args);
    }

    /** The command tree with the context's streams; for tests that inspect it. */
    public static CommandLine commandLine(CliContext ctx) {
        CommandLine cl = new CommandLine(StreamforgeCommand.class, new ContextFactory(ctx));
        Converters.register(cl);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setOut(new PrintWriter(ctx.out(), true));
        cl.setErr(new PrintWriter(ctx.err(), true));
        cl.setExitCodeExceptionMapper(CliRunner::exitCode);
        shareVersion(cl, new BuildVersion());
        return cl;
    }

    /**
     * picocli reports missing required options before unknown ones; a misspelled option is both,
     * and its name is the more useful message.
     */
    private static ParameterException unknownFirst(ParameterException ex) {
        List<String> unknown = ex.getCommandLine().getUnmatchedArguments();
        if (!(ex instanceof MissingParameterException) || unknown.isEmpty()) {
            return ex;
        }
        return new ParameterException(
                ex.getCommandLine(),
                "Unknown "
                        + (unknown.size() == 1 ? "option" : "options")
                        + ": '"
                        + String.join("', '", unknown)
                        + "'; "
                        + ex.getMessage(),
                ex);
    }

    /** {@code -V} on any command prints the build version, as on the root. */
    private static void shareVersion(CommandLine cl, BuildVersion version) {
        cl.getCommandSpec().versionProvider(version);
        cl.getSubcommands().values().forEach(sub -> shareVersion(sub, version));
    }

    static int exitCode(Throwable t) {
        return t instanceof UsageError
                        || t instanceof ConfigException
                        || t instanceof ParameterException
                ? ExitCode.USAGE
                : ExitCode.FAILURE;
    }

    private static int report(
            CliContext ctx, CommandLine where, Throwable ex, boolean verbose, int code) {
        String name = where == null ? "streamforge" : where.getCommandSpec().qualifiedName();
        String hint =
                code == ExitCode.USAGE && ex instanceof ParameterException
                        ? " (see '" + name + " --help')"
                        : "";
        boolean sentence = ex instanceof UsageError u && u.isSentence();
        ctx.err().println((sentence ? "" : name + ": ") + oneLine(ex) + hint);
        if (verbose) {
            ex.printStackTrace(ctx.err());
        }
        ctx.err().flush();
        return code;
    }

    /** The message on one line; the exception's type only when it has no message. */
    static String oneLine(Throwable ex) {
        String m = ex.getMessage();
        if (m == null || m.isBlank()) {
            m = "failed: " + ex.getClass().getSimpleName();
        }
        return m.strip().replaceAll("\\s*\\R\\s*", "; ");
    }
}
