package io.streamforge.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads typed configuration from an environment map, collecting every problem so that one {@link
 * ConfigException} names all missing and invalid variables. Secrets are read only from files named
 * by {@code <NAME>_FILE}; their values are never part of a message.
 */
public final class ConfigReader {
    private final Map<String, String> env;
    private final List<String> problems = new ArrayList<>();
    private final Set<String> asked = new LinkedHashSet<>();

    public ConfigReader(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    private String get(String name) {
        asked.add(name);
        return env.get(name);
    }

    /**
     * Every variable name asked for so far, in order ({@code <NAME>_FILE} for secrets): what a
     * service reads, checked against its descriptor in the service registry.
     */
    public Set<String> asked() {
        return Collections.unmodifiableSet(asked);
    }

    public String required(String name) {
        String v = get(name);
        if (v == null || v.isBlank()) {
            problems.add("missing " + name);
            return null;
        }
        return v.trim();
    }

    public String optional(String name, String defaultValue) {
        String v = get(name);
        return v == null || v.isBlank() ? defaultValue : v.trim();
    }

    public int intValue(String name, int defaultValue, int min, int max) {
        Integer v = parsed(name, Integer::valueOf, defaultValue);
        if (v != null && (v < min || v > max)) {
            problems.add("invalid " + name + ": " + v + " not in [" + min + ", " + max + "]");
        }
        return v == null ? defaultValue : v;
    }

    /** Parses an optional variable; a parse failure is recorded with the parser's message. */
    public <T> T parsed(String name, Function<String, T> parser, T defaultValue) {
        String v = get(name);
        if (v == null || v.isBlank()) {
            return defaultValue;
        }
        return parse(name, v.trim(), parser, defaultValue);
    }

    /** Parses a required variable. */
    public <T> T requiredParsed(String name, Function<String, T> parser) {
        String v = required(name);
        return v == null ? null : parse(name, v, parser, null);
    }

    private <T> T parse(String name, String v, Function<String, T> parser, T fallback) {
        try {
            return parser.apply(v);
        } catch (RuntimeException e) {
            problems.add("invalid " + name + ": " + e.getMessage());
            return fallback;
        }
    }

    /** A required secret read from the file named by {@code <name>_FILE}. */
    public String secret(String name) {
        String path = required(name + "_FILE");
        return path == null ? null : readSecret(name, path);
    }

    /** An optional secret: null when {@code <name>_FILE} is not set. */
    public String optionalSecret(String name) {
        String path = optional(name + "_FILE", null);
        return path == null ? null : readSecret(name, path);
    }

    private String readSecret(String name, String path) {
        try {
            return Files.readString(Path.of(path), StandardCharsets.UTF_8).strip();
        } catch (IOException | RuntimeException e) {
            problems.add("invalid " + name + "_FILE: cannot read " + path);
            return null;
        }
    }

    /** Records a problem found by cross-field validation. */
    public void problem(String message) {
        problems.add(message);
    }

    /** Throws one {@link ConfigException} listing all problems, if any. */
    public void validate() {
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }
}
