package io.streamforge.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** promtool on the PrometheusRule, dashboards as JSON, metric references, Alertmanager routing. */
class MonitoringTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String HOMELAB = "values-homelab.yaml";

    @TempDir Path tmp;

    @Test
    void promtoolAcceptsTheRenderedRuleGroups() throws IOException {
        Tools.require("promtool");
        Path rules = extractRules();
        Tools.Result r = Tools.run(tmp, "promtool", "check", "rules", rules.toString());
        assertThat(r.exitCode()).as(r.all()).isZero();
        int count = 0;
        for (JsonNode g : YAML.readTree(rules.toFile()).path("groups")) {
            count += g.path("rules").size();
        }
        assertThat(r.all()).contains("SUCCESS: " + count + " rules found");
    }

    @Test
    void promtoolRejectsABrokenRule() throws IOException {
        Tools.require("promtool");
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(
                bad,
                "groups:\n  - name: x\n    rules:\n      - alert: Broken\n        expr: sum(rate(foo[5m]) >\n");
        Tools.Result r = Tools.run(tmp, "promtool", "check", "rules", bad.toString());
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.all()).contains("FAILED");
    }

    @Test
    void rulesCoverEveryAlertTheIssueAsksFor() throws IOException {
        String exprs = String.join("\n", ruleExprs());
        assertThat(exprs)
                .contains("kafka_consumer_fetch_manager_records_lag_max")
                .contains("streamforge_telemetry_events_total{status=\"error\"}")
                .contains("code=\"429\"", "code=\"418\"")
                .contains("streamforge_coverage_gaps_total")
                .contains("kube_job_status_failed")
                .contains("kube_pod_container_status_restarts_total");
    }

    @Test
    void dashboardsAreValidJsonAndShippedInConfigMaps() throws IOException {
        List<Path> files = dashboardFiles();
        assertThat(files).hasSizeGreaterThanOrEqualTo(2);
        List<ConfigMap> cms =
                Chart.ofType(Chart.objects(HOMELAB), ConfigMap.class).stream()
                        .filter(
                                c ->
                                        "1"
                                                .equals(
                                                        c.getMetadata()
                                                                .getLabels()
                                                                .get("grafana_dashboard")))
                        .toList();
        assertThat(cms).hasSameSizeAs(files);
        Set<String> uids = new TreeSet<>();
        for (ConfigMap cm : cms) {
            for (String json : cm.getData().values()) {
                JsonNode d = JSON.readTree(json);
                assertThat(d.path("title").asText()).isNotBlank();
                assertThat(uids.add(d.path("uid").asText())).as("unique uid").isTrue();
                assertThat(d.path("panels").size()).isPositive();
                for (JsonNode p : d.path("panels")) {
                    assertThat(p.path("targets").size()).as(p.path("title").asText()).isPositive();
                }
            }
        }
    }

    @Test
    void everyReferencedMetricIsListedAndEveryListedMetricIsUsed() throws IOException {
        Set<String> used = new TreeSet<>();
        for (String e : ruleExprs()) {
            used.addAll(PromQl.metricNames(e));
        }
        for (Path f : dashboardFiles()) {
            for (JsonNode expr : JSON.readTree(f.toFile()).findValues("expr")) {
                used.addAll(PromQl.metricNames(expr.asText()));
            }
        }
        Set<String> listed = ReferencedMetrics.all();
        assertThat(listed).as("deploy/monitoring/referenced-metrics.txt").containsAll(used);
        assertThat(used).as("listed but referenced nowhere").containsAll(listed);
        assertThat(ReferencedMetrics.service())
                .allMatch(m -> m.matches("(streamforge|kafka|jvm)_[a-z0-9_]+"));
    }

    @Test
    void metricNameExtractionIgnoresFunctionsLabelsAndGrouping() {
        assertThat(
                        PromQl.metricNames(
                                "sum by (queue_id) (rate(a_total{status=\"x\",q=~\"b_c\"}[5m])) / max(b_max) > 3"))
                .containsExactlyInAnyOrder("a_total", "b_max");
    }

    @Test
    void alertmanagerRoutesToTelegramAndThenEmail() {
        var am =
                (GenericKubernetesResource)
                        Chart.ofKind(Chart.objects(HOMELAB), "AlertmanagerConfig").get(0);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> receivers =
                (List<Map<String, Object>>) am.get("spec", "receivers");
        Map<String, Map<String, Object>> byName =
                receivers.stream().collect(Collectors.toMap(r -> r.get("name").toString(), r -> r));
        assertThat(byName).containsKeys("telegram", "email");
        assertThat(byName.get("telegram").get("telegramConfigs").toString())
                .contains(
                        "botToken={name=streamforge-alerting, key=telegram-bot-token}",
                        "chatID=-1001234567890");
        assertThat(byName.get("email").get("emailConfigs").toString())
                .contains("smarthost=mail-relay.dmz.home:25");
        assertThat(am.get("spec", "route", "receiver").toString()).isEqualTo("telegram");
        assertThat(am.get("spec", "route", "routes").toString())
                .contains("receiver=email", "continue=true");
    }

    private Path extractRules() throws IOException {
        HasMetadata rule = Chart.ofKind(Chart.objects(HOMELAB), "PrometheusRule").get(0);
        Object spec = ((GenericKubernetesResource) rule).getAdditionalProperties().get("spec");
        Path out = tmp.resolve("rules.yaml");
        YAML.writeValue(out.toFile(), spec);
        return out;
    }

    private List<String> ruleExprs() throws IOException {
        List<String> exprs = new ArrayList<>();
        for (JsonNode g : YAML.readTree(extractRules().toFile()).path("groups")) {
            for (JsonNode r : g.path("rules")) {
                exprs.add(r.path("expr").asText());
            }
        }
        return exprs;
    }

    private static List<Path> dashboardFiles() throws IOException {
        try (Stream<Path> s = Files.list(Chart.dir().resolve("files/dashboards"))) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }
}
