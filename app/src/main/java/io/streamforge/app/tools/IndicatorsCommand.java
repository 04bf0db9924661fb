package io.streamforge.app.tools;

import io.streamforge.app.cli.CliContext;
import io.streamforge.app.cli.ExitCode;
import io.streamforge.app.cli.UsageError;
import io.streamforge.indicators.IndicatorSpec;
import io.streamforge.indicators.IndicatorTable;
import io.streamforge.indicators.Indicators;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code streamforge indicators --input <klines> --indicator SPEC [--indicator SPEC ...] --output
 * <csv>}: computes indicators with libs/indicators and writes {@code open_time} (in the input's
 * unit) plus one column per indicator value, empty before warm-up.
 */
@Command(
        name = "indicators",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Compute indicators over a kline CSV or JSON file.",
            "Binance kline CSV (dump layout, header optional, ms or µs) or REST klines JSON;",
            "writes open_time plus one column per value."
        })
public final class IndicatorsCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Option(
            names = "--input",
            required = true,
            paramLabel = "FILE",
            description = "Kline CSV or REST klines JSON.")
    Path input;

    @Option(
            names = "--indicator",
            required = true,
            paramLabel = "SPEC",
            description = "e.g. RSI:14, BBANDS:20:2, MACD:12:26:9; repeatable, comma lists ok.")
    List<String> indicator;

    @Option(
            names = "--output",
            required = true,
            paramLabel = "FILE|-",
            description = "CSV to write (atomically); - = standard output.")
    String output;

    IndicatorsCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        Path in = ToolFiles.input("--input", input);
        List<IndicatorSpec> specs = specs(indicator);
        Path out = ToolFiles.output("--output", output, true);
        return ToolFiles.run(() -> compute(in, specs, out));
    }

    private int compute(Path input, List<IndicatorSpec> specs, Path output) {
        PrintStream out = ctx.out();
        KlineReader.Klines k = KlineReader.read(input);
        IndicatorTable table = Indicators.compute(k.series(), specs);
        Outputs.write(output, out, w -> writeCsv(w, k.rawOpenTimes(), table));
        (output == null ? ctx.err() : out)
                .println(
                        "indicators: "
                                + table.rows()
                                + " candles from "
                                + input
                                + " ("
                                + k.format()
                                + ", open times in "
                                + k.unit().label()
                                + (k.quoteVolume()
                                        ? ""
                                        : ", no quote volume: VWAP uses typical price")
                                + "), columns "
                                + table.names()
                                + (output == null ? "" : " -> " + output));
        return ExitCode.OK;
    }

    static List<IndicatorSpec> specs(List<String> texts) {
        List<String> all = new ArrayList<>();
        for (String t : texts) {
            for (String s : t.split(",")) {
                if (!s.isBlank()) {
                    all.add(s.trim());
                }
            }
        }
        List<IndicatorSpec> specs;
        try {
            specs = IndicatorSpec.parseAll(all);
        } catch (IllegalArgumentException e) {
            throw new UsageError("--indicator: " + e.getMessage());
        }
        Set<String> columns = new HashSet<>();
        for (IndicatorSpec s : specs) {
            for (String c : s.columns()) {
                if (!columns.add(c)) {
                    throw new UsageError(
                            "--indicator: column " + c + " requested twice (" + s + ")");
                }
            }
        }
        return specs;
    }

    /** Header {@code open_time,<columns>}; values in Java's shortest round-trip form. */
    static void writeCsv(Writer w, long[] openTimes, IndicatorTable table)
            throws java.io.IOException {
        List<String> names = table.names();
        double[][] cols = new double[names.size()][];
        w.write("open_time");
        for (int c = 0; c < cols.length; c++) {
            cols[c] = table.column(names.get(c));
            w.write(',');
            w.write(names.get(c));
        }
        w.write('\n');
        StringBuilder line = new StringBuilder(128);
        for (int i = 0; i < openTimes.length; i++) {
            line.setLength(0);
            line.append(openTimes[i]);
            for (double[] col : cols) {
                line.append(',');
                if (!Double.isNaN(col[i])) {
                    line.append(col[i]);
                }
            }
            line.append('\n');
            w.append(line);
        }
    }
}
