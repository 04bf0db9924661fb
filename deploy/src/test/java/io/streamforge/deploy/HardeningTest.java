package io.streamforge.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PodDisruptionBudgets, images pinned by digest, and no Kafka credentials for the visualizer. */
class HardeningTest {
    private static final String HOMELAB = "values-homelab.yaml";
    private static final String DIGEST =
            "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    @Test
    void everyDeploymentHasAPdbSelectingExactlyItsPodsThatNeverBlocksADrain() {
        List<HasMetadata> objects = Chart.objects(HOMELAB);
        List<PodDisruptionBudget> pdbs = Chart.ofType(objects, PodDisruptionBudget.class);
        List<Deployment> deployments = Chart.ofType(objects, Deployment.class);
        assertThat(deployments)
                .extracting(d -> d.getMetadata().getName())
                .contains("sf-queue-manager");
        for (Deployment d : deployments) {
            Map<String, String> podLabels = d.getSpec().getTemplate().getMetadata().getLabels();
            List<PodDisruptionBudget> matching =
                    pdbs.stream()
                            .filter(
                                    p ->
                                            podLabels
                                                    .entrySet()
                                                    .containsAll(
                                                            p.getSpec()
                                                                    .getSelector()
                                                                    .getMatchLabels()
                                                                    .entrySet()))
                            .toList();
            assertThat(matching).as(d.getMetadata().getName()).hasSize(1);
            assertThat(matching.get(0).getSpec().getMaxUnavailable().getIntVal())
                    .as("a single replica can still be moved by a drain")
                    .isGreaterThanOrEqualTo(1);
        }
        assertThat(pdbs).hasSameSizeAs(deployments);
    }

    @Test
    void anImageDigestPinsDeploymentsAndWorkerJobs() {
        String rendered =
                Chart.template()
                        .withValuesFile(Chart.dir().resolve(HOMELAB))
                        .set("services.queue-manager.image.digest", DIGEST)
                        .set("services.loader-api-candles.image.digest", DIGEST)
                        .call();
        List<HasMetadata> objects =
                Chart.documents(rendered).stream()
                        .map(doc -> (HasMetadata) Serialization.unmarshal(doc))
                        .toList();
        Container qm =
                OrchestrationTest.deployment(objects, "sf-queue-manager")
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0);
        assertThat(qm.getImage())
                .isEqualTo(
                        "registry.dmz.home/streamforge/streamforge/queue-manager:0.1.0@" + DIGEST);
        assertThat(qm.getEnv())
                .filteredOn(e -> e.getName().equals("WORKER_IMAGE_LOADER_API_CANDLES"))
                .extracting(EnvVar::getValue)
                .singleElement()
                .asString()
                .endsWith(":0.1.0@" + DIGEST);
        assertThat(
                        Workloads.jobTemplates(objects)
                                .get("loader-api-candles")
                                .getSpec()
                                .getTemplate()
                                .getSpec()
                                .getContainers()
                                .get(0)
                                .getImage())
                .endsWith("@" + DIGEST);
        assertThat(
                        Workloads.jobTemplates(objects)
                                .get("loader-api-trades")
                                .getSpec()
                                .getTemplate()
                                .getSpec()
                                .getContainers()
                                .get(0)
                                .getImage())
                .doesNotContain("@");
    }

    @Test
    void aMalformedDigestFailsNamingTheField() {
        assertThatThrownBy(
                        () ->
                                Chart.template()
                                        .set("services.visualizer.image.digest", "latest")
                                        .call())
                .hasMessageContaining("services.visualizer.image.digest must be sha256:");
    }

    @Test
    void theVisualizerGetsNoKafkaCredentialsBecauseItsCodeUsesNoKafka() throws Exception {
        try (var sources = Files.walk(Tools.repoRoot().resolve("services/visualizer/src/main"))) {
            assertThat(
                            sources.filter(Files::isRegularFile)
                                    .map(HardeningTest::read)
                                    .filter(
                                            t ->
                                                    t.contains("KAFKA_")
                                                            || t.contains("org.apache.kafka"))
                                    .toList())
                    .as("visualizer code reading Kafka")
                    .isEmpty();
        }
        List<HasMetadata> objects = Chart.objects(HOMELAB);
        Deployment ui = OrchestrationTest.deployment(objects, "sf-visualizer");
        assertThat(ui.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
                .extracting(EnvVar::getName)
                .noneMatch(n -> n.startsWith("KAFKA_"));
        assertThat(Chart.render(HOMELAB))
                .doesNotContain("streamforge-visualizer\n  namespace: kafka");
        assertThat(Chart.ofKind(objects, "KafkaUser"))
                .extracting(u -> u.getMetadata().getName())
                .doesNotContain("streamforge-visualizer");
        assertThat(Chart.ofKind(objects, "SecretProviderClass"))
                .filteredOn(s -> s.getMetadata().getName().equals("sf-visualizer"))
                .singleElement()
                .satisfies(
                        s ->
                                assertThat(Serialization.asYaml(s))
                                        .doesNotContain("kafka-password", "kafka-ca.crt"));
        for (Volume v : ui.getSpec().getTemplate().getSpec().getVolumes()) {
            assertThat(Serialization.asYaml(v)).doesNotContain("kafka-password");
        }
    }

    private static String read(java.nio.file.Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
