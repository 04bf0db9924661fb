package io.streamforge.app;

import io.streamforge.app.cli.CliContext;
import io.streamforge.app.cli.CliRunner;

/**
 * {@code streamforge <command>}: the local all-in-one CLI. The command tree is {@link
 * io.streamforge.app.cli.StreamforgeCommand}; {@link CliRunner} parses, runs and maps errors to
 * exit codes.
 */
public final class Cli {
    private Cli() {}

    public static void main(String[] args) {
        int code;
        try {
            code = CliRunner.run(args, CliContext.system());
        } catch (Error e) { // picocli hands Exceptions to CliRunner's handlers, not Errors
            System.err.println("streamforge: " + e);
            code = io.streamforge.app.cli.ExitCode.FAILURE;
        }
        System.exit(code);
    }
}
