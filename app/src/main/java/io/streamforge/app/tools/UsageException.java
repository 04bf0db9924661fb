package io.streamforge.app.tools;

/**
 * Bad command line (unknown or missing option, bad value): exit code 2 plus the command's usage.
 */
final class UsageException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
