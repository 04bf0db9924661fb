package io.streamforge.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.streamforge.domain.Micros;
import io.streamforge.domain.Symbol;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hourly USD-M futures closes of 5 symbols, February 2023, read from the shared folder. */
class RealDataTest {
    private Path csv;

    @BeforeEach
    void findData() {
        String shared = System.getProperty("streamforge.shared");
        assumeTrue(shared != null, "system property streamforge.shared not set; skipping");
        csv = Path.of(shared, "realdata/graph/USDM-futures-5sym-1h-2023-02.csv");
        assumeTrue(Files.isRegularFile(csv), csv + " absent (no shared folder); skipping");
    }

    @Test
    void fiveSymbolMatrixIsAValidCorrelationMatrix() {
        List<PriceSeries> series = LongCsvReader.read(csv);
        AlignedSeries aligned = SeriesAligner.alignSeries(series, AlignmentPolicy.dropRows());
        assertThat(aligned.symbols())
                .extracting(Symbol::value)
                .containsExactly("ALGOUSDT", "AVAXUSDT", "FILUSDT", "LINKUSDT", "NEARUSDT");
        // the checks file says 672 complete hours per symbol, no gaps
        assertThat(aligned.report().keptTimes()).isEqualTo(672);
        assertThat(aligned.report().droppedTimes()).isZero();
        assertThat(aligned.report().widerSteps()).isZero();

        for (CorrelationMethod method : CorrelationMethod.values()) {
            CorrelationMatrix m = Correlations.compute(aligned.logReturns(), method);
            assertThat(m.size()).isEqualTo(5);
            for (int i = 0; i < 5; i++) {
                assertThat(m.get(i, i)).isEqualTo(1.0);
                for (int j = 0; j < 5; j++) {
                    assertThat(m.get(i, j)).isEqualTo(m.get(j, i)).isBetween(-1.0, 1.0);
                    if (i != j) { // hourly alt-coin returns move together
                        assertThat(m.get(i, j)).isGreaterThan(0.3).isLessThan(0.99);
                    }
                }
            }
            WindowInfo w = m.window();
            assertThat(w.returnCount()).isEqualTo(671);
            assertThat(Micros.toInstant(w.fromOpenTimeUs()))
                    .isEqualTo(Instant.parse("2023-02-01T00:00:00Z"));
            assertThat(Micros.toInstant(w.toOpenTimeUs()))
                    .isEqualTo(Instant.parse("2023-02-28T23:00:00Z"));
            CorrelationGraph mst = GraphBuilder.minimumSpanningTree(m);
            assertThat(mst.edges()).hasSize(4);
            assertThat(GraphBuilder.topK(m, 4, Strength.SIGNED).edges()).hasSize(10);
        }
    }

    @Test
    void cliWritesMatrixAndTreeThatReadBack(@TempDir Path dir) {
        Path matrixOut = dir.resolve("out/matrix.csv");
        Path mstOut = dir.resolve("out/mst.csv");
        CorrelationCli.Result r = CorrelationCli.run(csv, "spearman", matrixOut, mstOut);
        assertThat(MatrixCsv.read(matrixOut, CorrelationMethod.SPEARMAN).toArray())
                .containsExactly(r.matrix().toArray());
        assertThat(EdgesCsv.read(mstOut)).isEqualTo(r.mst().orElseThrow().edges()).hasSize(4);
        assertThat(r.summary())
                .contains("spearman correlation of 5 symbols over 671 returns")
                .contains("kept 672 of 672")
                .contains("MST 4 edges");
    }
}
