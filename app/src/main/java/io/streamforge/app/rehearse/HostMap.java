package io.streamforge.app.rehearse;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one explicit table from what the rendered manifests point at (cluster host names such as
 * {@code k3-kafka-bootstrap.kafka:9093}, {@code *.svc}, {@code *.dmz.home}, container paths) to the
 * local servers and folders of the rehearsal. Every environment value of every rehearsed container
 * goes through {@link #remap}; the table is printed at start.
 */
public final class HostMap {
    /** {@code from} (a URL prefix, host:port or path prefix) becomes {@code to}. */
    public record Rule(String from, String to, String what) {}

    private final List<Rule> rules = new ArrayList<>();
    private final Map<String, Rule> variables = new LinkedHashMap<>();

    /** Adds a rule; the longest matching {@code from} wins, so specific rules can refine. */
    public synchronized HostMap add(String from, String to, String what) {
        rules.removeIf(r -> r.from().equals(from));
        rules.add(new Rule(from, to, what));
        rules.sort(Comparator.comparingInt((Rule r) -> r.from().length()).reversed());
        return this;
    }

    /**
     * Overrides one environment variable wherever a container sets it (a port the chart sets apart
     * from its host, such as {@code FLUENT_PORT}); printed with the table as {@code env NAME}.
     */
    public synchronized HostMap setVariable(String name, String to, String what) {
        variables.put(name, new Rule("env " + name, to, what));
        return this;
    }

    /** Variable {@code name}'s value in a container: its override, else {@link #remap}. */
    public synchronized String value(String name, String rendered) {
        Rule r = variables.get(name);
        return r != null && rendered != null ? r.to() : remap(rendered);
    }

    /**
     * The value with every occurrence of a rule's {@code from} replaced (comma-separated lists such
     * as bootstrap servers included); longer rules first, each position replaced once.
     */
    public synchronized String remap(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        outer:
        while (i < value.length()) {
            for (Rule r : rules) {
                if (value.startsWith(r.from(), i)
                        && (i == 0 || boundary(value, i - 1))
                        && boundary(value, i + r.from().length())) {
                    out.append(r.to());
                    i += r.from().length();
                    continue outer;
                }
            }
            out.append(value.charAt(i++));
        }
        return out.toString();
    }

    /**
     * A rule matches a whole host or path: not {@code kafka:9092} inside {@code my-kafka:90921}.
     */
    private static boolean boundary(String value, int at) {
        if (at >= value.length()) {
            return true;
        }
        char c = value.charAt(at);
        return !Character.isLetterOrDigit(c) && c != '-' && c != '.';
    }

    /** A copy to which a pod adds its own mounts. */
    public synchronized HostMap copy() {
        HostMap m = new HostMap();
        m.rules.addAll(rules);
        m.variables.putAll(variables);
        return m;
    }

    public synchronized List<Rule> rules() {
        List<Rule> all = new ArrayList<>(rules);
        all.addAll(variables.values());
        return List.copyOf(all);
    }

    /** The table, for people. */
    public synchronized void print(PrintStream out) {
        out.println("Host and path mapping (rendered manifest -> this machine):");
        List<Rule> sorted = new ArrayList<>(rules);
        sorted.addAll(variables.values());
        sorted.sort(Comparator.comparing(Rule::what).thenComparing(Rule::from));
        for (Rule r : sorted) {
            out.printf("  %-58s -> %-44s %s%n", r.from(), r.to(), r.what());
        }
    }
}
