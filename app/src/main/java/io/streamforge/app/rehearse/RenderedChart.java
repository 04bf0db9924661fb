package io.streamforge.app.rehearse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.kafka.common.acl.AclBinding;

/**
 * The chart exactly as Helm renders it (helm-java: the real Helm engine, release {@code sf} in
 * namespace {@code streamforge}), parsed with fabric8: the Deployments, the worker Job templates,
 * the Strimzi {@code KafkaUser}s and {@code KafkaTopic}s, the KEDA {@code ScaledObject}s.
 */
public final class RenderedChart {
    public static final String RELEASE = "sf";
    public static final String NAMESPACE = "streamforge";
    private static final Pattern DOC_SPLIT = Pattern.compile("(?m)^---\\s*$");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A KEDA ScaledObject: the Deployment it scales, its bounds, its timing and its Kafka triggers.
     */
    public record ScaledObject(
            String name,
            String deployment,
            int min,
            int max,
            int pollingIntervalS,
            int cooldownS,
            List<KafkaTrigger> triggers) {
        public ScaledObject {
            triggers = List.copyOf(triggers);
        }
    }

    /**
     * A KEDA {@code kafka} trigger: one topic of one consumer group, its thresholds and policies.
     */
    public record KafkaTrigger(
            String topic,
            String consumerGroup,
            long lagThreshold,
            long activationLagThreshold,
            boolean offsetResetEarliest,
            boolean allowIdleConsumers) {}

    private final List<HasMetadata> objects;
    private final String values;

    private RenderedChart(List<HasMetadata> objects, String values) {
        this.objects = List.copyOf(objects);
        this.values = values;
    }

    /**
     * Renders {@code chartDir} with {@code valuesFile} over the defaults (null: defaults only).
     *
     * @throws IllegalArgumentException when the chart or the values file does not exist
     */
    public static RenderedChart render(Path chartDir, Path valuesFile) {
        if (!Files.isRegularFile(chartDir.resolve("Chart.yaml"))) {
            throw new IllegalArgumentException("no Helm chart at " + chartDir);
        }
        if (valuesFile != null && !Files.isRegularFile(valuesFile)) {
            throw new IllegalArgumentException("values file not found: " + valuesFile);
        }
        List<HasMetadata> out = new ArrayList<>();
        for (String doc : DOC_SPLIT.split(HelmTemplate.render(chartDir, valuesFile))) {
            if (doc.lines().allMatch(l -> l.isBlank() || l.stripLeading().startsWith("#"))) {
                continue;
            }
            if (Serialization.unmarshal(doc) instanceof HasMetadata hm) {
                out.add(hm);
            }
        }
        return new RenderedChart(
                out, valuesFile == null ? "chart defaults" : valuesFile.getFileName().toString());
    }

    /** Which values were rendered, for people. */
    public String values() {
        return values;
    }

    public List<Deployment> deployments() {
        return ofType(Deployment.class);
    }

    /** The queue-manager's Job templates: file name → YAML (the ConfigMap it mounts). */
    public Map<String, String> workerTemplates() {
        return ofType(ConfigMap.class).stream()
                .filter(c -> c.getMetadata().getName().endsWith("-worker-templates"))
                .findFirst()
                .map(c -> (Map<String, String>) new TreeMap<>(c.getData()))
                .orElse(Map.of());
    }

    /** The ConfigMap named {@code name}'s data, or null. */
    public Map<String, String> configMap(String name) {
        return ofType(ConfigMap.class).stream()
                .filter(c -> c.getMetadata().getName().equals(name))
                .findFirst()
                .map(ConfigMap::getData)
                .orElse(null);
    }

    /** KafkaUser name → its ACLs as Strimzi's User Operator applies them. */
    public Map<String, List<AclBinding>> kafkaUsers() {
        Map<String, List<AclBinding>> users = new LinkedHashMap<>();
        for (JsonNode n : generic("KafkaUser")) {
            String user = n.path("metadata").path("name").asText();
            List<AclBinding> acls = new ArrayList<>();
            for (JsonNode acl : n.path("spec").path("authorization").path("acls")) {
                acls.addAll(KafkaUserAcls.bindings(user, acl));
            }
            users.put(user, acls);
        }
        return users;
    }

    /** KafkaTopic topic name → partitions. */
    public Map<String, Integer> kafkaTopics() {
        Map<String, Integer> topics = new TreeMap<>();
        for (JsonNode n : generic("KafkaTopic")) {
            topics.put(
                    n.path("spec")
                            .path("topicName")
                            .asText(n.path("metadata").path("name").asText()),
                    n.path("spec").path("partitions").asInt(1));
        }
        return topics;
    }

    public List<ScaledObject> scaledObjects() {
        List<ScaledObject> out = new ArrayList<>();
        for (JsonNode n : generic("ScaledObject")) {
            JsonNode spec = n.path("spec");
            List<KafkaTrigger> triggers = new ArrayList<>();
            for (JsonNode t : spec.path("triggers")) {
                if (t.path("type").asText().equals("kafka")) {
                    triggers.add(kafkaTrigger(t.path("metadata")));
                }
            }
            // KEDA's defaults: pollingInterval 30 s, cooldownPeriod 300 s, min 0, max 100
            out.add(
                    new ScaledObject(
                            n.path("metadata").path("name").asText(),
                            spec.path("scaleTargetRef").path("name").asText(),
                            spec.path("minReplicaCount").asInt(0),
                            spec.path("maxReplicaCount").asInt(100),
                            spec.path("pollingInterval").asInt(30),
                            spec.path("cooldownPeriod").asInt(300),
                            triggers));
        }
        return out;
    }

    /** KEDA's kafka scaler metadata, with its documented defaults (lagThreshold 10, …). */
    private static KafkaTrigger kafkaTrigger(JsonNode m) {
        return new KafkaTrigger(
                m.path("topic").asText(),
                m.path("consumerGroup").asText(),
                Long.parseLong(m.path("lagThreshold").asText("10")),
                Long.parseLong(m.path("activationLagThreshold").asText("0")),
                !m.path("offsetResetPolicy").asText("latest").equals("latest"),
                m.path("allowIdleConsumers").asText("false").equals("true"));
    }

    /** SecretProviderClass name → the object (file) names it mounts. */
    public Map<String, List<String>> secretProviderObjects() {
        Pattern objectName = Pattern.compile("objectName:\\s*\"?([^\"\\s]+)\"?");
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (JsonNode n : generic("SecretProviderClass")) {
            String list = n.path("spec").path("parameters").path("objects").asText();
            List<String> names = new ArrayList<>();
            objectName.matcher(list).results().forEach(m -> names.add(m.group(1)));
            out.put(n.path("metadata").path("name").asText(), names);
        }
        return out;
    }

    private List<JsonNode> generic(String kind) {
        return objects.stream()
                .filter(o -> o instanceof GenericKubernetesResource && kind.equals(o.getKind()))
                .map(o -> (JsonNode) JSON.valueToTree(o))
                .toList();
    }

    private <T extends HasMetadata> List<T> ofType(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
