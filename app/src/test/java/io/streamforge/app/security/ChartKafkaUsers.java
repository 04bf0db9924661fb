package io.streamforge.app.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import io.streamforge.app.rehearse.KafkaUserAcls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.common.acl.AclBinding;

/**
 * The Strimzi {@code KafkaUser} resources of the chart exactly as the homelab renders them (real
 * Helm via helm-java, {@code values-homelab.yaml}), translated to Kafka {@link AclBinding}s the way
 * Strimzi's User Operator does ({@code simple} authorization: topic/group/cluster/transactionalId,
 * literal/prefix, one ALLOW binding per operation; {@link KafkaUserAcls}).
 */
final class ChartKafkaUsers {
    static final Path CHART = Path.of("../deploy/helm/streamforge");
    private static final Pattern DOC_SPLIT = Pattern.compile("(?m)^---\\s*$");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ChartKafkaUsers() {}

    /** User name → its ACL bindings, for every KafkaUser of the homelab rendering. */
    static Map<String, List<AclBinding>> render() throws Exception {
        if (!Files.isDirectory(CHART)) {
            throw new IllegalStateException("chart not found at " + CHART.toAbsolutePath());
        }
        String rendered =
                new Helm(CHART)
                        .template()
                        .withName("sf")
                        .withNamespace("streamforge")
                        .withKubeVersion("1.30.0")
                        .withValuesFile(CHART.resolve("values-homelab.yaml"))
                        .call();
        Map<String, List<AclBinding>> users = new LinkedHashMap<>();
        for (String doc : DOC_SPLIT.split(rendered)) {
            JsonNode n = YAML.readTree(doc);
            if (n == null || !"KafkaUser".equals(n.path("kind").asText())) {
                continue;
            }
            String user = n.path("metadata").path("name").asText();
            List<AclBinding> acls = new ArrayList<>();
            for (JsonNode acl : n.path("spec").path("authorization").path("acls")) {
                acls.addAll(bindings(user, acl));
            }
            users.put(user, acls);
        }
        if (users.isEmpty()) {
            throw new IllegalStateException("the homelab rendering has no KafkaUser");
        }
        return users;
    }

    static List<AclBinding> bindings(String user, JsonNode acl) {
        return KafkaUserAcls.bindings(user, acl);
    }
}
