package io.streamforge.registry;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One parameter a pipeline step may set in its {@code params}: the queue-manager validates it and
 * passes it to the job as the environment variable {@link #envName()} ({@code gnn_epochs} → {@code
 * GNN_EPOCHS}), which the service's descriptor must declare.
 *
 * @param type how the value is checked
 * @param min least value of an {@link Type#INTEGER}
 * @param max greatest value of an {@link Type#INTEGER}
 * @param values the choices of an {@link Type#ENUM}
 * @param pattern the whole-value pattern of a {@link Type#STRING}, else null
 */
public record StepParam(
        String name,
        Type type,
        long min,
        long max,
        List<String> values,
        Pattern pattern,
        String description) {
    /** The value types a parameter can have. */
    public enum Type {
        INTEGER,
        STRING,
        INTERVAL,
        ENUM
    }

    public StepParam {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        values = List.copyOf(values);
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("step param '" + name + "': lower_snake_case");
        }
        if (type == Type.STRING && pattern == null) {
            throw new IllegalArgumentException("step param " + name + ": a STRING needs a pattern");
        }
        if (type == Type.ENUM && values.isEmpty()) {
            throw new IllegalArgumentException("step param " + name + ": an ENUM needs values");
        }
        if (min > max) {
            throw new IllegalArgumentException("step param " + name + ": min > max");
        }
    }

    /** The environment variable the job gets: the name in upper case. */
    public String envName() {
        return name.toUpperCase(Locale.ROOT);
    }

    static StepParam integer(String name, long min, long max, String description) {
        return new StepParam(name, Type.INTEGER, min, max, List.of(), null, description);
    }

    static StepParam oneOf(String name, List<String> values, String description) {
        return new StepParam(name, Type.ENUM, 0, 0, values, null, description);
    }

    static StepParam text(String name, String regex, String description) {
        return new StepParam(
                name, Type.STRING, 0, 0, List.of(), Pattern.compile(regex), description);
    }

    static StepParam interval(String name, String description) {
        return new StepParam(name, Type.INTERVAL, 0, 0, List.of(), null, description);
    }
}
