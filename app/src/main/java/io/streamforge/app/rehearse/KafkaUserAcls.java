package io.streamforge.app.rehearse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * One ACL of a Strimzi {@code KafkaUser} translated to Kafka {@link AclBinding}s the way Strimzi's
 * User Operator does ({@code simple} authorization: topic/group/cluster/transactionalId,
 * literal/prefix, one binding per operation).
 */
public final class KafkaUserAcls {
    private KafkaUserAcls() {}

    public static List<AclBinding> bindings(String user, JsonNode acl) {
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
