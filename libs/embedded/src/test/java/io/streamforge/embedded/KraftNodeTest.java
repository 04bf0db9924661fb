package io.streamforge.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import kafka.server.KafkaConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-node KRaft configuration and storage format, without starting a broker (the brokers
 * themselves are proven by {@link EmbeddedKafkaBrokerTest} and {@link SecuredKafkaBrokerTest}).
 */
class KraftNodeTest {
    @TempDir Path dir;

    @Test
    void aPlainNodeIsOneCombinedBrokerAndControllerWithOneNodeSettings() {
        KafkaConfig c = KraftNode.config(dir.resolve("logs"), 9101, 9102, null);
        assertThat(c.nodeId()).isEqualTo(KraftNode.NODE_ID);
        assertThat(c.originals())
                .containsEntry("process.roles", "broker,controller")
                .containsEntry("controller.quorum.voters", "1@localhost:9102")
                .containsEntry(
                        "listeners", "PLAINTEXT://localhost:9101,CONTROLLER://localhost:9102")
                .containsEntry("advertised.listeners", "PLAINTEXT://localhost:9101")
                .containsEntry("default.replication.factor", "1")
                .containsEntry("min.insync.replicas", "1")
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("auto.create.topics.enable", "false")
                .containsEntry("log.dirs", dir.resolve("logs").toString());
        assertThat(c.autoCreateTopicsEnable()).isFalse();
    }

    @Test
    void aSecuredNodeReplacesThePlaintextListenerWithSaslSsl() {
        KafkaSecurity security = KafkaSecurity.withNewCa(dir.resolve("ca"), "admin");
        KafkaConfig c = KraftNode.config(dir.resolve("logs"), 9201, 9202, security);
        assertThat(c.originals())
                .containsEntry("listeners", "SASL_SSL://localhost:9201,CONTROLLER://localhost:9202")
                .containsEntry("advertised.listeners", "SASL_SSL://localhost:9201")
                .containsEntry("inter.broker.listener.name", "SASL_SSL")
                .containsEntry("super.users", "User:admin")
                .containsEntry("allow.everyone.if.no.acl.found", "false")
                .containsEntry("auto.create.topics.enable", "false");
    }

    @Test
    void formatWritesTheMetaPropertiesOnceAndKeepsThemOnReuse() throws Exception {
        Path logs = dir.resolve("logs");
        Files.createDirectories(logs);
        KafkaConfig c = KraftNode.config(logs, 9301, 9302, null);
        KraftNode.format(c, logs, null);
        Path meta = logs.resolve("meta.properties");
        assertThat(meta).exists();
        String first = Files.readString(meta);
        assertThat(first).contains("node.id=1").contains("cluster.id=");
        KraftNode.format(c, logs, null);
        assertThat(Files.readString(meta))
                .as("a formatted folder is reused as is")
                .isEqualTo(first);
    }
}
