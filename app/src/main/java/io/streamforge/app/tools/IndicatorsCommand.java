package io.streamforge.app.tools;

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

/**
 * {@code streamforge indicators --input <klines> --indicator SPEC [--indicator SPEC ...] --output
 * <csv>}: computes indicators with libs/indicators and writes {@code open_time} (in the input's
 * unit) plus one column per indicator value, empty before warm-up.
 */
final class IndicatorsCommand {
    static final String USAGE =
            """
              indicators --input FILE --indicator SPEC [--indicator SPEC ...] --output FILE|-
                     indicators over a Binance kline CSV (dump layout, header optional, ms or µs)
                     or REST klines JSON; SPEC e.g. RSI:14, BBANDS:20:2, MACD:12:26:9 (comma lists ok)
            """;

    private static final List<String> OPTIONS = List.of("--input", "--indicator", "--output");

    private IndicatorsCommand() {}

    static int run(String[] args, PrintStream out, PrintStream err) {
        ToolArgs a = ToolArgs.parse("indicators", args, OPTIONS);
        Path input = a.inputFile("--input");
        List<IndicatorSpec> specs = specs(a.values("--indicator"));
        Path output = a.outputFile("--output", true);
        KlineReader.Klines k = KlineReader.read(input);
        IndicatorTable table = Indicators.compute(k.series(), specs);
        Outputs.write(output, out, w -> writeCsv(w, k.rawOpenTimes(), table));
        (output == null ? err : out)
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
        return 0;
    }

    static List<IndicatorSpec> specs(List<String> texts) {
        if (texts.isEmpty()) {
            throw new UsageException(
                    "indicators: option --indicator is required (e.g. --indicator RSI:14)");
        }
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
            throw new UsageException("indicators: --indicator: " + e.getMessage());
        }
        Set<String> columns = new HashSet<>();
        for (IndicatorSpec s : specs) {
            for (String c : s.columns()) {
                if (!columns.add(c)) {
                    throw new UsageException(
                            "indicators: --indicator: column "
                                    + c
                                    + " requested twice ("
                                    + s
                                    + ")");
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
