package io.streamforge.app.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The Strimzi {@code KafkaUser} resources of the chart exactly as the homelab renders them (real
 * Helm via helm-java, {@code values-homelab.yaml}), translated to Kafka {@link AclBinding}s the way
 * Strimzi's User Operator does ({@code simple} authorization: topic/group/cluster/transactionalId,
 * literal/prefix, one ALLOW binding per operation).
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
        JsonNode res = acl.path("resource");
        String type = res.path("type").asText();
        ResourcePattern pattern =
                switch (type) {
                    case "cluster" ->
                            new ResourcePattern(
                                    ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL);
                    case "topic", "group", "transactionalId" ->
                            new ResourcePattern(
                                    resourceType(type),
                                    res.path("name").asText(),
                                    "prefix".equals(res.path("patternType").asText("literal"))
                                            ? PatternType.PREFIXED
                                            : PatternType.LITERAL);
                    default ->
                            throw new IllegalArgumentException(
                                    "KafkaUser " + user + ": unknown resource type " + type);
                };
        AclPermissionType permission =
                "deny".equals(acl.path("type").asText("allow"))
                        ? AclPermissionType.DENY
                        : AclPermissionType.ALLOW;
        List<AclBinding> out = new ArrayList<>();
        for (JsonNode op : acl.path("operations")) {
            AclOperation operation =
                    AclOperation.fromString(
                            op.asText()
                                    .replaceAll("(?<=[a-z])(?=[A-Z])", "_")
                                    .toUpperCase(Locale.ROOT));
            if (operation == AclOperation.UNKNOWN) {
                throw new IllegalArgumentException(
                        "KafkaUser " + user + ": unknown operation " + op.asText());
            }
            out.add(
                    new AclBinding(
                            pattern,
                            new AccessControlEntry(
                                    "User:" + user,
                                    acl.path("host").asText("*"),
                                    operation,
                                    permission)));
        }
        return out;
    }

    private static ResourceType resourceType(String strimziType) {
        return switch (strimziType) {
            case "topic" -> ResourceType.TOPIC;
            case "group" -> ResourceType.GROUP;
            default -> ResourceType.TRANSACTIONAL_ID;
        };
    }
}
