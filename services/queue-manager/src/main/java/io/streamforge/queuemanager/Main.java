package io.streamforge.queuemanager;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.streamforge.binance.BinanceClientConfig;
import io.streamforge.binance.BinanceRestClient;
import io.streamforge.domain.port.CoverageLedger;
import io.streamforge.domain.port.QueueStore;
import io.streamforge.domain.port.TimeSource;
import io.streamforge.domain.queue.JobSpec;
import io.streamforge.queuemanager.k8s.KubernetesJobLauncher;
import io.streamforge.queuemanager.k8s.StandaloneConfig;
import io.streamforge.queuemanager.k8s.TradingSymbols;
import io.streamforge.runtime.ConfigException;
import io.streamforge.runtime.ServiceMain;
import io.streamforge.runtime.StopSignal;
import io.streamforge.runtime.auth.HttpAuth;
import io.streamforge.store.Stores;
import io.streamforge.store.postgres.PostgresStores;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Standalone queue-manager (a Kubernetes Deployment): {@code JOB_LAUNCHER=kubernetes} (the only
 * mode here) launches every step as a Kubernetes Job. Exit codes: 0 after SIGTERM, 1 when a
 * dependency is unusable at start (exchange, database, Kafka, Kubernetes API), 2 on configuration
 * errors (all listed at once). Variables: see the module README.
 */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);
    public static final int OK = ServiceMain.OK;
    public static final int FAILED = ServiceMain.FAILED;
    private static final long SHUTDOWN_WAIT_MS = 25_000;

    private Main() {}

    public static void main(String[] args) {
        ServiceMain.main(
                "queue-manager",
                SHUTDOWN_WAIT_MS,
                stop -> run(System.getenv(), stop, () -> new KubernetesClientBuilder().build()));
    }

    /** Validates the configuration only: 2 with every problem logged, else 0. */
    public static int check(Map<String, String> env) {
        try {
            StandaloneConfig.read(env);
            return OK;
        } catch (ConfigException e) {
            LOG.error("queue-manager: {}", e.getMessage());
            return ConfigException.EXIT_CODE;
        }
    }

    /** Runs until {@code stop} fires; returns the exit code. */
    public static int run(
            Map<String, String> env, StopSignal stop, Supplier<KubernetesClient> clients) {
        return ServiceMain.run(
                "queue-manager",
                env,
                stop,
                StandaloneConfig::read,
                (c, opened) -> start(c, clients, opened));
    }

    /**
     * The image the launcher would run for {@code target} (WORKER_IMAGE_* or the job template's),
     * the only image a request may name.
     */
    static Optional<String> templateImage(KubernetesJobLauncher launcher, String target) {
        try {
            var spec = new JobSpec("probe", "probe", target, "probe", null, Map.of());
            var containers =
                    launcher.manifest(spec).getSpec().getTemplate().getSpec().getContainers();
            return Optional.ofNullable(
                    containers.stream()
                            .filter(c -> target.equals(c.getName()))
                            .findFirst()
                            .orElse(containers.get(0))
                            .getImage());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Opens everything in dependency order; {@code opened} gets each part to close (LIFO). */
    static QueueManager start(
            StandaloneConfig c, Supplier<KubernetesClient> clients, Deque<AutoCloseable> opened) {
        BinanceRestClient exchange =
                new BinanceRestClient(
                        BinanceClientConfig.defaults(c.binanceBaseUrl())
                                .withRetries(1, 200, 1_000));
        TradingSymbols symbols =
                new TradingSymbols(
                        exchange::tradingSymbols,
                        c.binanceBaseUrl(),
                        c.symbolsRefreshMs(),
                        System::currentTimeMillis);
        LOG.info("{} trading symbols from {}", symbols.size(), c.binanceBaseUrl());
        QueueStore queues = null;
        if (!c.ledgerDb().arango()) { // DB_KIND=postgres: queues in the PostgreSQL of POSTGRES_*
            PostgresStores stores =
                    PostgresStores.open(
                            c.postgresJdbcUrl(), c.postgresUser(), c.postgresPassword());
            opened.push(stores);
            queues = stores.queues();
        }
        Stores ledgerDb = Stores.open(c.ledgerDb(), 2); // DB_KIND: where the connectors write it
        opened.push(ledgerDb);
        CoverageLedger ledger = ledgerDb.coverage();
        if (queues == null) { // DB_KIND=arango: queues in the same ArangoDB database
            queues = ledgerDb.queues();
        }
        KubernetesClient client = clients.get();
        opened.push(client);
        KubernetesJobLauncher launcher = new KubernetesJobLauncher(client, c.launcher());
        opened.push(launcher);
        QueueManager manager =
                new QueueManager(
                        new QueueManager.Settings(
                                c.kafka(),
                                c.httpHost(),
                                c.httpPort(),
                                c.dataTopicPartitions(),
                                Map.of(),
                                c.reconcileGraceMs(),
                                c.limits().readyStaleMs(),
                                c.limits().loopStallMs(),
                                c.limits().sseClientBuffer(),
                                c.limits().sseReplayEvents()),
                        queues,
                        ledger,
                        launcher,
                        symbols,
                        TimeSource.system(),
                        new QueueManager.Access(
                                HttpAuth.forBind(c.oidc(), c.httpHost(), "queue-manager"),
                                target -> templateImage(launcher, target)));
        opened.push(manager);
        return manager;
    }
}
