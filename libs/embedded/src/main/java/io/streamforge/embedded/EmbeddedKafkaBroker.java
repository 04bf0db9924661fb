package io.streamforge.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka broker running in this JVM in KRaft combined mode (broker + controller, node id 1)
 * on two free local ports. Log segments and the metadata log live in {@code <dataDir>/kafka-logs};
 * an existing formatted folder is reused (topics and records survive a restart). Settings are for
 * one node: every replication factor and min ISR is 1, the group initial rebalance delay is 0 and
 * topics are never auto-created (create them with {@link #createTopic}).
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final int NODE_ID = 1;
    private static final long ADMIN_TIMEOUT_S = 30;
    private static final int START_ATTEMPTS = 3;

    private KafkaRaftServer server;
    private final Path dataDir;
    private final int port;
    private final boolean deleteOnClose;
    private final KafkaSecurity security;
    private boolean closed;
    private boolean stoppedForRestart;

    private EmbeddedKafkaBroker(
            KafkaRaftServer server,
            Path dataDir,
            int port,
            boolean deleteOnClose,
            KafkaSecurity security) {
        this.server = server;
        this.dataDir = dataDir;
        this.port = port;
        this.deleteOnClose = deleteOnClose;
        this.security = security;
    }

    /** Starts a throw-away broker whose logs live in a temporary folder deleted by close(). */
    public static EmbeddedKafkaBroker start() {
        return start(Folders.temp("streamforge-kafka-", "Kafka"), true, null);
    }

    /** Starts a broker whose logs live in {@code dataDir/kafka-logs}; the folder is kept. */
    public static EmbeddedKafkaBroker start(Path dataDir) {
        return start(dataDir, false, null);
    }

    /**
     * A throw-away broker with a SASL_SSL listener, SCRAM-SHA-512 and ACLs (see {@link
     * KafkaSecurity}); its temporary folder is deleted by close().
     */
    public static EmbeddedKafkaBroker startSecured(KafkaSecurity security) {
        Objects.requireNonNull(security, "security");
        return start(Folders.temp("streamforge-kafka-", "Kafka"), true, security);
    }

    /**
     * A kept broker with a SASL_SSL listener. The admin credential is written when the folder is
     * formatted: a folder reused with another admin password is refused by its own broker.
     */
    public static EmbeddedKafkaBroker startSecured(Path dataDir, KafkaSecurity security) {
        Objects.requireNonNull(security, "security");
        return start(dataDir, false, security);
    }

    private static EmbeddedKafkaBroker start(
            Path dataDir, boolean deleteOnClose, KafkaSecurity security) {
        Objects.requireNonNull(dataDir, "dataDir");
        Path root = dataDir.toAbsolutePath();
        for (int attempt = 1; ; attempt++) {
            try {
                return startOnce(root, deleteOnClose, security);
            } catch (IllegalStateException e) {
                if (attempt >= START_ATTEMPTS || !FreePorts.isBindFailure(e)) {
                    throw e;
                }
                LOG.warn("Kafka port was taken meanwhile, retrying ({})", e.getMessage());
            }
        }
    }

    private static EmbeddedKafkaBroker startOnce(
            Path root, boolean deleteOnClose, KafkaSecurity security) {
        Path logDir = root.resolve("kafka-logs");
        long t0 = System.nanoTime();
        int port = FreePorts.pick();
        int controllerPort = FreePorts.pick();
        KafkaRaftServer server = null;
        try {
            Files.createDirectories(logDir);
            Map<String, Object> settings = settings(logDir, port, controllerPort);
            if (security != null) {
                settings.putAll(security.brokerSettings(port, controllerPort));
            }
            KafkaConfig config = new KafkaConfig(settings, false);
            format(config, logDir, security);
            server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
            EmbeddedKafkaBroker broker =
                    new EmbeddedKafkaBroker(server, root, port, deleteOnClose, security);
            broker.controllerPort = controllerPort;
            broker.awaitReady();
            LOG.info(
                    "Kafka started on {} with logs in {} in {} ms",
                    broker.bootstrapServers(),
                    logDir,
                    (System.nanoTime() - t0) / 1_000_000);
            return broker;
        } catch (IOException | RuntimeException e) {
            stopQuietly(server);
            throw new IllegalStateException(
                    "cannot start embedded Kafka in " + logDir + ": " + e.getMessage(), e);
        }
    }

    private static void stopQuietly(KafkaRaftServer server) {
        if (server == null) {
            return;
        }
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            LOG.warn("cannot stop a half-started Kafka: {}", e.toString());
        }
    }

    /** The broker settings (one node, see the class comment). */
    static Map<String, Object> settings(Path logDir, int port, int controllerPort) {
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
    private static void format(KafkaConfig config, Path logDir, KafkaSecurity security) {
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

    private void awaitReady() {
        try (Admin admin = admin()) {
            admin.describeCluster().nodes().get(ADMIN_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not become ready: " + e, e);
        }
    }

    /** {@code localhost:<port>} of the client listener (PLAINTEXT, or SASL_SSL when secured). */
    public String bootstrapServers() {
        return "localhost:" + port;
    }

    /** The folder given to start (holds {@code kafka-logs/}). */
    public Path dataDir() {
        return dataDir;
    }

    /** A new admin client on this broker (as the super user when secured); the caller closes it. */
    public Admin admin() {
        Map<String, Object> p =
                security == null
                        ? new HashMap<>(
                                Map.of(
                                        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                        bootstrapServers()))
                        : security.clientProperties(
                                bootstrapServers(), security.adminUser(), security.adminPassword());
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        return Admin.create(p);
    }

    /** The security of the client listener; empty for a PLAINTEXT broker. */
    public Optional<KafkaSecurity> security() {
        return Optional.ofNullable(security);
    }

    /** Users, credentials and ACLs of a secured broker. */
    public KafkaUsers users() {
        if (security == null) {
            throw new IllegalStateException("a PLAINTEXT broker has no users (startSecured)");
        }
        return new KafkaUsers(this, security);
    }

    /**
     * Creates a topic with replication factor 1 and waits until it exists. Returns false when the
     * topic already existed (with whatever partition count it has).
     */
    public boolean createTopic(String name, int partitions) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("topic name: missing");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1, got " + partitions);
        }
        NewTopic topic = new NewTopic(name, Optional.of(partitions), Optional.of((short) 1));
        try (Admin admin = admin()) {
            admin.createTopics(List.of(topic)).all().get(ADMIN_TIMEOUT_S, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return false;
            }
            throw new IllegalStateException(
                    "cannot create topic '" + name + "': " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + name, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("timed out creating topic " + name, e);
        }
    }

    private int controllerPort;

    /**
     * Fault tests: shuts the broker down but keeps its ports and log folder for {@link #restart}
     * (clients see a broker outage).
     */
    public synchronized void stopForRestart() {
        if (closed || stoppedForRestart) {
            throw new IllegalStateException("broker is not running");
        }
        server.shutdown();
        server.awaitShutdown();
        stoppedForRestart = true;
        LOG.info("Kafka stopped for a restart on {}", bootstrapServers());
    }

    /** Starts the broker again on the same ports and log folder after {@link #stopForRestart}. */
    public synchronized void restart() {
        if (!stoppedForRestart) {
            throw new IllegalStateException("broker was not stopped for a restart");
        }
        Path logDir = dataDir.resolve("kafka-logs");
        Map<String, Object> settings = settings(logDir, port, controllerPort);
        if (security != null) {
            settings.putAll(security.brokerSettings(port, controllerPort));
        }
        server = new KafkaRaftServer(new KafkaConfig(settings, false), Time.SYSTEM);
        server.startup();
        stoppedForRestart = false;
        awaitReady();
        LOG.info("Kafka restarted on {}", bootstrapServers());
    }

    /** Shuts the broker down cleanly; deletes the folder when it was a temporary one. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long t0 = System.nanoTime();
        try {
            if (!stoppedForRestart) {
                server.shutdown();
                server.awaitShutdown();
            }
        } finally {
            if (deleteOnClose) {
                Folders.deleteRecursively(dataDir);
            }
        }
        LOG.info("Kafka stopped in {} ms", (System.nanoTime() - t0) / 1_000_000);
    }
}
