package io.streamforge.app.rehearse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

/** Strimzi KafkaUser ACL entries as the User Operator would apply them (simple authorization). */
class KafkaUserAclsTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode acl(String json) throws Exception {
        return JSON.readTree(json);
    }

    @Test
    void aPrefixedTopicAclGivesOneAllowBindingPerOperationForAnyHost() throws Exception {
        List<AclBinding> b =
                KafkaUserAcls.bindings(
                        "loader-ws",
                        acl(
                                "{\"resource\":{\"type\":\"topic\",\"name\":\"loader-\",\"patternType\":\"prefix\"},"
                                        + "\"operations\":[\"Write\",\"Create\",\"DescribeConfigs\"]}"));
        assertThat(b).hasSize(3);
        assertThat(b)
                .allSatisfy(
                        x -> {
                            assertThat(x.pattern().resourceType()).isEqualTo(ResourceType.TOPIC);
                            assertThat(x.pattern().name()).isEqualTo("loader-");
                            assertThat(x.pattern().patternType()).isEqualTo(PatternType.PREFIXED);
                            assertThat(x.entry().principal()).isEqualTo("User:loader-ws");
                            assertThat(x.entry().host()).isEqualTo("*");
                            assertThat(x.entry().permissionType())
                                    .isEqualTo(AclPermissionType.ALLOW);
                        });
        assertThat(b)
                .extracting(x -> x.entry().operation())
                .containsExactly(
                        AclOperation.WRITE, AclOperation.CREATE, AclOperation.DESCRIBE_CONFIGS);
    }

    @Test
    void groupsAreLiteralByDefaultAndTheClusterHasItsFixedName() throws Exception {
        AclBinding group =
                KafkaUserAcls.bindings(
                                "connector",
                                acl(
                                        "{\"resource\":{\"type\":\"group\",\"name\":\"streamforge-connector-live\"},"
                                                + "\"operations\":[\"Read\"]}"))
                        .get(0);
        assertThat(group.pattern().resourceType()).isEqualTo(ResourceType.GROUP);
        assertThat(group.pattern().patternType()).isEqualTo(PatternType.LITERAL);
        AclBinding cluster =
                KafkaUserAcls.bindings(
                                "queue-manager",
                                acl(
                                        "{\"resource\":{\"type\":\"cluster\"},\"operations\":[\"Describe\"],"
                                                + "\"host\":\"10.0.0.5\",\"type\":\"deny\"}"))
                        .get(0);
        assertThat(cluster.pattern().resourceType()).isEqualTo(ResourceType.CLUSTER);
        assertThat(cluster.pattern().name()).isEqualTo("kafka-cluster");
        assertThat(cluster.entry().host()).isEqualTo("10.0.0.5");
        assertThat(cluster.entry().permissionType()).isEqualTo(AclPermissionType.DENY);
        AclBinding tx =
                KafkaUserAcls.bindings(
                                "x",
                                acl(
                                        "{\"resource\":{\"type\":\"transactionalId\",\"name\":\"tx-\",\"patternType\":\"prefix\"},"
                                                + "\"operations\":[\"Write\"]}"))
                        .get(0);
        assertThat(tx.pattern().resourceType()).isEqualTo(ResourceType.TRANSACTIONAL_ID);
    }

    @Test
    void unknownResourceTypesAndOperationsAreRefusedNamingTheUser() {
        assertThatThrownBy(
                        () ->
                                KafkaUserAcls.bindings(
                                        "visualizer",
                                        acl(
                                                "{\"resource\":{\"type\":\"delegationToken\"},\"operations\":[\"Read\"]}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("KafkaUser visualizer: unknown resource type delegationToken");
        assertThatThrownBy(
                        () ->
                                KafkaUserAcls.bindings(
                                        "visualizer",
                                        acl(
                                                "{\"resource\":{\"type\":\"topic\",\"name\":\"t\"},\"operations\":[\"Fly\"]}")))
                .hasMessage("KafkaUser visualizer: unknown operation Fly");
    }
}
