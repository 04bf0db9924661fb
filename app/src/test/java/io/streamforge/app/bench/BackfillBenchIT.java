package io.streamforge.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamforge.domain.Symbol;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench backfill} at a tiny size, all parts real (simulator dump archives on disk,
 * loader-api-trades SOURCE=dump, embedded Kafka, the connector, embedded PostgreSQL, COPY). Asserts
 * what the bench must show, never a rate: both paths stored the same rows, the archives are cached
 * for the next run, and the ratio line is printed last.
 */
class BackfillBenchIT {
    @TempDir Path data;

    @Test
    void bothPathsStoreTheSameRowsAndTheArchivesAreCached() throws Exception {
        var buf = new ByteArrayOutputStream();
        var out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        var o =
                new BackfillBench.Options(
                        List.of(Symbol.of("BTCUSDT"), Symbol.of("ETHUSDT")),
                        "2024-01-01:2024-01-01",
                        5_000,
                        data,
                        1_000);

        BackfillBench.Result r = BackfillBench.run(o, out);

        assertThat(r.rows()).isGreaterThan(2 * 4_000L);
        assertThat(r.backfill().rows()).isEqualTo(r.rows());
        assertThat(r.rowsEqual()).isTrue();
        try (var files = Files.walk(data.resolve("dumps"))) {
            assertThat(files.filter(p -> p.toString().endsWith(".zip.CHECKSUM")).count())
                    .isEqualTo(3); // 2 symbols × 1 day + the warm-up day
        }
        String text = buf.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("equal (count + digest");
        assertThat(text.strip().lines().reduce((a, b) -> b).orElseThrow())
                .startsWith("ratio backfill / direct COPY  ");
    }
}
