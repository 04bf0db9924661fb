package io.streamforge.app.tools;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Runs a tool in-process and captures its streams; locates ../shared/realdata. */
record ToolRun(int code, String out, String err) {
    static ToolRun of(String command, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Tools.run(command, args, o, e);
        }
        return new ToolRun(
                code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
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
