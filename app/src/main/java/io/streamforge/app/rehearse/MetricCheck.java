package io.streamforge.app.rehearse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Issue 12's metrics check: each metric the dashboards and rules reference ({@link
 * ReferencedMetrics}, section {@code service}) against the names the rehearsal's scrapes exposed. A
 * metric no scrape exposed fails the rehearsal when a rehearsed Deployment's service should expose
 * it: its own code ({@code services/<service>/src/main/java}) names the metric (or, for a timer's
 * {@code _count}/{@code _sum}/{@code _max}, its base name), or it is a {@code jvm_} metric, which
 * every service exposes. Otherwise (no rehearsed Deployment's own code names it: a Job's metric, or
 * a library's that no Deployment exposed) it is listed as "not seen (job-only)" — the scrapes of
 * running Jobs ({@link JobScrapes}) are best effort.
 *
 * @param lines one line per referenced metric: seen where, or not seen
 * @param failures one line per metric a Deployment should expose and did not, naming both
 */
record MetricCheck(List<String> lines, List<String> failures) {
    private static final List<String> TIMER_PARTS = List.of("_count", "_sum", "_max", "_bucket");

    /**
     * @param exposed the metric names each scraped workload exposed ({@code deployment/<name>} or
     *     {@code job/<name>})
     * @param deploymentServices each rehearsed Deployment's service
     */
    static MetricCheck of(
            Path root,
            Set<String> referenced,
            Map<String, Set<String>> exposed,
            Map<String, String> deploymentServices) {
        Map<String, String> sources = new HashMap<>();
        List<String> lines = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (String metric : referenced) {
            List<String> seenBy =
                    exposed.entrySet().stream()
                            .filter(e -> e.getValue().contains(metric))
                            .map(Map.Entry::getKey)
                            .sorted()
                            .toList();
            if (!seenBy.isEmpty()) {
                lines.add(metric + ": seen (" + String.join(", ", seenBy) + ")");
                continue;
            }
            List<String> owing = new ArrayList<>();
            deploymentServices.forEach(
                    (deployment, service) -> {
                        if (metric.startsWith("jvm_")
                                || names(source(root, service, sources), metric)) {
                            owing.add("deployment/" + deployment);
                        }
                    });
            if (owing.isEmpty()) {
                lines.add(metric + ": not seen (job-only)");
            } else {
                lines.add(metric + ": NOT SEEN, expected from " + String.join(", ", owing));
                failures.add(
                        "metric "
                                + metric
                                + " (referenced by deploy/monitoring) not exposed by "
                                + String.join(", ", owing));
            }
        }
        return new MetricCheck(List.copyOf(lines), List.copyOf(failures));
    }

    /** Each rehearsed Deployment's {@link ChildPod} against the referenced service metrics. */
    static MetricCheck of(
            Path root, Map<String, ChildPod> running, Map<String, Set<String>> exposed) {
        Map<String, String> services = new LinkedHashMap<>();
        running.forEach((name, pod) -> services.put(name, pod.service()));
        return of(
                root,
                ReferencedMetrics.read(root).getOrDefault("service", Set.of()),
                exposed,
                services);
    }

    /**
     * Each Deployment's {@code /metrics}: the row's words ({@code /metrics N series} or {@code no
     * /metrics}), and its metric names into {@code exposed} as {@code deployment/<name>}.
     */
    static Map<String, String> scrape(
            Map<String, ChildPod> running, Map<String, Set<String>> exposed) {
        Map<String, String> metrics = new LinkedHashMap<>();
        running.forEach(
                (name, pod) -> {
                    String text = pod.process().isAlive() ? pod.metrics() : null;
                    long series =
                            text == null
                                    ? -1
                                    : text.lines()
                                            .filter(l -> !l.startsWith("#") && !l.isBlank())
                                            .count();
                    exposed.put("deployment/" + name, ReferencedMetrics.exposed(text));
                    metrics.put(
                            name, series < 0 ? "no /metrics" : "/metrics " + series + " series");
                });
        return metrics;
    }

    /** Whether {@code code} names the metric or, for a timer's part, its base name. */
    static boolean names(String code, String metric) {
        if (code.contains("\"" + metric + "\"")) {
            return true;
        }
        for (String part : TIMER_PARTS) {
            if (metric.endsWith(part)) {
                String base = metric.substring(0, metric.length() - part.length());
                return code.contains("\"" + base + "\"")
                        || (base.endsWith("_seconds")
                                && code.contains(
                                        "\"" + base.substring(0, base.length() - 8) + "\""));
            }
        }
        return false;
    }

    /** The service's own main Java source, concatenated (cached per service). */
    private static String source(Path root, String service, Map<String, String> cache) {
        return cache.computeIfAbsent(
                service,
                s -> {
                    Path dir = root.resolve("services").resolve(s).resolve("src/main/java");
                    if (!Files.isDirectory(dir)) {
                        return "";
                    }
                    StringBuilder all = new StringBuilder();
                    try (Stream<Path> files = Files.walk(dir)) {
                        for (Path f :
                                (Iterable<Path>)
                                        files.filter(p -> p.toString().endsWith(".java"))
                                                ::iterator) {
                            all.append(Files.readString(f)).append('\n');
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read " + dir, e);
                    }
                    return all.toString();
                });
    }

    /** The summary line. */
    String line() {
        long seen = lines.stream().filter(l -> l.contains(": seen (")).count();
        return String.format(
                "metrics: %d of %d referenced service metrics seen, %d job-only not seen, %d missing",
                seen,
                lines.size(),
                lines.stream().filter(l -> l.endsWith("not seen (job-only)")).count(),
                failures.size());
    }
}
