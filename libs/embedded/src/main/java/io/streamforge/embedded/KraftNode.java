package io.streamforge.embedded;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kafka.server.KafkaConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one KRaft node of {@link EmbeddedKafkaBroker} (combined broker + controller, node id 1): its
 * settings — one-node replication factors, no auto-created topics, few threads — plus the SASL_SSL
 * listener of a secured broker, and the formatting of its log folder.
 */
final class KraftNode {
    private static final Logger LOG = LoggerFactory.getLogger(KraftNode.class);
    static final int NODE_ID = 1;

    private KraftNode() {}

    /** The node's configuration: {@link #settings} plus the secured listener's when secured. */
    static KafkaConfig config(Path logDir, int port, int controllerPort, KafkaSecurity security) {
        Map<String, Object> settings = settings(logDir, port, controllerPort);
        if (security != null) {
            settings.putAll(security.brokerSettings(port, controllerPort));
        }
        return new KafkaConfig(settings, false);
    }

    /** The broker settings (one node, see the class comment). */
    private static Map<String, Object> settings(Path logDir, int port, int controllerPort) {
        Map<String, Object> p = new HashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
        p.put(
                "listeners",
                "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("num.partitions", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "false");
        p.put("log.flush.interval.messages", String.valueOf(Long.MAX_VALUE));
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024));
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "2");
        p.put("background.threads", "2");
        return p;
    }

    /**
     * Formats the log folder (like {@code kafka-storage.sh format}) unless it already is: a folder
     * with a {@code meta.properties} keeps its cluster id, topics and records.
     */
    static void format(KafkaConfig config, Path logDir, KafkaSecurity security) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            LOG.debug("kafka storage in {} already formatted, reusing it", logDir);
            return;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Formatter formatter =
                new Formatter()
                        .setPrintStream(new PrintStream(out, true, StandardCharsets.UTF_8))
                        .setNodeId(NODE_ID)
                        .setClusterId(Uuid.randomUuid().toString())
                        .setDirectories(List.of(logDir.toString()))
                        .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                        .setControllerListenerName("CONTROLLER")
                        .setMetadataLogDirectory(config.metadataLogDir())
                        .setIgnoreFormatted(true);
        if (security != null) {
            formatter.setScramArguments(List.of(security.scramBootstrapArgument()));
        }
        try {
            formatter.run();
        } catch (Exception e) {
            throw new IllegalStateException(
                    "cannot format Kafka storage in " + logDir + ": " + e.getMessage(), e);
        }
        LOG.debug("kafka storage format: {}", out.toString(StandardCharsets.UTF_8).trim());
    }
}
