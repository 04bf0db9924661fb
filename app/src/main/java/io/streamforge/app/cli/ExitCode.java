package io.streamforge.app.cli;

/** The exit codes of every {@code streamforge} command (ADR 2301). */
public final class ExitCode {
    /** The work was done. */
    public static final int OK = 0;

    /** The work failed (a pipeline ended failed, an I/O error, a bug). */
    public static final int FAILURE = 1;

    /** Bad usage, configuration or input: nothing was started. */
    public static final int USAGE = 2;

    private ExitCode() {}
}
