package io.streamforge.app.tools;

import io.streamforge.app.cli.CliContext;
import io.streamforge.app.cli.ExitCode;
import io.streamforge.app.cli.UsageError;
import io.streamforge.graph.AlignmentPolicy;
import io.streamforge.graph.CorrelationCli;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code streamforge correlation --input <long CSV> --method pearson|spearman --output <matrix csv>
 * [--mst <edges csv>] [--max-gap N]}: libs/graph's {@link CorrelationCli} with all-or-nothing
 * output files.
 */
@Command(
        name = "correlation",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Compute the correlation matrix of a long CSV of closes.",
            "Log returns of closes from symbol,open_time,...,close,...; optionally the",
            "minimum spanning tree's edges."
        })
public final class CorrelationCommand implements Callable<Integer> {
    /** The correlation measures. */
    enum Method {
        pearson,
        spearman
    }

    private final CliContext ctx;

    @Option(
            names = "--input",
            required = true,
            paramLabel = "FILE",
            description = "Long CSV: symbol,open_time,...,close,...")
    Path input;

    @Option(
            names = "--output",
            required = true,
            paramLabel = "FILE",
            description = "Matrix CSV to write (atomically).")
    String output;

    @Option(
            names = "--method",
            defaultValue = "pearson",
            description = "pearson or spearman (default: ${DEFAULT-VALUE}).")
    Method method;

    @Option(
            names = "--mst",
            paramLabel = "FILE",
            description = "Also write the minimum spanning tree's edges here.")
    String mst;

    @Option(
            names = "--max-gap",
            defaultValue = "0",
            paramLabel = "N",
            description =
                    "Forward-fill runs of up to N missing candles; 0 = drop such rows (default: ${DEFAULT-VALUE}).")
    int maxGap;

    CorrelationCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        Path in = ToolFiles.input("--input", input);
        AlignmentPolicy policy = policy(maxGap);
        Path matrix = ToolFiles.output("--output", output, false);
        Path tree = ToolFiles.output("--mst", mst, false);
        if (tree != null && tree.toAbsolutePath().equals(matrix.toAbsolutePath())) {
            throw new UsageError("--mst and --output are the same file " + tree);
        }
        return ToolFiles.run(() -> compute(in, policy, matrix, tree));
    }

    private int compute(Path in, AlignmentPolicy policy, Path matrix, Path tree) {
        List<Outputs.Staged> staged = new ArrayList<>();
        staged.add(Outputs.stage(matrix));
        if (tree != null) {
            staged.add(Outputs.stage(tree));
        }
        CorrelationCli.Result r;
        try {
            r =
                    CorrelationCli.run(
                            in,
                            method.name(),
                            staged.get(0).temp(),
                            tree == null ? null : staged.get(1).temp(),
                            policy);
        } catch (RuntimeException e) {
            staged.forEach(Outputs.Staged::discard);
            throw e;
        }
        Outputs.commit(staged);
        ctx.out()
                .println(
                        "correlation: "
                                + r.summary()
                                + " -> "
                                + matrix
                                + (tree == null ? "" : " and " + tree));
        return ExitCode.OK;
    }

    static AlignmentPolicy policy(int gap) {
        if (gap < 0) {
            throw new UsageError("--max-gap: must be >= 0, got " + gap);
        }
        return gap == 0 ? AlignmentPolicy.dropRows() : AlignmentPolicy.forwardFill(gap);
    }
}
