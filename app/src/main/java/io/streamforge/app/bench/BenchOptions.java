package io.streamforge.app.bench;

import io.streamforge.domain.Symbol;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code --name value} options of one benchmark: only the names a benchmark declares are accepted,
 * every value is parsed to its type with an error naming the option and the bad value.
 */
final class BenchOptions {
    private final Map<String, String> values = new HashMap<>();
    private final Set<String> used = new HashSet<>();

    private BenchOptions() {}

    /** Parses {@code args} as pairs; unknown names and missing values are errors. */
    static BenchOptions parse(String[] args, Set<String> known) {
        BenchOptions o = new BenchOptions();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!known.contains(name)) {
                throw new IllegalArgumentException(
                        "unknown option '"
                                + name
                                + "' (known: "
                                + String.join(", ", sorted(known))
                                + ")");
            }
            if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            if (o.values.put(name, args[++i]) != null) {
                throw new IllegalArgumentException(name + " given twice");
            }
        }
        return o;
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    String text(String name, String def) {
        used.add(name);
        return values.getOrDefault(name, def);
    }

    int positiveInt(String name, int def) {
        long v = positiveLong(name, def);
        if (v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    name + ": at most " + Integer.MAX_VALUE + ", got " + v);
        }
        return (int) v;
    }

    long positiveLong(String name, long def) {
        String raw = text(name, Long.toString(def));
        long v;
        try {
            v = Long.parseLong(raw.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    name + ": expected a whole number, got '" + raw + "'");
        }
        if (v <= 0) {
            throw new IllegalArgumentException(name + ": must be positive, got " + v);
        }
        return v;
    }

    /** A number in {@code (min, max]}. */
    double number(String name, double def, double min, double max) {
        String raw = text(name, Double.toString(def));
        double v;
        try {
            v = Double.parseDouble(raw);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": expected a number, got '" + raw + "'");
        }
        if (!(v > min && v <= max)) {
            throw new IllegalArgumentException(
                    name + ": must be in (" + fmt(min) + ", " + fmt(max) + "], got " + raw);
        }
        return v;
    }

    List<Symbol> symbols(String name, String def) {
        String raw = text(name, def);
        List<Symbol> out = new ArrayList<>();
        for (String s : raw.split(",")) {
            if (s.isBlank()) {
                throw new IllegalArgumentException(name + ": empty symbol in '" + raw + "'");
            }
            try {
                out.add(Symbol.of(s.strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && !Double.isInfinite(d)
                ? Long.toString((long) d)
                : Double.toString(d);
    }
}
