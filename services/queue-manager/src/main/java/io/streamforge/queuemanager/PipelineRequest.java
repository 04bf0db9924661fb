package io.streamforge.queuemanager;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import io.streamforge.kafka.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A validated {@code POST /queues/start-pipeline} body. Every problem is a {@link ProblemException}
 * (400, or 422 for a well-formed but impossible request) naming the field.
 */
public record PipelineRequest(
        List<Symbol> symbols, String timeRangeText, TimeRange timeRange, List<StepSpec> steps) {
    private static final Set<String> CANDLE_TYPES = Set.of("candles", "klines");
    private static final Set<String> TRADE_TYPES = Set.of("agg_trades", "trades");

    /** Fields a request may carry; anything else is refused naming the field. */
    static final Set<String> REQUEST_FIELDS =
            Set.of("symbol", "symbols", "time_range", "microservices");

    /** Fields a step may carry. */
    static final Set<String> STEP_FIELDS =
            Set.of(
                    "target",
                    "type",
                    "interval",
                    "image",
                    "collection_name",
                    "depends_on",
                    "params",
                    "collection_inputs",
                    "collection_output",
                    "model_output",
                    "graph_collection");

    /** Without job templates: a step's {@code image} is always refused. */
    public static PipelineRequest parse(byte[] body, Predicate<Symbol> knownSymbol) {
        return parse(body, knownSymbol, target -> Optional.empty());
    }

    /**
     * Parses and validates a request. {@code templateImage} gives the image a target's job template
     * runs: a step's {@code image} equal to it is accepted (and dropped: the template decides), any
     * other is a 400.
     */
    public static PipelineRequest parse(
            byte[] body,
            Predicate<Symbol> knownSymbol,
            Function<String, Optional<String>> templateImage) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new ProblemException(
                    400, "body", "malformed JSON: " + e.getMessage().split("\n")[0]);
        }
        if (root == null || !root.isObject()) {
            throw new ProblemException(400, "body", "expected a JSON object");
        }
        unknownFields(root, REQUEST_FIELDS, "");
        List<Symbol> symbols = symbols(root, knownSymbol);
        String rangeText = null;
        TimeRange range = null;
        JsonNode tr = root.get("time_range");
        if (tr != null && !tr.isNull()) {
            rangeText = tr.asText();
            try {
                range = TimeRange.parseDays(rangeText);
            } catch (IllegalArgumentException e) {
                throw new ProblemException(400, "time_range", e.getMessage());
            }
        }
        List<StepSpec> steps = steps(root.get("microservices"), templateImage);
        for (int i = 0; i < steps.size(); i++) {
            if (range == null && LaunchEnv.requires(steps.get(i).target(), "TIME_RANGE")) {
                throw new ProblemException(
                        400, "time_range", "required by " + steps.get(i).target());
            }
        }
        return new PipelineRequest(symbols, rangeText, range, steps);
    }

    private static List<Symbol> symbols(JsonNode root, Predicate<Symbol> knownSymbol) {
        List<String> raw = new ArrayList<>();
        String field;
        if (root.hasNonNull("symbols")) {
            field = "symbols";
            JsonNode arr = root.get("symbols");
            if (!arr.isArray() || arr.isEmpty()) {
                throw new ProblemException(400, field, "expected a non-empty array of symbols");
            }
            arr.forEach(n -> raw.add(n.asText()));
        } else if (root.hasNonNull("symbol")) {
            field = "symbol";
            raw.add(root.get("symbol").asText());
        } else {
            throw new ProblemException(400, "symbol", "missing: give symbol or symbols");
        }
        List<Symbol> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String f = field.equals("symbols") ? "symbols[" + i + "]" : field;
            Symbol s;
            try {
                s = Symbol.of(raw.get(i));
            } catch (IllegalArgumentException e) {
                throw new ProblemException(400, f, e.getMessage());
            }
            if (!knownSymbol.test(s)) {
                throw new ProblemException(
                        422, f, "unknown symbol " + s + " (not trading on the exchange)");
            }
            if (!out.contains(s)) {
                out.add(s);
            }
        }
        return out;
    }

    private static List<StepSpec> steps(
            JsonNode arr, Function<String, Optional<String>> templateImage) {
        if (arr == null || !arr.isArray() || arr.isEmpty()) {
            throw new ProblemException(400, "microservices", "expected a non-empty array");
        }
        List<StepSpec> steps = new ArrayList<>();
        Set<String> targets = new HashSet<>();
        for (int i = 0; i < arr.size(); i++) {
            StepSpec s = step(arr.get(i), "microservices[" + i + "]", templateImage);
            steps.add(s);
            targets.add(s.target());
        }
        for (int i = 0; i < steps.size(); i++) {
            for (String dep :
                    steps.get(i).dependsOn() == null
                            ? List.<String>of()
                            : steps.get(i).dependsOn()) {
                if (!targets.contains(dep)) {
                    throw new ProblemException(
                            400,
                            "microservices[" + i + "].depends_on",
                            "no step with target " + dep);
                }
            }
        }
        return steps;
    }

    private static StepSpec step(
            JsonNode n, String path, Function<String, Optional<String>> templateImage) {
        if (n == null || !n.isObject()) {
            throw new ProblemException(400, path, "expected an object");
        }
        unknownFields(n, STEP_FIELDS, path + ".");
        String target = n.path("target").asText("");
        if (!Targets.ALL.contains(target)) {
            throw new ProblemException(
                    400,
                    path + ".target",
                    "unknown target '"
                            + target
                            + "', expected one of "
                            + new java.util.TreeSet<>(Targets.ALL));
        }
        String type = n.path("type").asText(defaultType(target));
        checkType(target, type, path);
        String interval = n.hasNonNull("interval") ? n.get("interval").asText() : null;
        if (interval != null) {
            try {
                Interval.of(interval);
            } catch (IllegalArgumentException e) {
                throw new ProblemException(400, path + ".interval", e.getMessage());
            }
        }
        List<String> deps = null;
        if (n.has("depends_on")) {
            deps = new ArrayList<>();
            for (JsonNode d : n.get("depends_on")) {
                deps.add(d.asText());
            }
        }
        Map<String, String> extra = new LinkedHashMap<>();
        for (String f :
                List.of(
                        "collection_inputs",
                        "collection_output",
                        "model_output",
                        "graph_collection")) {
            if (n.hasNonNull(f)) {
                extra.put(
                        f.toUpperCase(java.util.Locale.ROOT),
                        n.get(f).isTextual() ? n.get(f).asText() : n.get(f).toString());
            }
        }
        StepParams.read(target, n.get("params"), path + ".params", extra);
        checkImage(target, text(n, "image"), path + ".image", templateImage);
        return new StepSpec(target, type, interval, null, text(n, "collection_name"), deps, extra);
    }

    private static void unknownFields(JsonNode n, Set<String> allowed, String prefix) {
        var names = n.fieldNames();
        while (names.hasNext()) {
            String f = names.next();
            if (!allowed.contains(f)) {
                throw new ProblemException(
                        400,
                        prefix + f,
                        "unknown field; expected one of " + new TreeSet<>(allowed));
            }
        }
    }

    /** Images come from the job templates only; the template's own image is tolerated. */
    private static void checkImage(
            String target,
            String image,
            String field,
            Function<String, Optional<String>> templateImage) {
        if (image == null) {
            return;
        }
        Optional<String> allowed = templateImage.apply(target);
        if (allowed.isEmpty() || !allowed.get().equals(image)) {
            throw new ProblemException(
                    400,
                    field,
                    "a request cannot choose an image: "
                            + target
                            + " runs the image of its job template"
                            + allowed.map(a -> " (" + a + ")").orElse(""));
        }
    }

    private static String text(JsonNode n, String f) {
        return n.hasNonNull(f) ? n.get(f).asText() : null;
    }

    private static String defaultType(String target) {
        return switch (target) {
            case Targets.CANDLES -> "candles";
            case Targets.TRADES -> "agg_trades";
            default -> target;
        };
    }

    private static void checkType(String target, String type, String path) {
        boolean ok =
                switch (target) {
                    case Targets.CANDLES -> CANDLE_TYPES.contains(type);
                    case Targets.TRADES -> TRADE_TYPES.contains(type);
                    default -> true;
                };
        if (!ok) {
            throw new ProblemException(
                    400, path + ".type", "type '" + type + "' does not fit target " + target);
        }
    }
}
