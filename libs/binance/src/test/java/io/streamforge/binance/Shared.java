package io.streamforge.binance;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Location of ../shared/realdata (system property {@code streamforge.shared}); tests skip with a
 * clear message when it is absent (a user's clone has none; CI always has it).
 */
public final class Shared {
    private Shared() {}

    public static Path realdata(String relative) {
        String shared = System.getProperty("streamforge.shared", "../../../shared");
        Path p = Path.of(shared, "realdata", relative);
        assumeTrue(Files.isRegularFile(p), "shared realdata not available: " + p);
        return p;
    }
}
