package io.streamforge.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SASL_SSL + SCRAM-SHA-512 + StandardAuthorizer broker, with real clients. */
class SecuredKafkaBrokerTest {
    @TempDir static Path dir;
    static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void start() {
        broker = EmbeddedKafkaBroker.startSecured(KafkaSecurity.withNewCa(dir, "admin"));
        broker.createTopic("allowed-topic", 1);
        broker.createTopic("other-topic", 1);
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    @Test
    void aUserWritesWhereItsAclAllowsAndNowhereElse() throws Exception {
        broker.users().createScramUser("writer", "writer-pass-1");
        broker.users()
                .addAcls(
                        List.of(
                                allow("writer", "allowed-topic", AclOperation.WRITE),
                                allow("writer", "allowed-topic", AclOperation.DESCRIBE)));
        try (KafkaProducer<String, String> p = producer("writer", "writer-pass-1")) {
            assertThat(p.send(new ProducerRecord<>("allowed-topic", "k", "v")).get().offset())
                    .isZero();
            assertThatThrownBy(() -> p.send(new ProducerRecord<>("other-topic", "k", "v")).get())
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void aUserWithoutAclsSeesNoTopicAndCannotCreateOne() throws Exception {
        broker.users().createScramUser("nobody", "nobody-pass-1");
        try (Admin a = Admin.create(props("nobody", "nobody-pass-1"))) {
            assertThat(a.listTopics().names().get(30, TimeUnit.SECONDS)).isEmpty();
            assertThatThrownBy(
                            () ->
                                    a.createTopics(
                                                    List.of(
                                                            new org.apache.kafka.clients.admin
                                                                    .NewTopic("x", 1, (short) 1)))
                                            .all()
                                            .get(30, TimeUnit.SECONDS))
                    .hasMessageContaining("Authorization failed");
        }
        try (Admin admin = broker.admin()) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS))
                    .contains("allowed-topic", "other-topic");
        }
    }

    @Test
    void aWrongPasswordFailsAuthenticationQuickly() {
        broker.users().createScramUser("victim", "right-pass-1");
        try (Admin a = Admin.create(props("victim", "wrong-pass-1"))) {
            assertThatThrownBy(() -> a.describeCluster().clusterId().get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void aPlaintextClientCannotTalkToTheTlsListener() {
        Map<String, Object> p = new HashMap<>();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000);
        try (Admin a = Admin.create(p)) {
            assertThatThrownBy(() -> a.listTopics().names().get(30, TimeUnit.SECONDS))
                    .isInstanceOf(java.util.concurrent.ExecutionException.class);
        }
    }

    @Test
    void securityNeverPrintsThePassword() {
        KafkaSecurity s = broker.security().orElseThrow();
        assertThat(s.toString()).doesNotContain(s.adminPassword()).contains("***");
        assertThat(s.cert().toString()).doesNotContain(s.cert().keyPem());
    }

    private static AclBinding allow(String user, String topic, AclOperation op) {
        return new AclBinding(
                new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL),
                new AccessControlEntry("User:" + user, "*", op, AclPermissionType.ALLOW));
    }

    private static Map<String, Object> props(String user, String password) {
        Map<String, Object> p = new HashMap<>(broker.users().clientProperties(user, password));
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000);
        return p;
    }

    private static KafkaProducer<String, String> producer(String user, String password) {
        Map<String, Object> p = props(user, password);
        p.remove(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG);
        p.remove(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) Duration.ofSeconds(20).toMillis());
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }
}
