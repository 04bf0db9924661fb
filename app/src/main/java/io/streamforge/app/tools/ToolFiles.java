package io.streamforge.app.tools;

import io.streamforge.app.cli.UsageError;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks of the tools' file options, before any file is read or written. */
final class ToolFiles {
    private ToolFiles() {}

    /** A readable regular file. */
    static Path input(String option, Path p) {
        if (!Files.isRegularFile(p)) {
            throw new UsageError(
                    option
                            + " "
                            + p
                            + (Files.exists(p) ? " is not a regular file" : ": no such file"));
        }
        if (!Files.isReadable(p)) {
            throw new UsageError(option + " " + p + " is not readable");
        }
        return p;
    }

    /** An output path; {@code -} (when allowed) means standard output and is returned as null. */
    static Path output(String option, String value, boolean allowStdout) {
        if (value == null) {
            return null;
        }
        if (allowStdout && value.equals("-")) {
            return null;
        }
        if (value.isBlank()) {
            throw new UsageError(option + ": empty file name");
        }
        Path p = Path.of(value);
        if (Files.isDirectory(p)) {
            throw new UsageError(option + " " + p + " is a directory");
        }
        return p;
    }

    /**
     * Runs a tool's work: a bad input file (an {@link IllegalArgumentException} naming file and
     * line) becomes a {@link UsageError} (exit 2); I/O failures stay failures (exit 1).
     */
    static int run(java.util.concurrent.Callable<Integer> work) throws Exception {
        try {
            return work.call();
        } catch (UsageError e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage(), e);
        }
    }
}
