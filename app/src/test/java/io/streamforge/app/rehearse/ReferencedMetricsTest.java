package io.streamforge.app.rehearse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The metrics check's parts: the referenced list, a scrape's names, and which Deployment owes what.
 */
class ReferencedMetricsTest {
    private static final Path ROOT = Path.of("..");

    @Test
    void theRepositoryListHasAServiceAndAPlatformSection() {
        Map<String, Set<String>> sections = ReferencedMetrics.read(ROOT);
        assertThat(sections.keySet()).containsExactly("service", "platform");
        assertThat(sections.get("service"))
                .contains("streamforge_connector_records_written_total", "jvm_memory_used_bytes");
        assertThat(sections.get("platform")).contains("kube_job_status_failed");
    }

    @Test
    void aBadListIsRefusedWithTheLine() {
        assertThatThrownBy(() -> ReferencedMetrics.parse("up\n[service]\n"))
                .hasMessageContaining("metric before any [section]: up");
        assertThatThrownBy(() -> ReferencedMetrics.parse("[service]\nnot a name\n"))
                .hasMessageContaining("not a metric name: not a name");
    }

    @Test
    void aScrapesNamesAreTheSeriesNamesWithoutLabels() {
        String scrape =
                """
                # HELP jvm_threads_live_threads The current number of live threads
                # TYPE jvm_threads_live_threads gauge
                jvm_threads_live_threads 25.0
                jvm_memory_used_bytes{area="heap",id="G1 Eden Space"} 1.2E7
                streamforge_connector_batch_seconds_count{topic="x"} 3

                """;
        assertThat(ReferencedMetrics.exposed(scrape))
                .containsExactly(
                        "jvm_memory_used_bytes",
                        "jvm_threads_live_threads",
                        "streamforge_connector_batch_seconds_count");
        assertThat(ReferencedMetrics.exposed(null)).isEmpty();
    }

    @Test
    void anUnseenMetricADeploymentsOwnCodeNamesFailsAndAJobOnlyOneIsListed() {
        MetricCheck m =
                MetricCheck.of(
                        ROOT,
                        new java.util.TreeSet<>(
                                Set.of(
                                        "jvm_threads_live_threads",
                                        "streamforge_connector_batch_seconds_count",
                                        "streamforge_connector_dlq_total",
                                        "streamforge_no_such_total")),
                        Map.of(
                                "deployment/sf-connector-live",
                                Set.of("streamforge_connector_dlq_total"),
                                "job/x",
                                Set.of("jvm_threads_live_threads")),
                        Map.of("sf-connector-live", "arango-connector"));
        assertThat(m.lines())
                .containsExactly(
                        "jvm_threads_live_threads: seen (job/x)",
                        "streamforge_connector_batch_seconds_count: NOT SEEN, expected from"
                                + " deployment/sf-connector-live",
                        "streamforge_connector_dlq_total: seen (deployment/sf-connector-live)",
                        "streamforge_no_such_total: not seen (job-only)");
        assertThat(m.failures())
                .containsExactly(
                        "metric streamforge_connector_batch_seconds_count (referenced by"
                                + " deploy/monitoring) not exposed by deployment/sf-connector-live");
        assertThat(List.of(m.line()))
                .containsExactly(
                        "metrics: 2 of 4 referenced service metrics seen, 1 job-only not seen, 1"
                                + " missing");
    }
}
