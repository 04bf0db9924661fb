package io.streamforge.sim;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Files of ../shared/realdata (read in place, never copied); the test skips when absent. */
final class RealData {
    private RealData() {}

    static Path websocket(String file) {
        String shared = System.getProperty("streamforge.shared");
        Path p = shared == null ? null : Path.of(shared, "realdata", "websocket", file);
        Assumptions.assumeTrue(
                p != null && Files.isRegularFile(p),
                "shared real data not present (streamforge.shared=" + shared + "); skipping");
        return p;
    }
}
