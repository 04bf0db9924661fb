package io.streamforge.app.cli;

/**
 * A bad command line, configuration or input file found before (or instead of) doing the work: the
 * CLI prints the message as one line and exits with {@link ExitCode#USAGE}.
 */
public final class UsageError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageError(String message) {
        super(message);
    }

    public UsageError(String message, Throwable cause) {
        super(message, cause);
    }
}
