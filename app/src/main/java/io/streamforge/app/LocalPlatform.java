package io.streamforge.app;

import io.streamforge.embedded.EmbeddedKafkaBroker;
import io.streamforge.embedded.EmbeddedPostgresServer;
import io.streamforge.embedded.EmbeddedS3;
import io.streamforge.kafka.KafkaSettings;
import io.streamforge.queuemanager.LocalJobLauncher;
import io.streamforge.queuemanager.QueueManager;
import io.streamforge.runtime.auth.OidcSettings;
import io.streamforge.sim.ExchangeSimulator;
import io.streamforge.sim.SimConfig;
import io.streamforge.store.postgres.PostgresStores;
import io.streamforge.visualizer.VisualizerServer;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.kafka.common.acl.AclBinding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything of local mode in one JVM: a real Kafka broker (KRaft), a real PostgreSQL, the exchange
 * simulator (offline), the queue-manager with the in-process job launcher and the visualizer (web
 * UI). If any part fails to start, the parts already started are closed again. Kafka and PostgreSQL
 * come from {@link LocalInfra}, the queue-manager and the visualizer from {@link LocalServices}.
 */
public final class LocalPlatform implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalPlatform.class);

    /**
     * How to start it. {@code exchangeUrl} null = start the built-in simulator; {@code uiPort} 0 =
     * the visualizer on a free port; {@code durable} = PostgreSQL with {@code fsync} and {@code
     * synchronous_commit} on (off: faster, a crash may lose the last commits); {@code oidc} = the
     * API's and the UI's token validation ({@link OidcSettings#DISABLED}, the default: no
     * authentication, both bound to loopback only; ADR 2601).
     */
    public record Options(
            Path dataDir,
            int apiPort,
            String exchangeUrl,
            SimConfig sim,
            Map<String, String> extraEnv,
            int uiPort,
            Secured secured,
            boolean durable,
            OidcSettings oidc) {

        public Options {
            oidc = oidc == null ? OidcSettings.DISABLED : oidc;
        }

        /** Without authentication (loopback only). */
        public Options(
                Path dataDir,
                int apiPort,
                String exchangeUrl,
                SimConfig sim,
                Map<String, String> extraEnv,
                int uiPort,
                Secured secured,
                boolean durable) {
            this(dataDir, apiPort, exchangeUrl, sim, extraEnv, uiPort, secured, durable, null);
        }

        /** Secured ({@code secured} non-null) or plain infrastructure, not durable (tests). */
        public Options(
                Path dataDir,
                int apiPort,
                String exchangeUrl,
                SimConfig sim,
                Map<String, String> extraEnv,
                int uiPort,
                Secured secured) {
            this(dataDir, apiPort, exchangeUrl, sim, extraEnv, uiPort, secured, false);
        }

        /** A platform that is kept ({@code up}): durable. */
        public Options(
                Path dataDir,
                int apiPort,
                String exchangeUrl,
                SimConfig sim,
                Map<String, String> extraEnv,
                int uiPort) {
            this(dataDir, apiPort, exchangeUrl, sim, extraEnv, uiPort, null, true);
        }

        /** A throw-away platform (demo, benchmarks, tests): not durable, UI on a free port. */
        public Options(
                Path dataDir,
                int apiPort,
                String exchangeUrl,
                SimConfig sim,
                Map<String, String> extraEnv) {
            this(dataDir, apiPort, exchangeUrl, sim, extraEnv, 0, null, false);
        }

        public Options withDurable(boolean on) {
            return new Options(
                    dataDir, apiPort, exchangeUrl, sim, extraEnv, uiPort, secured, on, oidc);
        }

        /** With the API and the UI requiring tokens of this issuer ({@code up}). */
        public Options withOidc(OidcSettings settings) {
            return new Options(
                    dataDir,
                    apiPort,
                    exchangeUrl,
                    sim,
                    extraEnv,
                    uiPort,
                    secured,
                    durable,
                    settings);
        }
    }

    /**
     * Secured infrastructure as in the homelab (see {@link SecuredInfra}): Kafka SASL_SSL +
     * SCRAM-SHA-512 with these ACLs (every {@code User:} principal gets a SCRAM user; each worker
     * logs in as {@code <userPrefix><target>}), PostgreSQL over TLS with {@code verify-full}.
     */
    public record Secured(String userPrefix, Collection<AclBinding> acls) {
        public Secured {
            Objects.requireNonNull(userPrefix, "userPrefix");
            acls = List.copyOf(acls);
        }
    }

    /** How long a graceful stop waits for the workers before it closes the rest. */
    static final long STOP_WORKERS_MS = 8_000;

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private LocalInfra infra;
    private EmbeddedS3 s3;
    private ExchangeSimulator sim;
    private PostgresStores stores;
    private LocalJobLauncher launcher;
    private QueueManager manager;
    private VisualizerServer visualizer;
    private String exchangeUrl;
    private Map<String, String> launcherEnv = Map.of();

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
        infra = LocalInfra.start(o, progress, this::track);
        progress.accept("starting the S3 object store (S3Proxy)");
        s3 = track(EmbeddedS3.start(o.dataDir().resolve("s3")));
        if (o.exchangeUrl() == null) {
            progress.accept("starting the exchange simulator");
            sim = track(ExchangeSimulator.start(o.sim()));
            exchangeUrl = sim.baseUrl();
        } else {
            exchangeUrl = o.exchangeUrl();
        }
        EmbeddedPostgresServer pg = infra.postgres();
        stores = track(PostgresStores.open(infra.jdbcUrl(), pg.user(), pg.password()));
        PlatformStop.interruptLeftOpen(stores.queues(), progress);
        try (var admin = infra.kafka().admin()) {
            PlatformStop.evictStaleGroupMembers(admin, progress);
        }
        Map<String, String> env =
                PlatformEnv.of(
                        o.dataDir(),
                        o.extraEnv(),
                        infra.secured(),
                        infra.kafka(),
                        pg,
                        s3,
                        exchangeUrl,
                        sim);
        launcherEnv = Map.copyOf(env);
        launcher = new LocalJobLauncher(infra.entries(WorkerEntries.all()), env);
        track(() -> launcher.shutdown(15_000));
        progress.accept(authLine(o.oidc()));
        progress.accept("starting the queue-manager");
        manager = LocalServices.queueManager(o, infra, stores, launcher, exchangeUrl, this::track);
        launcher.addPlatformEnv("QUEUE_MANAGER_URL", apiUrl()); // for a visualizer step
        progress.accept("starting the visualizer (web UI)");
        visualizer = LocalServices.visualizer(env, o.uiPort(), o.oidc(), apiUrl(), this::track);
    }

    /** The one line saying whether the API and the UI require tokens. */
    static String authLine(OidcSettings oidc) {
        return oidc.enabled()
                ? "authentication ON: API and UI require tokens of issuer "
                        + oidc.issuerUrl()
                        + " (audience "
                        + oidc.audience()
                        + ")"
                : "authentication OFF (no OIDC_ISSUER_URL): API and UI on 127.0.0.1 only";
    }

    /** The environment a worker of {@code target} gets (platform env + its own Kafka user). */
    public Map<String, String> workerEnv(String target) {
        Map<String, String> env = new HashMap<>(launcherEnv);
        env.putAll(infra.userEnv(target));
        return env;
    }

    /**
     * The graceful stop (SIGTERM, Ctrl-C): new pipelines get 503 and open queues end {@code
     * interrupted} with {@code reason}, the workers get the stop command and end (the connector
     * commits its last batch), then the rest closes, newest first. See {@link PlatformStop}.
     */
    public void stop(String reason) {
        PlatformStop.stop(manager, launcher, STOP_WORKERS_MS, reason);
        close();
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

    /** The environment every worker gets (Kafka, PostgreSQL, S3, exchange URLs, secret files). */
    public Map<String, String> env() {
        return launcherEnv;
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
        return infra.kafka();
    }

    /** Kafka settings of the broker's super user (PLAINTEXT settings for an unsecured broker). */
    public KafkaSettings adminKafka() {
        return infra.adminKafka();
    }

    public EmbeddedPostgresServer postgres() {
        return infra.postgres();
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
