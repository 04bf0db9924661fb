package io.streamforge.graphbuilder;

import io.streamforge.domain.Interval;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.graph.GraphRecord;
import io.streamforge.domain.graph.IndicatorValue;
import io.streamforge.graph.AlignmentPolicy;
import io.streamforge.graph.CorrelationMethod;
import io.streamforge.indicators.CandleResampler;
import io.streamforge.indicators.IndicatorSpec;
import io.streamforge.runtime.ConfigReader;
import io.streamforge.runtime.DatabaseSettings;
import io.streamforge.runtime.WorkerConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * graph-builder configuration from the environment (see the module README for every variable).
 *
 * @param interval interval of the stored candles that are read ({@code INTERVAL})
 * @param resample interval the closes are correlated on, or null to use {@code interval}
 * @param minReturns fewest aligned returns a graph may be computed from ({@code MIN_RETURNS})
 */
public record GraphBuilderSettings(
        TimeRange range,
        Interval interval,
        Interval resample,
        CorrelationMethod method,
        GraphRule rule,
        AlignmentPolicy alignment,
        int minReturns,
        String collectionName,
        String graphCollection,
        List<IndicatorSpec> indicators,
        DatabaseSettings database) {

    public static final String DEFAULT_INDICATORS = "RSI:14,SMA:20,EMA:20,ATR:14";

    public GraphBuilderSettings {
        indicators = List.copyOf(indicators);
    }

    /** The interval whose closes are correlated. */
    public Interval graphInterval() {
        return resample == null ? interval : resample;
    }

    /** Reads and validates every variable; problems are collected by {@code r}. */
    public static GraphBuilderSettings read(ConfigReader r, WorkerConfig common) {
        TimeRange range = r.requiredParsed("TIME_RANGE", TimeRange::parseDays);
        Interval interval = r.parsed("INTERVAL", Interval::of, Interval.M1);
        Interval resample = r.parsed("RESAMPLE", Interval::of, null);
        if (resample != null && interval != null) {
            try {
                CandleResampler.checkMultiple(interval, resample);
            } catch (IllegalArgumentException e) {
                r.problem("invalid RESAMPLE: " + e.getMessage() + " (INTERVAL)");
            }
            resample = resample == interval ? null : resample;
        }
        String collection = r.optional("COLLECTION_NAME", common.queueId());
        String graphCollection = r.optional("GRAPH_COLLECTION", collection);
        try {
            GraphRecord.checkCollection(graphCollection);
        } catch (IllegalArgumentException e) {
            r.problem("invalid GRAPH_COLLECTION (default COLLECTION_NAME): " + e.getMessage());
        }
        return new GraphBuilderSettings(
                range,
                interval,
                resample,
                r.parsed("GRAPH_METHOD", CorrelationMethod::parse, CorrelationMethod.PEARSON),
                r.parsed("GRAPH_RULE", GraphRule::parse, GraphRule.mst()),
                r.parsed("ALIGNMENT", GraphBuilderSettings::alignment, AlignmentPolicy.dropRows()),
                r.intValue("MIN_RETURNS", 30, 2, 100_000_000),
                collection,
                graphCollection,
                r.parsed(
                        "INDICATORS",
                        GraphBuilderSettings::indicators,
                        indicators(DEFAULT_INDICATORS)),
                DatabaseSettings.read(r)); // DB_KIND=postgres (default) or arango
    }

    /** {@code drop} or {@code ffill:<max gap>}. */
    static AlignmentPolicy alignment(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("drop")) {
            return AlignmentPolicy.dropRows();
        }
        if (t.startsWith("ffill:")) {
            try {
                return AlignmentPolicy.forwardFill(Integer.parseInt(t.substring(6)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "': max gap is not an integer", e);
            }
        }
        throw new IllegalArgumentException("'" + text + "': expected drop | ffill:<max gap>");
    }

    /** A comma list of specs such as {@code RSI:14,SMA:20}; {@code none} for no indicators. */
    static List<IndicatorSpec> indicators(String csv) {
        if (csv.trim().equalsIgnoreCase("none")) {
            return List.of();
        }
        List<IndicatorSpec> specs = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        for (String token : Arrays.stream(csv.split(",")).map(String::trim).toList()) {
            if (token.isEmpty()) {
                continue;
            }
            IndicatorSpec spec = IndicatorSpec.parse(token);
            for (String column : spec.columns()) {
                IndicatorValue.checkName(column);
                if (columns.contains(column)) {
                    throw new IllegalArgumentException("duplicate indicator " + spec);
                }
                columns.add(column);
            }
            specs.add(spec);
        }
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("no indicator given (use 'none' for none)");
        }
        return specs;
    }
}
