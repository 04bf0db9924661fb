package io.streamforge.graph;

import io.streamforge.domain.Micros;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Entry point for {@code streamforge correlation --input <long CSV> --method pearson|spearman
 * --output <matrix csv> [--mst <edges csv>]}: read closes, align (drop rows by default), log
 * returns, correlation matrix, optional minimum spanning tree, write CSVs.
 */
public final class CorrelationCli {
    private CorrelationCli() {}

    /** What one run produced. {@code mst} is empty when no MST output was asked for. */
    public record Result(
            CorrelationMatrix matrix, AlignmentReport alignment, Optional<CorrelationGraph> mst) {
        /** One line for the console. */
        public String summary() {
            WindowInfo w = matrix.window();
            return matrix.method().code()
                    + " correlation of "
                    + matrix.size()
                    + " symbols over "
                    + w.returnCount()
                    + " returns ["
                    + Micros.toInstant(w.fromOpenTimeUs())
                    + " .. "
                    + Micros.toInstant(w.toOpenTimeUs())
                    + "]; alignment "
                    + alignment.policy().mode()
                    + " kept "
                    + alignment.keptTimes()
                    + " of "
                    + alignment.unionTimes()
                    + " open times, filled "
                    + alignment.filledTotal()
                    + mst.map(g -> "; MST " + g.edges().size() + " edges").orElse("");
        }
    }

    /** Runs with {@link AlignmentPolicy#dropRows()}; {@code mstOut} may be null. */
    public static Result run(Path input, String method, Path matrixOut, Path mstOut) {
        return run(input, method, matrixOut, mstOut, AlignmentPolicy.dropRows());
    }

    /**
     * @throws IllegalArgumentException for an unknown method, bad CSV content (file and line are
     *     named), fewer than 2 symbols or 3 common open times, or a constant series
     * @throws java.io.UncheckedIOException when a file cannot be read or written
     */
    public static Result run(
            Path input, String method, Path matrixOut, Path mstOut, AlignmentPolicy policy) {
        Objects.requireNonNull(input, "--input is required");
        Objects.requireNonNull(matrixOut, "--output is required");
        CorrelationMethod m = CorrelationMethod.parse(method);
        List<PriceSeries> series = LongCsvReader.read(input);
        if (series.size() < 2) {
            throw new IllegalArgumentException(
                    input + ": correlation needs at least 2 symbols, found " + series.size());
        }
        AlignedSeries aligned = SeriesAligner.alignSeries(series, policy);
        if (aligned.length() < 3) {
            throw new IllegalArgumentException(
                    input
                            + ": only "
                            + aligned.length()
                            + " open times common to all symbols after "
                            + policy.mode()
                            + "; need at least 3");
        }
        CorrelationMatrix matrix = Correlations.compute(aligned.logReturns(), m);
        MatrixCsv.write(matrix, matrixOut);
        Optional<CorrelationGraph> mst = Optional.empty();
        if (mstOut != null) {
            mst = Optional.of(GraphBuilder.minimumSpanningTree(matrix));
            EdgesCsv.write(mst.get(), mstOut);
        }
        return new Result(matrix, aligned.report(), mst);
    }
}
