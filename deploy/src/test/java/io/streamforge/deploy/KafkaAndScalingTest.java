package io.streamforge.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Strimzi KafkaTopic/KafkaUser (least privilege), KEDA ScaledObject bounds, kafka-ui values. */
class KafkaAndScalingTest {
    private static final String HOMELAB = "values-homelab.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void fixedTopicsExistWithPartitionsAndRetention() {
        List<HasMetadata> topics = Chart.ofKind(Chart.objects(HOMELAB), "KafkaTopic");
        assertThat(topics)
                .extracting(t -> t.getMetadata().getName())
                .contains("queue-control", "queue-events") // + the live topics (LiveTopologyTest)
                .allMatch(n -> n.startsWith("queue-") || n.startsWith("live-"));
        for (HasMetadata t : topics) {
            var g = (GenericKubernetesResource) t;
            assertThat(t.getMetadata().getNamespace()).isEqualTo("kafka");
            assertThat(t.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "k3");
            assertThat(((Number) g.get("spec", "partitions")).intValue()).isPositive();
            assertThat(Long.parseLong(g.get("spec", "config", "retention.ms").toString()))
                    .isPositive();
        }
    }

    @Test
    void everyServiceHasAScramUserWithLeastPrivilegeAcls() {
        List<HasMetadata> users = Chart.ofKind(Chart.objects(HOMELAB), "KafkaUser");
        Set<String> names =
                users.stream().map(u -> u.getMetadata().getName()).collect(Collectors.toSet());
        for (String svc : ServiceLayoutTest.SERVICES) {
            if (svc.equals("visualizer")) { // reads queues over the queue-manager's HTTP API
                assertThat(names).doesNotContain("streamforge-" + svc);
                continue;
            }
            assertThat(names).contains("streamforge-" + svc);
        }
        for (HasMetadata u : users) {
            var g = (GenericKubernetesResource) u;
            String user = u.getMetadata().getName();
            assertThat(g.get("spec", "authentication", "type").toString())
                    .isEqualTo("scram-sha-512");
            for (Map<String, Object> acl : acls(g)) {
                @SuppressWarnings("unchecked")
                Map<String, Object> res = (Map<String, Object>) acl.get("resource");
                @SuppressWarnings("unchecked")
                List<String> ops = (List<String>) acl.get("operations");
                assertThat(ops).as(user).doesNotContain("All", "Alter", "AlterConfigs");
                boolean wildcard = "*".equals(res.get("name"));
                if (wildcard) {
                    assertThat(user).isEqualTo("streamforge-kafka-ui");
                    assertThat(ops).isSubsetOf("Describe", "DescribeConfigs", "Read");
                }
                if (ops.contains("Delete")) {
                    assertThat(user)
                            .as("only the queue-manager deletes topics")
                            .isEqualTo("streamforge-queue-manager");
                }
                if (ops.contains("Create") || ops.contains("Delete")) {
                    assertThat(user)
                            .as("the queue-manager creates data topics, loader-ws its .depth topic")
                            .isIn("streamforge-queue-manager", "streamforge-loader-ws");
                    assertThat(res)
                            .containsEntry("name", "loader-")
                            .containsEntry("patternType", "prefix");
                }
                if ("queue-control".equals(res.get("name")) && ops.contains("Write")) {
                    assertThat(user).isEqualTo("streamforge-queue-manager");
                }
                if ("group".equals(res.get("type")) && !wildcard) {
                    assertThat(res.get("name").toString()).startsWith("streamforge-");
                }
            }
        }
        assertThat(acls((GenericKubernetesResource) user(users, "streamforge-loader-api-candles")))
                .anyMatch(
                        a ->
                                a.toString().contains("name=loader-")
                                        && a.toString().contains("Write"))
                .noneMatch(
                        a ->
                                a.toString().contains("name=loader-")
                                        && a.toString().contains("Read"));
    }

    @Test
    void kedaScalesConnectorsOnLagWithinThePartitionCount() {
        List<HasMetadata> objects = Chart.objects(HOMELAB);
        List<HasMetadata> scaled = Chart.ofKind(objects, "ScaledObject");
        assertThat(scaled).hasSize(1);
        var so = (GenericKubernetesResource) scaled.get(0);
        String target = so.get("spec", "scaleTargetRef", "name").toString();
        Deployment d = OrchestrationTest.deployment(objects, target);
        assertThat(d.getSpec().getReplicas()).as("KEDA owns replicas").isNull();
        assertThat(((Number) so.get("spec", "maxReplicaCount")).intValue()).isLessThanOrEqualTo(6);
        @SuppressWarnings("unchecked")
        Map<String, Object> trigger =
                (Map<String, Object>) ((List<?>) so.get("spec", "triggers")).get(0);
        assertThat(trigger).containsEntry("type", "kafka");
        @SuppressWarnings("unchecked")
        Map<String, Object> meta = (Map<String, Object>) trigger.get("metadata");
        assertThat(meta.get("consumerGroup").toString()).startsWith("streamforge-connector-");
        // KEDA watches the group and topics the live connector really uses (GROUP_ID, KAFKA_TOPICS)
        Map<String, String> env = new java.util.HashMap<>();
        d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                .filter(e -> e.getValue() != null)
                .forEach(e -> env.put(e.getName(), e.getValue()));
        assertThat(env)
                .containsEntry("GROUP_ID", meta.get("consumerGroup").toString())
                .containsEntry("CONNECTOR_MODE", "live")
                .doesNotContainKey("EXPECTED_PRODUCERS");
        assertThat(env.get("KAFKA_TOPICS").split(",")).contains(meta.get("topic").toString());
        assertThat(meta)
                .containsEntry("offsetResetPolicy", "earliest")
                .containsEntry("topic", "live.aggTrade");
        String authName = ((Map<?, ?>) trigger.get("authenticationRef")).get("name").toString();
        var auth =
                (GenericKubernetesResource) Chart.ofKind(objects, "TriggerAuthentication").get(0);
        assertThat(auth.getMetadata().getName()).isEqualTo(authName);
        assertThat(auth.get("spec", "hashiCorpVault", "authentication").toString())
                .isEqualTo("kubernetes");
        assertThat(auth.get("spec", "hashiCorpVault", "secrets").toString())
                .contains("parameter=sasl", "parameter=password");
    }

    @Test
    void partitionsCapTheReplicaCount() {
        String rendered =
                Chart.template()
                        .withValuesFile(Chart.dir().resolve(HOMELAB))
                        .set("live.partitions", "2")
                        .set("keda.maxReplicaCount", "10")
                        .call();
        assertThat(rendered).contains("maxReplicaCount: 2").doesNotContain("maxReplicaCount: 10");
    }

    @Test
    void defaultValuesRenderNoClusterSpecificObjects() {
        Set<String> kinds =
                Chart.objects(null).stream().map(HasMetadata::getKind).collect(Collectors.toSet());
        assertThat(kinds)
                .doesNotContain(
                        "KafkaTopic",
                        "KafkaUser",
                        "ScaledObject",
                        "SecretProviderClass",
                        "HTTPRoute");
    }

    @Test
    void kafkaUiUsesSaslSslScramWithoutLiteralSecrets() throws IOException {
        JsonNode values =
                YAML.readTree(Tools.deployDir().resolve("kafka/kafka-ui-values.yaml").toFile());
        JsonNode cluster = values.at("/yamlApplicationConfig/kafka/clusters/0");
        assertThat(cluster.path("bootstrapServers").asText())
                .isEqualTo("k3-kafka-bootstrap.kafka:9093");
        JsonNode props = cluster.path("properties");
        assertThat(props.path("security.protocol").asText()).isEqualTo("SASL_SSL");
        assertThat(props.path("sasl.mechanism").asText()).isEqualTo("SCRAM-SHA-512");
        assertThat(props.path("sasl.jaas.config").asText())
                .contains(
                        "ScramLoginModule",
                        "username=\"streamforge-kafka-ui\"",
                        "password=\"${KAFKA_UI_SASL_PASSWORD}\"");
        for (JsonNode env : values.path("env")) {
            assertThat(env.has("value")).as(env.toString()).isFalse();
            assertThat(env.at("/valueFrom/secretKeyRef/name").asText()).isNotBlank();
        }
        String extra = Tools.read(Tools.deployDir().resolve("kafka/kafka-ui-extra.yaml"));
        for (String doc : Chart.documents(extra)) {
            Object o = io.fabric8.kubernetes.client.utils.Serialization.unmarshal(doc);
            assertThat(o).isInstanceOf(HasMetadata.class);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> acls(GenericKubernetesResource user) {
        return new ArrayList<>(
                (List<Map<String, Object>>) user.get("spec", "authorization", "acls"));
    }

    private static HasMetadata user(List<HasMetadata> users, String name) {
        return users.stream()
                .filter(u -> u.getMetadata().getName().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
