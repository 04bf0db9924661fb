package io.streamforge.queuemanager;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamforge.domain.Interval;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The allowlist of a step's {@code params}, declared per target: a parameter becomes the step's
 * environment variable of the same name in upper case ({@code gnn_epochs} → {@code GNN_EPOCHS}).
 * Anything not declared here — platform wiring, secrets, JVM options, a database kind — is refused
 * with a problem naming the field. The same declarations are published in {@code /openapi.json}.
 */
public final class StepParams {
    /** The value types a parameter can have. */
    public enum Type {
        INTEGER,
        STRING,
        INTERVAL,
        ENUM
    }

    /**
     * One declared parameter: integers within {@code [min, max]}, enums among {@code values},
     * strings matching {@code pattern}, intervals as {@code 1m … 1M}.
     */
    public record Param(
            String name,
            Type type,
            long min,
            long max,
            List<String> values,
            Pattern pattern,
            String description) {
        static Param integer(String name, long min, long max, String description) {
            return new Param(name, Type.INTEGER, min, max, List.of(), null, description);
        }

        static Param oneOf(String name, List<String> values, String description) {
            return new Param(name, Type.ENUM, 0, 0, values, null, description);
        }

        static Param text(String name, String regex, String description) {
            return new Param(
                    name, Type.STRING, 0, 0, List.of(), Pattern.compile(regex), description);
        }

        static Param interval(String name, String description) {
            return new Param(name, Type.INTERVAL, 0, 0, List.of(), null, description);
        }
    }

    private static final Param RESAMPLE =
            Param.interval("resample", "aggregate the stored candles to this interval first");
    private static final List<Param> LOADER =
            List.of(
                    Param.oneOf(
                            "source",
                            List.of("rest", "dump", "auto"),
                            "REST API, data.binance.vision dump files, or dumps + REST for the"
                                    + " tail"),
                    Param.integer("loader_concurrency", 1, 64, "parallel requests per loader"));

    /** Declared parameters per target (a target absent here takes none). */
    public static final Map<String, List<Param>> BY_TARGET = declarations();

    private StepParams() {}

    private static Map<String, List<Param>> declarations() {
        Map<String, List<Param>> m = new LinkedHashMap<>();
        m.put(Targets.CANDLES, LOADER);
        m.put(Targets.TRADES, LOADER);
        m.put(
                Targets.WS,
                List.of(
                        Param.text(
                                "streams",
                                "[A-Za-z0-9_,]{1,200}",
                                "stream types, comma separated (aggTrade, trade, kline_1m,"
                                        + " depth)"),
                        Param.integer(
                                "run_for_ms", 0, 2_592_000_000L, "stop after this time (0 = run)"),
                        Param.integer(
                                "depth_snapshot_limit", 1, 5000, "order book snapshot depth")));
        m.put(
                Targets.CONNECTOR,
                List.of(
                        Param.integer("poll_ms", 1, 60_000, "Kafka poll timeout"),
                        Param.integer("max_poll_records", 1, 100_000, "records per poll")));
        m.put(
                Targets.GRAPH,
                List.of(
                        RESAMPLE,
                        Param.text(
                                "indicators",
                                "[A-Za-z0-9:,._-]{1,200}",
                                "indicators to compute, e.g. SMA:20,RSI:14, or none"),
                        Param.oneOf(
                                "graph_method",
                                List.of("pearson", "spearman"),
                                "correlation method"),
                        Param.text(
                                "graph_rule",
                                "mst|threshold:[0-9.]{1,8}|topk:[0-9]{1,4}",
                                "edges: mst, threshold:<|rho|> or topk:<k>"),
                        Param.text(
                                "alignment",
                                "drop|ffill:[0-9]{1,4}",
                                "missing candles: drop rows or forward-fill up to n"),
                        Param.integer("min_returns", 2, 100_000_000, "least aligned returns")));
        m.put(
                Targets.GNN,
                List.of(
                        RESAMPLE,
                        Param.integer("gnn_epochs", 1, 10_000, "training epochs"),
                        Param.integer("gnn_patience", 1, 10_000, "early-stopping patience"),
                        Param.integer("gnn_seed", Long.MIN_VALUE, Long.MAX_VALUE, "random seed"),
                        Param.integer("gnn_horizon", 1, 20, "label horizon in steps"),
                        Param.oneOf(
                                "graph_source",
                                List.of("compute", "store"),
                                "graph from the store or computed"),
                        Param.text(
                                "model_name",
                                "[A-Za-z0-9][A-Za-z0-9._-]{0,99}",
                                "model name in S3")));
        m.put(
                Targets.DUMMY,
                List.of(
                        Param.integer("simulate_records", 0, 10_000_000, "records to emit"),
                        Param.integer("simulate_ms_per_record", 0, 60_000, "delay per record"),
                        Param.integer(
                                "simulate_fail_after", -1, 10_000_000, "fail after n (-1 never)")));
        return Map.copyOf(m);
    }

    public static List<Param> of(String target) {
        return BY_TARGET.getOrDefault(target, List.of());
    }

    /** Validates {@code params} of a step of {@code target} into its environment. */
    static void read(String target, JsonNode params, String path, Map<String, String> env) {
        if (params == null || params.isNull()) {
            return;
        }
        if (!params.isObject()) {
            throw new ProblemException(400, path, "expected an object of name → value");
        }
        var fields = params.fields();
        while (fields.hasNext()) {
            var e = fields.next();
            String field = path + "." + e.getKey();
            Param p =
                    of(target).stream()
                            .filter(d -> d.name().equals(e.getKey()))
                            .findFirst()
                            .orElseThrow(() -> notDeclared(target, field));
            env.put(p.name().toUpperCase(Locale.ROOT), value(p, e.getValue(), field));
        }
    }

    private static ProblemException notDeclared(String target, String field) {
        TreeSet<String> names = new TreeSet<>();
        of(target).forEach(p -> names.add(p.name()));
        return new ProblemException(
                400,
                field,
                "not a parameter of "
                        + target
                        + (names.isEmpty() ? " (it takes none)" : "; declared: " + names));
    }

    private static String value(Param p, JsonNode v, String field) {
        if (v == null || !v.isValueNode() || v.isNull()) {
            throw new ProblemException(400, field, "expected " + article(typeName(p)));
        }
        switch (p.type()) {
            case INTEGER -> {
                if (!v.isIntegralNumber()
                        && !(v.isTextual() && v.asText().matches("-?\\d{1,19}"))) {
                    throw new ProblemException(400, field, "expected an integer");
                }
                long n;
                try {
                    n = Long.parseLong(v.asText());
                } catch (NumberFormatException e) {
                    throw new ProblemException(400, field, "expected an integer");
                }
                if (n < p.min() || n > p.max()) {
                    throw new ProblemException(
                            400, field, n + " not in [" + p.min() + ", " + p.max() + "]");
                }
                return Long.toString(n);
            }
            case ENUM -> {
                if (!p.values().contains(v.asText())) {
                    throw new ProblemException(400, field, "expected one of " + p.values());
                }
                return v.asText();
            }
            case INTERVAL -> {
                try {
                    return Interval.of(v.asText()).code();
                } catch (IllegalArgumentException e) {
                    throw new ProblemException(400, field, e.getMessage());
                }
            }
            default -> {
                if (!v.isTextual() || !p.pattern().matcher(v.asText()).matches()) {
                    throw new ProblemException(
                            400, field, "expected text matching " + p.pattern().pattern());
                }
                return v.asText();
            }
        }
    }

    private static String typeName(Param p) {
        return switch (p.type()) {
            case INTEGER -> "an integer";
            case ENUM -> "string, one of " + p.values();
            case INTERVAL -> "string interval (1m … 1M)";
            default -> "string";
        };
    }

    private static String article(String type) {
        return type.startsWith("an ") ? type : "a " + type;
    }

    /** The JSON schema of one target's params object (additionalProperties false). */
    public static Map<String, Object> schema(String target) {
        Map<String, Object> props = new LinkedHashMap<>();
        for (Param p : of(target)) {
            Map<String, Object> s = new LinkedHashMap<>();
            switch (p.type()) {
                case INTEGER -> {
                    s.put("type", "integer");
                    s.put("minimum", p.min());
                    s.put("maximum", p.max());
                }
                case ENUM -> s.put("enum", p.values());
                case INTERVAL -> {
                    s.put("type", "string");
                    s.put("example", "1h");
                }
                default -> {
                    s.put("type", "string");
                    s.put("pattern", "^(" + p.pattern().pattern() + ")$");
                }
            }
            s.put("description", p.description());
            props.put(p.name(), s);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", "object");
        out.put("additionalProperties", false);
        out.put("properties", props);
        return out;
    }
}
