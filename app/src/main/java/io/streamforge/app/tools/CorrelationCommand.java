package io.streamforge.app.tools;

import io.streamforge.graph.AlignmentPolicy;
import io.streamforge.graph.CorrelationCli;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code streamforge correlation --input <long CSV> --method pearson|spearman --output <matrix csv>
 * [--mst <edges csv>] [--max-gap N]}: libs/graph's {@link CorrelationCli} with all-or-nothing
 * output files.
 */
final class CorrelationCommand {
    static final String USAGE =
            """
              correlation --input FILE --output FILE [--method pearson|spearman] [--mst FILE] [--max-gap N]
                     correlation matrix of log returns of closes from a long CSV
                     (symbol,open_time,...,close,...); --mst writes the minimum spanning tree edges;
                     --max-gap N forward-fills runs of up to N missing candles (default: drop rows)
            """;

    private static final List<String> OPTIONS =
            List.of("--input", "--method", "--output", "--mst", "--max-gap");

    private CorrelationCommand() {}

    static int run(String[] args, PrintStream out, PrintStream err) {
        ToolArgs a = ToolArgs.parse("correlation", args, OPTIONS);
        Path input = a.inputFile("--input");
        String method = a.value("--method", "pearson");
        if (!method.equalsIgnoreCase("pearson") && !method.equalsIgnoreCase("spearman")) {
            throw new UsageException(
                    "correlation: --method: expected pearson or spearman, got '" + method + "'");
        }
        AlignmentPolicy policy = policy(a.value("--max-gap", "0"));
        Path matrix = a.outputFile("--output", false);
        Path mst = a.optionalOutputFile("--mst");
        if (mst != null && mst.toAbsolutePath().equals(matrix.toAbsolutePath())) {
            throw new UsageException("correlation: --mst and --output are the same file " + mst);
        }
        List<Outputs.Staged> staged = new ArrayList<>();
        staged.add(Outputs.stage(matrix));
        if (mst != null) {
            staged.add(Outputs.stage(mst));
        }
        CorrelationCli.Result r;
        try {
            r =
                    CorrelationCli.run(
                            input,
                            method,
                            staged.get(0).temp(),
                            mst == null ? null : staged.get(1).temp(),
                            policy);
        } catch (RuntimeException e) {
            staged.forEach(Outputs.Staged::discard);
            throw e;
        }
        Outputs.commit(staged);
        out.println(
                "correlation: "
                        + r.summary()
                        + " -> "
                        + matrix
                        + (mst == null ? "" : " and " + mst));
        return 0;
    }

    static AlignmentPolicy policy(String text) {
        int gap;
        try {
            gap = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(
                    "correlation: --max-gap: expected a whole number >= 0, got '" + text + "'");
        }
        if (gap < 0) {
            throw new UsageException("correlation: --max-gap: must be >= 0, got " + gap);
        }
        return gap == 0 ? AlignmentPolicy.dropRows() : AlignmentPolicy.forwardFill(gap);
    }
}
