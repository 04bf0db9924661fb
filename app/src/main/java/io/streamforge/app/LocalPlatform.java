package io.streamforge.app;

import io.streamforge.binance.BinanceClientConfig;
import io.streamforge.binance.BinanceRestClient;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.port.TimeSource;
import io.streamforge.embedded.EmbeddedKafkaBroker;
import io.streamforge.embedded.EmbeddedPostgresServer;
import io.streamforge.embedded.EmbeddedS3;
import io.streamforge.kafka.KafkaSettings;
import io.streamforge.queuemanager.LocalJobLauncher;
import io.streamforge.queuemanager.QueueManager;
import io.streamforge.runtime.ConfigReader;
import io.streamforge.sim.ExchangeSimulator;
import io.streamforge.sim.SimConfig;
import io.streamforge.store.postgres.PostgresStores;
import io.streamforge.store.s3.S3ModelRepository;
import io.streamforge.store.s3.S3Settings;
import io.streamforge.visualizer.VisualizerServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything of local mode in one JVM: a real Kafka broker (KRaft), a real PostgreSQL, the exchange
 * simulator (offline), the queue-manager with the in-process job launcher and the visualizer (web
 * UI). If any part fails to start, the parts already started are closed again.
 */
public final class LocalPlatform implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalPlatform.class);

    /**
     * How to start it. {@code exchangeUrl} null = start the built-in simulator; {@code uiPort} 0 =
     * the visualizer on a free port.
     */
    public record Options(
            Path dataDir,
            int apiPort,
            String exchangeUrl,
            SimConfig sim,
            Map<String, String> extraEnv,
            int uiPort) {

        /** The visualizer on a free port. */
        public Options(
                Path dataDir,
                int apiPort,
                String exchangeUrl,
                SimConfig sim,
                Map<String, String> extraEnv) {
            this(dataDir, apiPort, exchangeUrl, sim, extraEnv, 0);
        }
    }

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private EmbeddedKafkaBroker kafka;
    private EmbeddedPostgresServer postgres;
    private EmbeddedS3 s3;
    private ExchangeSimulator sim;
    private PostgresStores stores;
    private LocalJobLauncher launcher;
    private QueueManager manager;
    private VisualizerServer visualizer;
    private String exchangeUrl;

    public LocalPlatform(Options o, Consumer<String> progress) {
        try {
            start(o, progress);
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    private <T extends AutoCloseable> T track(T c) {
        started.push(c);
        return c;
    }

    private void start(Options o, Consumer<String> progress) {
        progress.accept("starting Kafka (KRaft, in-process)");
        kafka = track(EmbeddedKafkaBroker.start(o.dataDir().resolve("kafka")));
        progress.accept("starting PostgreSQL (embedded)");
        postgres = track(EmbeddedPostgresServer.start(o.dataDir().resolve("postgres")));
        progress.accept("starting the S3 object store (S3Proxy)");
        s3 = track(EmbeddedS3.start(o.dataDir().resolve("s3")));
        if (o.exchangeUrl() == null) {
            progress.accept("starting the exchange simulator");
            sim = track(ExchangeSimulator.start(o.sim()));
            exchangeUrl = sim.baseUrl();
        } else {
            exchangeUrl = o.exchangeUrl();
        }
        stores =
                track(
                        PostgresStores.open(
                                postgres.jdbcUrl(), postgres.user(), postgres.password()));
        Map<String, String> env = new HashMap<>(o.extraEnv());
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("POSTGRES_JDBC_URL", postgres.jdbcUrl());
        env.put("POSTGRES_USER", postgres.user());
        env.put(
                "POSTGRES_PASSWORD_FILE",
                secretFile(o.dataDir(), "postgres-password", postgres.password()));
        env.put("BINANCE_BASE_URL", exchangeUrl);
        if (sim != null) {
            env.put("BINANCE_WS_URL", sim.wsBaseUrl());
        }
        env.put("S3_ENDPOINT", s3.endpoint().toString());
        env.put("S3_REGION", s3.region());
        env.put("S3_ACCESS_KEY_FILE", secretFile(o.dataDir(), "s3-access-key", s3.accessKey()));
        env.put("S3_SECRET_KEY_FILE", secretFile(o.dataDir(), "s3-secret-key", s3.secretKey()));
        env.put("HTTP_HOST", "127.0.0.1");
        launcher = new LocalJobLauncher(WorkerEntries.all(), env);
        track(() -> launcher.shutdown(15_000));
        progress.accept("starting the queue-manager");
        Set<Symbol> known =
                new BinanceRestClient(BinanceClientConfig.defaults(exchangeUrl)).tradingSymbols();
        manager =
                track(
                        new QueueManager(
                                new QueueManager.Settings(
                                        KafkaSettings.plaintext(kafka.bootstrapServers()),
                                        "127.0.0.1",
                                        o.apiPort(),
                                        3,
                                        Map.of(),
                                        10_000),
                                stores.queues(),
                                launcher,
                                known::contains,
                                TimeSource.system()));
        launcher.addPlatformEnv("QUEUE_MANAGER_URL", apiUrl()); // for a visualizer step
        progress.accept("starting the visualizer (web UI)");
        visualizer = track(startVisualizer(env, o.uiPort()));
    }

    /** The UI in-process over the platform's stores, the embedded S3 and the queue-manager API. */
    private VisualizerServer startVisualizer(Map<String, String> env, int port) {
        ConfigReader reader = new ConfigReader(env);
        S3Settings s3Settings =
                S3Settings.read(reader); // the same bucket/prefix gnn-trainer writes
        reader.validate();
        S3ModelRepository models = track(S3ModelRepository.open(s3Settings));
        return new VisualizerServer(
                new VisualizerServer.Ports(
                        stores.marketData(), stores.indicators(), stores.graphs(), models),
                apiUrl(),
                env.get("MODEL_NAME"),
                "127.0.0.1",
                port);
    }

    private static String secretFile(Path dir, String name, String value) {
        try {
            Path secrets = Files.createDirectories(dir.resolve("secrets"));
            Path f = secrets.resolve(name);
            Files.writeString(f, value == null ? "" : value);
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
            return f.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String apiUrl() {
        return "http://127.0.0.1:" + manager.port();
    }

    /** The web UI, e.g. {@code http://127.0.0.1:8081}. */
    public String visualizerUrl() {
        return "http://127.0.0.1:" + visualizer.port();
    }

    public VisualizerServer visualizer() {
        return visualizer;
    }

    public String exchangeUrl() {
        return exchangeUrl;
    }

    public ExchangeSimulator simulator() {
        return sim;
    }

    public PostgresStores stores() {
        return stores;
    }

    public EmbeddedS3 s3() {
        return s3;
    }

    public EmbeddedKafkaBroker kafka() {
        return kafka;
    }

    public EmbeddedPostgresServer postgres() {
        return postgres;
    }

    public LocalJobLauncher launcher() {
        return launcher;
    }

    public QueueManager manager() {
        return manager;
    }

    /** Closes what was started, newest first. */
    @Override
    public void close() {
        while (!started.isEmpty()) {
            AutoCloseable c = started.pop();
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("while closing {}: {}", c, e.toString());
            }
        }
    }
}
