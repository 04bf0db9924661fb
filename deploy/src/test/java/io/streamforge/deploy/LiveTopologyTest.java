package io.streamforge.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.streamforge.connector.ConnectorWorker;
import io.streamforge.loader.ws.WsLoaderWorker;
import io.streamforge.runtime.ConfigReader;
import io.streamforge.runtime.Worker;
import io.streamforge.runtime.WorkerConfig;
import io.streamforge.runtime.logging.FluentSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The live path of the chart (ADR 3001) against the code: the live loader-ws and connector
 * Deployments set exactly variables their settings classes read, every required one, and KEDA, the
 * KafkaTopics and the KafkaUser ACLs name the same group and topics that the loader's settings
 * derive from the Deployment's env. The names come from the code: a {@link ConfigReader} run
 * through {@code WorkerConfig.read}, the service's factory and {@code FluentSettings.read} records
 * every variable looked up ({@link ConfigReader#asked()}).
 */
class LiveTopologyTest {
    private static final String HOMELAB = "values-homelab.yaml";

    /**
     * Set by sf.env on every container and read outside the service's settings: the JVM
     * (JAVA_TOOL_OPTIONS), the OS (HOME) and the chart's own labels (SERVICE_NAME, judged by the
     * general service contract, not by this live-path test).
     */
    private static final Set<String> PROCESS_ENV =
            Set.of("JAVA_TOOL_OPTIONS", "HOME", "SERVICE_NAME");

    @TempDir Path secrets;

    static List<HasMetadata> render(String valuesFile) {
        var cmd =
                Chart.template()
                        .set("live.enabled", "true")
                        .set("strimzi.enabled", "true")
                        .set("keda.enabled", "true");
        if (valuesFile != null) {
            cmd = cmd.withValuesFile(Chart.dir().resolve(valuesFile));
        }
        List<HasMetadata> out = new ArrayList<>();
        for (String doc : Chart.documents(cmd.call())) {
            out.add((HasMetadata) Serialization.unmarshal(doc));
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", HOMELAB})
    void liveDeploymentsSetOnlyAndAllWhatTheirSettingsRead(String values) throws Exception {
        List<HasMetadata> objects = render(values.equals("default") ? null : values);
        checkEnv(
                deployment(objects, "live-loader"),
                WsLoaderWorker.SERVICE,
                true,
                WsLoaderWorker::create);
        checkEnv(
                deployment(objects, "live-connector"),
                ConnectorWorker.SERVICE,
                false,
                ConnectorWorker::create);
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", HOMELAB})
    void kedaTopicsAndAclsNameTheLoadersTopicsAndTheConnectorsGroup(String values)
            throws Exception {
        List<HasMetadata> objects = render(values.equals("default") ? null : values);
        Map<String, String> loaderEnv = env(deployment(objects, "live-loader"));
        ConfigReader r = new ConfigReader(withSecretFiles(loaderEnv));
        var loader =
                (WsLoaderWorker)
                        WsLoaderWorker.create(
                                r, WorkerConfig.read(r, WsLoaderWorker.SERVICE, true));
        List<String> dataTopics = loader.settings().dataTopics();
        assertThat(dataTopics).isNotEmpty().allMatch(t -> t.startsWith("live."));

        Deployment connector = deployment(objects, "live-connector");
        Map<String, String> connectorEnv = env(connector);
        assertThat(List.of(connectorEnv.get("KAFKA_TOPICS").split(","))).isEqualTo(dataTopics);
        String group = connectorEnv.get("GROUP_ID");
        assertThat(connector.getSpec().getReplicas()).as("KEDA owns replicas").isNull();

        var scaled = (GenericKubernetesResource) Chart.ofKind(objects, "ScaledObject").get(0);
        assertThat(Chart.ofKind(objects, "ScaledObject")).hasSize(1);
        assertThat(scaled.get("spec", "scaleTargetRef", "name").toString())
                .isEqualTo(connector.getMetadata().getName());
        int partitions = Integer.parseInt(connectorEnv.get("TOPIC_PARTITIONS"));
        assertThat(((Number) scaled.get("spec", "maxReplicaCount")).intValue())
                .isLessThanOrEqualTo(partitions);
        List<String> triggerTopics = new ArrayList<>();
        for (Object t : (List<?>) scaled.get("spec", "triggers")) {
            Map<?, ?> meta = (Map<?, ?>) ((Map<?, ?>) t).get("metadata");
            assertThat(meta.get("consumerGroup")).isEqualTo(group);
            triggerTopics.add(meta.get("topic").toString());
        }
        assertThat(triggerTopics).isEqualTo(dataTopics);
        var auth =
                (GenericKubernetesResource) Chart.ofKind(objects, "TriggerAuthentication").get(0);
        if (values.equals(HOMELAB)) {
            assertThat((Object) auth.get("spec", "hashiCorpVault", "authentication"))
                    .isEqualTo("kubernetes");
        }

        Map<String, Integer> topics = new HashMap<>();
        for (HasMetadata t : Chart.ofKind(objects, "KafkaTopic")) {
            var g = (GenericKubernetesResource) t;
            Object name = g.get("spec", "topicName");
            if (name != null) {
                topics.put(name.toString(), ((Number) g.get("spec", "partitions")).intValue());
            }
        }
        for (String t : dataTopics) {
            assertThat(topics).containsEntry(t, partitions).containsEntry(t + ".dlq", 1);
        }

        List<HasMetadata> users = Chart.ofKind(objects, "KafkaUser");
        for (String t : dataTopics) {
            assertThat(acl(users, "streamforge-loader-ws", t))
                    .isEqualTo(List.of("Write", "Describe"));
            assertThat(acl(users, "streamforge-arango-connector", t))
                    .isEqualTo(List.of("Read", "Describe"));
            assertThat(acl(users, "streamforge-arango-connector", t + ".dlq"))
                    .isEqualTo(List.of("Write", "Describe"));
            assertThat(acl(users, "streamforge-keda", t)).isEqualTo(List.of("Describe"));
        }
        assertThat(group).startsWith("streamforge-connector"); // the connector's group prefix ACL
    }

    @Test
    void liveIsOffByDefaultAndTheLoaderHasNoDeadline() {
        assertThat(Chart.objects(null)).noneMatch(o -> o.getMetadata().getName().contains("live"));
        Deployment loader = deployment(render(HOMELAB), "live-loader");
        assertThat(loader.getSpec().getReplicas()).isEqualTo(1);
        assertThat(loader.getSpec().getStrategy().getType()).isEqualTo("Recreate");
        assertThat(loader.getSpec().getTemplate().getSpec().getActiveDeadlineSeconds()).isNull();
    }

    private void checkEnv(Deployment d, String service, boolean symbols, Worker.Factory factory)
            throws Exception {
        Map<String, String> env = withSecretFiles(env(d));
        Set<String> read = new LinkedHashSet<>();
        for (String kind : List.of("postgres", "arango")) { // sf.env sets both databases' variables
            Map<String, String> e = new HashMap<>(env);
            e.put("DB_KIND", kind);
            ConfigReader r = new ConfigReader(e);
            factory.create(r, WorkerConfig.read(r, service, symbols));
            FluentSettings.read(r, service);
            if (kind.equals(env.get("DB_KIND"))) {
                r.validate(); // every required variable is set, every value valid
            }
            read.addAll(r.asked());
        }
        Set<String> set = new LinkedHashSet<>(env(d).keySet());
        set.removeAll(PROCESS_ENV);
        assertThat(read)
                .as(d.getMetadata().getName() + ": every variable the chart sets is read")
                .containsAll(set);
    }

    private Map<String, String> withSecretFiles(Map<String, String> env) throws Exception {
        Map<String, String> out = new HashMap<>(env);
        for (var e : env.entrySet()) {
            if (e.getKey().endsWith("_FILE")) {
                Path f = Files.writeString(secrets.resolve(e.getKey()), "test-secret");
                out.put(e.getKey(), f.toString());
            }
        }
        return out;
    }

    static Deployment deployment(List<HasMetadata> objects, String component) {
        return Chart.ofType(objects, Deployment.class).stream()
                .filter(
                        d ->
                                component.equals(
                                        d.getSpec()
                                                .getTemplate()
                                                .getMetadata()
                                                .getLabels()
                                                .get("streamforge.io/component")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Deployment with component " + component));
    }

    /** The container's env; a value from the downward API stands in as the pod name. */
    static Map<String, String> env(Deployment d) {
        Map<String, String> out = new HashMap<>();
        for (EnvVar v : d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()) {
            out.put(v.getName(), v.getValue() != null ? v.getValue() : "pod-name-0");
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> acl(List<HasMetadata> users, String user, String topic) {
        var u =
                (GenericKubernetesResource)
                        users.stream()
                                .filter(x -> x.getMetadata().getName().equals(user))
                                .findFirst()
                                .orElseThrow();
        return ((List<Map<String, Object>>) u.get("spec", "authorization", "acls"))
                .stream()
                        .filter(
                                a ->
                                        topic.equals(
                                                ((Map<String, Object>) a.get("resource"))
                                                        .get("name")))
                        .map(a -> a.get("operations"))
                        .findFirst()
                        .map(o -> (List<Object>) o)
                        .orElse(List.of());
    }
}
