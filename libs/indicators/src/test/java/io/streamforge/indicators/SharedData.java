package io.streamforge.indicators;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Access to ../shared/realdata (read in place: some files must not be copied into the repo). */
final class SharedData {
    private SharedData() {}

    /** The file under realdata/, or skips the test when the shared folder is absent. */
    static Path realdata(String relative) {
        String root = System.getProperty("streamforge.shared");
        assumeTrue(
                root != null,
                "system property streamforge.shared not set: skipping real-data test");
        Path p = Path.of(root, "realdata", relative);
        assumeTrue(Files.isRegularFile(p), "shared real data not present (" + p + "): skipping");
        return p;
    }

    /** CSV rows split on commas, header line dropped. */
    static List<String[]> csv(Path p) {
        try {
            List<String> lines = Files.readAllLines(p);
            List<String[]> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (!line.isBlank()) {
                    rows.add(line.split(","));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Column {@code col} of CSV rows as doubles. */
    static double[] column(List<String[]> rows, int col) {
        double[] out = new double[rows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Double.parseDouble(rows.get(i)[col]);
        }
        return out;
    }
}
