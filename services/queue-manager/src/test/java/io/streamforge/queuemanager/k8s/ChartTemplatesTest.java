package io.streamforge.queuemanager.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.marcnuri.helm.Helm;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.streamforge.domain.PermanentException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads the worker Job templates exactly as the Helm chart renders them (real Helm via helm-java,
 * values-homelab.yaml) from a temp dir, and launches them against the fabric8 mock API server (no
 * Kubernetes API server here). Skips when deploy/helm/streamforge is not next to this module.
 */
@EnableKubernetesMockClient(crud = true)
class ChartTemplatesTest {
    private static final Path CHART = Path.of("../../deploy/helm/streamforge");
    private static final Pattern DOC_SPLIT = Pattern.compile("(?m)^---\\s*$");
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    @TempDir static Path templates;
    static Map<String, String> files;
    KubernetesClient client;

    @BeforeAll
    static void render() throws IOException {
        assumeThat(Files.isDirectory(CHART)).as("chart folder " + CHART).isTrue();
        String rendered =
                new Helm(CHART)
                        .template()
                        .withName("sf")
                        .withNamespace("streamforge")
                        .withKubeVersion("1.30.0")
                        .withValuesFile(CHART.resolve("values-homelab.yaml"))
                        // off by default (no CUDA natives on Maven Central); on here, so the test
                        // shows the launcher keeps a GPU request the template carries
                        .set("services.gnn-trainer.gpu.enabled", "true")
                        .call();
        ConfigMap cm = null;
        for (String doc : DOC_SPLIT.split(rendered)) {
            if (doc.contains("name: sf-worker-templates") && doc.contains("kind: ConfigMap")) {
                Object o = SERIALIZATION.unmarshal(doc);
                if (o instanceof ConfigMap c
                        && !(o instanceof HasMetadata h && h.getMetadata() == null)) {
                    cm = c;
                }
            }
        }
        assertThat(cm).as("ConfigMap sf-worker-templates in the rendering").isNotNull();
        files = cm.getData();
        for (var e : files.entrySet()) {
            Files.writeString(templates.resolve(e.getKey()), e.getValue());
        }
    }

    private KubernetesJobLauncher launcher() {
        return new KubernetesJobLauncher(
                client,
                new KubernetesLauncherSettings(
                        "streamforge", templates, null, Map.of(), null, null, 30_000));
    }

    @Test
    void everyJobServiceOfTheChartHasATemplate() {
        assertThat(files.keySet())
                .contains(
                        "loader-api-candles.yaml",
                        "loader-api-trades.yaml",
                        "loader-ws.yaml",
                        "arango-connector.yaml",
                        "graph-builder.yaml",
                        "gnn-trainer.yaml",
                        "dummy-service.yaml");
    }

    @Test
    void gnnTrainerKeepsGpuSecretsVolumesAndChartSettings() {
        try (KubernetesJobLauncher launcher = launcher()) {
            launcher.launch(
                    Jobs.spec(
                            "q-gnn",
                            "gnn-trainer",
                            "q-gnn-gnn-trainer",
                            Map.of("SYMBOLS", "BTCUSDT")));
        }
        Job job =
                client.batch()
                        .v1()
                        .jobs()
                        .inNamespace("streamforge")
                        .withName("q-gnn-gnn-trainer")
                        .get();
        var pod = job.getSpec().getTemplate().getSpec();
        var c = Jobs.container(job);

        assertThat(c.getResources().getLimits()).containsEntry("nvidia.com/gpu", new Quantity("1"));
        assertThat(pod.getRuntimeClassName()).isEqualTo("nvidia");
        assertThat(pod.getNodeSelector()).containsEntry("nvidia.com/gpu.present", "true");
        assertThat(pod.getServiceAccountName()).isEqualTo("sf-worker");
        assertThat(pod.getRestartPolicy()).isEqualTo("Never");
        assertThat(c.getImage()).startsWith("registry.dmz.home/").contains("gnn-trainer:");
        assertThat(pod.getVolumes()).anyMatch(v -> v.getCsi() != null);
        assertThat(c.getVolumeMounts()).anyMatch(m -> m.getMountPath().equals("/tmp"));
        assertThat(Jobs.env(job))
                .containsEntry("SYMBOLS", "BTCUSDT")
                .containsEntry("QUEUE_ID", "q-gnn")
                .containsKeys(
                        "KAFKA_BOOTSTRAP_SERVERS", "KAFKA_SASL_PASSWORD_FILE", "S3_SECRET_KEY_FILE")
                .doesNotContainKeys("KAFKA_SASL_PASSWORD", "S3_SECRET_KEY");
        assertThat(job.getSpec().getBackoffLimit()).isEqualTo(2);
        assertThat(job.getSpec().getTtlSecondsAfterFinished()).isEqualTo(86_400);
        assertThat(job.getMetadata().getLabels())
                .containsEntry("app.kubernetes.io/instance", "q-gnn-gnn-trainer")
                .containsEntry("app.kubernetes.io/managed-by", "queue-manager")
                .containsEntry("streamforge.io/queue-id", "q-gnn")
                .containsEntry("streamforge.io/component", "worker");
        assertThat(job.getSpec().getTemplate().getMetadata().getLabels())
                .as("pods stay selectable by the chart's NetworkPolicy and PodMonitor")
                .containsEntry("app.kubernetes.io/instance", "sf")
                .containsEntry("app.kubernetes.io/part-of", "streamforge")
                .containsEntry("streamforge.io/component", "worker");
    }

    @Test
    void loaderWithoutGpuAndWorkerImageVariableWins() {
        KubernetesJobLauncher launcher =
                new KubernetesJobLauncher(
                        client,
                        new KubernetesLauncherSettings(
                                "streamforge",
                                templates,
                                null,
                                Map.of("loader-api-candles", "reg/override:9"),
                                null,
                                null,
                                30_000));
        Job job =
                launcher.manifest(
                        Jobs.spec("q", "loader-api-candles", "q-loader-api-candles", Map.of()));
        launcher.close();

        assertThat(Jobs.container(job).getResources().getLimits())
                .doesNotContainKey("nvidia.com/gpu");
        assertThat(Jobs.container(job).getImage()).isEqualTo("reg/override:9");
        assertThat(Jobs.env(job)).containsKey("BINANCE_BASE_URL");
    }

    @Test
    void targetWithoutTemplateFallsBackToTheBuiltIn() {
        try (KubernetesJobLauncher launcher = launcher()) {
            Job job =
                    launcher.manifest(
                            new io.streamforge.domain.queue.JobSpec(
                                    "q", "t", "visualizer", "q-vis", "img:1", Map.of()));
            assertThat(Jobs.container(job).getName()).isEqualTo("visualizer");
            assertThat(job.getSpec().getBackoffLimit()).isZero();
        }
    }

    @Test
    void brokenTemplateFailsNamingTheFile(@TempDir Path dir) throws IOException {
        Files.writeString(
                dir.resolve("dummy-service.yaml"),
                "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n");
        Files.writeString(
                dir.resolve("graph-builder.yaml"),
                "kind: Job\napiVersion: batch/v1\nspec: {template: {spec: {containers: []}}}\n");
        JobTemplates t = new JobTemplates(dir, SERIALIZATION);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> t.forTarget("dummy-service"))
                .isInstanceOf(PermanentException.class)
                .hasMessageContaining("dummy-service.yaml")
                .hasMessageContaining("expected kind Job");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> t.forTarget("graph-builder"))
                .isInstanceOf(PermanentException.class)
                .hasMessageContaining("containers is empty");
        assertThat(
                        List.of(
                                t.forTarget("loader-ws")
                                        .getSpec()
                                        .getTemplate()
                                        .getSpec()
                                        .getContainers()
                                        .get(0)
                                        .getName()))
                .containsExactly("loader-ws");
    }
}
