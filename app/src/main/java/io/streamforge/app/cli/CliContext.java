package io.streamforge.app.cli;

import java.io.PrintStream;
import java.util.Map;

/**
 * What a command may use of its surroundings: standard output (results, tables, progress), standard
 * error (error lines) and the environment. Commands get it through their constructor (see {@link
 * ContextFactory}), so tests run the whole CLI in-process with captured streams.
 */
public record CliContext(PrintStream out, PrintStream err, Map<String, String> env) {
    /** The process's own streams and environment. */
    public static CliContext system() {
        return new CliContext(System.out, System.err, System.getenv());
    }
}
