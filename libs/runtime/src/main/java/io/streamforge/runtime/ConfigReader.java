package io.streamforge.runtime;

import io.streamforge.registry.EnvVar;
import io.streamforge.registry.ServiceDescriptor;
import io.streamforge.registry.ServiceRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Reads typed configuration from an environment map, collecting every problem so that one {@link
 * ConfigException} names all missing and invalid variables. Secrets are read only from files named
 * by {@code <NAME>_FILE}; their values are never part of a message.
 *
 * <p>A reader {@linkplain #forService for a service} holds every read to the service's descriptor
 * in the service registry (ADR 3351): a variable the descriptor does not declare, a default that
 * differs from the declared one, or a required read of a variable declared optional is a problem
 * like a missing variable, so a settings class cannot drift from the registry unnoticed.
 */
public final class ConfigReader {
    private final Map<String, String> env;
    private final ServiceDescriptor declared;
    private final List<String> problems = new ArrayList<>();
    private final List<String> contract = new ArrayList<>();
    private final Set<String> asked = new LinkedHashSet<>();

    /** A reader that checks names against nothing (service-agnostic parts, tests). */
    public ConfigReader(Map<String, String> env) {
        this(env, null);
    }

    /** A reader held to {@code declared} (null: unchecked). */
    public ConfigReader(Map<String, String> env, ServiceDescriptor declared) {
        this.env = Map.copyOf(env);
        this.declared = declared;
    }

    /** A reader held to the registry's descriptor of {@code service} (which must exist). */
    public static ConfigReader forService(String service, Map<String, String> env) {
        return new ConfigReader(env, ServiceRegistry.of(service));
    }

    private String get(String name) {
        return get(name, false, null, null);
    }

    /**
     * Looks {@code name} up; the first look-up of a reader for a service is checked against the
     * descriptor. {@code sameDefault} tells whether the registry's default text means {@code
     * codeDefault} (parsed the way the code parses the variable).
     */
    private String get(
            String name, boolean required, Object codeDefault, Predicate<String> sameDefault) {
        if (asked.add(name) && declared != null) {
            int before = contract.size();
            checkDeclared(name, required, codeDefault, sameDefault, contract);
            problems.addAll(contract.subList(before, contract.size()));
        }
        return env.get(name);
    }

    private void checkDeclared(
            String name,
            boolean required,
            Object codeDefault,
            Predicate<String> sameDefault,
            List<String> problems) {
        String service = declared.name();
        EnvVar v = declared.variable(name).orElse(null);
        if (v == null) {
            problems.add(
                    name
                            + " is read by "
                            + service
                            + " but not declared in its descriptor (libs/registry"
                            + " ServiceRegistry)");
            return;
        }
        if (required && v.need() == EnvVar.Need.OPTIONAL) {
            problems.add(
                    name + " is required by " + service + " but declared optional in the registry");
        }
        String registryDefault = v.defaultValue();
        if (codeDefault != null
                && registryDefault != null
                && !registryDefault.contains("<")
                && !sameDefault.test(registryDefault)) {
            problems.add(
                    name
                            + " defaults to '"
                            + codeDefault
                            + "' in "
                            + service
                            + " but to '"
                            + registryDefault
                            + "' in the registry");
        }
    }

    /**
     * Every variable name asked for so far, in order ({@code <NAME>_FILE} for secrets): what a
     * service reads, checked against its descriptor in the service registry.
     */
    public Set<String> asked() {
        return Collections.unmodifiableSet(asked);
    }

    /**
     * The reads so far that break the service's descriptor (also among the problems {@link
     * #validate} throws): what {@code ServiceRegistryTest} requires to be empty.
     */
    public List<String> contractProblems() {
        return List.copyOf(contract);
    }

    public String required(String name) {
        String v = get(name, true, null, null);
        if (v == null || v.isBlank()) {
            problems.add("missing " + name);
            return null;
        }
        return v.trim();
    }

    public String optional(String name, String defaultValue) {
        String v = get(name, false, defaultValue, text -> text.equals(defaultValue));
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
        String v = get(name, false, defaultValue, text -> sameValue(parser, text, defaultValue));
        if (v == null || v.isBlank()) {
            return defaultValue;
        }
        return parse(name, v.trim(), parser, defaultValue);
    }

    private static <T> boolean sameValue(Function<String, T> parser, String text, T value) {
        try {
            return Objects.equals(parser.apply(text), value);
        } catch (RuntimeException e) {
            return false;
        }
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
