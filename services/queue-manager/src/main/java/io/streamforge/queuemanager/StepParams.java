package io.streamforge.queuemanager;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamforge.domain.Interval;
import io.streamforge.registry.ServiceDescriptor;
import io.streamforge.registry.ServiceRegistry;
import io.streamforge.registry.StepParam;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The allowlist of a step's {@code params}: the step params of the target's descriptor in the
 * service registry ({@link ServiceDescriptor#stepParams()}). A parameter becomes the step's
 * environment variable {@link StepParam#envName()} ({@code gnn_epochs} → {@code GNN_EPOCHS}), which
 * the registry holds declared by the service. Anything not declared — platform wiring, secrets, JVM
 * options, a database kind — is refused with a problem naming the field. The same declarations are
 * published in {@code /openapi.json}.
 */
public final class StepParams {
    /** Declared parameters per target. */
    public static final Map<String, List<StepParam>> BY_TARGET =
            ServiceRegistry.targets().stream()
                    .collect(
                            Collectors.toUnmodifiableMap(
                                    ServiceDescriptor::name, ServiceDescriptor::stepParams));

    private StepParams() {}

    public static List<StepParam> of(String target) {
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
            StepParam p =
                    of(target).stream()
                            .filter(d -> d.name().equals(e.getKey()))
                            .findFirst()
                            .orElseThrow(() -> notDeclared(target, field));
            env.put(p.envName(), value(p, e.getValue(), field));
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

    private static String value(StepParam p, JsonNode v, String field) {
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

    private static String typeName(StepParam p) {
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
        for (StepParam p : of(target)) {
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
