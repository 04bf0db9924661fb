package io.streamforge.app.tools;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.streamforge.app.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Runs a tool through the whole CLI in-process and captures its streams; locates
 * ../shared/realdata.
 */
record ToolRun(int code, String out, String err) {
    static ToolRun of(String command, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = command;
        System.arraycopy(args, 0, all, 1, args.length);
        CliRun r = CliRun.of(all);
        return new ToolRun(r.code(), r.out(), r.err());
    }

    /** A file of ../shared/realdata; skips the test when the folder is absent (a user's clone). */
    static Path realdata(String relative) {
        String shared = System.getProperty("streamforge.shared", "../../shared");
        Path p = Path.of(shared, "realdata", relative);
        assumeTrue(Files.isRegularFile(p), "real data not available: " + p);
        return p;
    }

    /** Files in a folder, e.g. to check that a failed run left no temporary file behind. */
    static long filesIn(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }
}
