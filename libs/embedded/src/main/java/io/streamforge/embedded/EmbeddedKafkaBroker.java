package io.streamforge.embedded;

import java.io.IOException;
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
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka broker running in this JVM in KRaft combined mode (broker + controller, node id 1)
 * on two free local ports ({@link KraftNode}: its settings and storage format). Log segments and
 * the metadata log live in {@code <dataDir>/kafka-logs}; an existing formatted folder is reused
 * (topics and records survive a restart). Settings are for one node: every replication factor and
 * min ISR is 1, the group initial rebalance delay is 0 and topics are never auto-created (create
 * them with {@link #createTopic}).
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final long ADMIN_TIMEOUT_S = 30;
    private static final int START_ATTEMPTS = 3;

    private KafkaRaftServer server;
    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final boolean deleteOnClose;
    private final KafkaSecurity security;
    private boolean closed;
    private boolean stoppedForRestart;

    private EmbeddedKafkaBroker(
            KafkaRaftServer server,
            Path dataDir,
            int port,
            int controllerPort,
            boolean deleteOnClose,
            KafkaSecurity security) {
        this.server = server;
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = controllerPort;
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
            KafkaConfig config = KraftNode.config(logDir, port, controllerPort, security);
            KraftNode.format(config, logDir, security);
            server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
            EmbeddedKafkaBroker broker =
                    new EmbeddedKafkaBroker(
                            server, root, port, controllerPort, deleteOnClose, security);
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
        KafkaConfig config =
                KraftNode.config(dataDir.resolve("kafka-logs"), port, controllerPort, security);
        server = new KafkaRaftServer(config, Time.SYSTEM);
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
