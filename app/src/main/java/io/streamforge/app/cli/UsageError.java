package io.streamforge.app.cli;

/**
 * A bad command line, configuration or input file found before (or instead of) doing the work: the
 * CLI prints the message as one line and exits with {@link ExitCode#USAGE}.
 */
public final class UsageError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean sentence;

    public UsageError(String message) {
        this(message, null, false);
    }

    public UsageError(String message, Throwable cause) {
        this(message, cause, false);
    }

    private UsageError(String message, Throwable cause, boolean sentence) {
        super(message, cause);
        this.sentence = sentence;
    }

    /** A message that is a whole line by itself: printed without the command name before it. */
    public static UsageError sentence(String message) {
        return new UsageError(message, null, true);
    }

    /** Whether the message is printed as it is, without {@code "streamforge CMD: "} before it. */
    public boolean isSentence() {
        return sentence;
    }
}
