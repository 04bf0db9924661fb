package io.streamforge.app.bench;

import io.streamforge.app.IngestEfficiency;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code bench efficiency}: options of {@link IngestEfficiency} (issue 14 item 1), which runs the
 * ingest pipeline with the exchange simulator in its own process and compares its CPU per record
 * with the raw Kafka + raw COPY floor. The platform's data lives in a temporary folder, deleted
 * afterwards.
 */
public final class EfficiencyBench {

    public record Options(List<io.streamforge.domain.Symbol> symbols, String days) {}

    private EfficiencyBench() {}

    public static IngestEfficiency.Result run(Options o, PrintStream out) {
        Path dir;
        try {
            dir = Files.createTempDirectory("streamforge-bench-efficiency-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return IngestEfficiency.run(dir, o.symbols(), o.days(), out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        } finally {
            DumpBench.delete(dir);
        }
    }
}
