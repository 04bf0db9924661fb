package io.streamforge.deploy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * deploy/monitoring/referenced-metrics.txt: the metric names dashboards and rules use, by section
 * ("service" = StreamForge /metrics, "platform" = kube-state-metrics). A later test compares the
 * service section with a real scrape.
 */
final class ReferencedMetrics {
    private ReferencedMetrics() {}

    static Map<String, Set<String>> sections() {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        String section = null;
        for (String raw :
                Tools.read(Tools.deployDir().resolve("monitoring/referenced-metrics.txt"))
                        .split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line.substring(1, line.length() - 1);
                out.put(section, new TreeSet<>());
            } else if (section == null) {
                throw new IllegalStateException("metric before any [section]: " + line);
            } else {
                out.get(section).add(line);
            }
        }
        return out;
    }

    static Set<String> service() {
        return sections().getOrDefault("service", Set.of());
    }

    static Set<String> all() {
        Set<String> all = new TreeSet<>();
        sections().values().forEach(all::addAll);
        return all;
    }
}
