package io.streamforge.app.rehearse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The metric names the dashboards and rules reference ({@code
 * deploy/monitoring/referenced-metrics.txt}, kept complete both ways by deploy's
 * ReferencedMetricsTest), by section: {@code service} = StreamForge's own {@code /metrics}, {@code
 * platform} = kube-state-metrics. Also the names a Prometheus text scrape exposes.
 */
final class ReferencedMetrics {
    static final String FILE = "deploy/monitoring/referenced-metrics.txt";

    private ReferencedMetrics() {}

    /** The file's sections under the repository {@code root}. */
    static Map<String, Set<String>> read(Path root) {
        try {
            return parse(Files.readString(root.resolve(FILE)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + root.resolve(FILE), e);
        }
    }

    /** {@code [section]} lines, then one metric name a line; {@code #} comments and blanks. */
    static Map<String, Set<String>> parse(String text) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        String section = null;
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line.substring(1, line.length() - 1);
                out.put(section, new TreeSet<>());
            } else if (section == null) {
                throw new IllegalArgumentException("metric before any [section]: " + line);
            } else if (!line.matches("[a-zA-Z_:][a-zA-Z0-9_:]*")) {
                throw new IllegalArgumentException("not a metric name: " + line);
            } else {
                out.get(section).add(line);
            }
        }
        return out;
    }

    /** The metric names of a Prometheus text exposition ({@code name{labels} value}). */
    static Set<String> exposed(String scrape) {
        Set<String> names = new TreeSet<>();
        if (scrape == null) {
            return names;
        }
        scrape.lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .forEach(
                        l -> {
                            int end = 0;
                            while (end < l.length()
                                    && l.charAt(end) != '{'
                                    && l.charAt(end) != ' ') {
                                end++;
                            }
                            names.add(l.substring(0, end));
                        });
        return names;
    }
}
