package io.streamforge.queuemanager;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.streamforge.binance.BinanceClientConfig;
import io.streamforge.binance.BinanceRestClient;
import io.streamforge.domain.port.TimeSource;
import io.streamforge.queuemanager.k8s.KubernetesJobLauncher;
import io.streamforge.queuemanager.k8s.StandaloneConfig;
import io.streamforge.queuemanager.k8s.TradingSymbols;
import io.streamforge.runtime.ConfigException;
import io.streamforge.runtime.StopSignal;
import io.streamforge.store.postgres.PostgresStores;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
    public static final int OK = 0;
    public static final int FAILED = 1;
    private static final long SHUTDOWN_WAIT_MS = 25_000;

    private Main() {}

    public static void main(String[] args) {
        StopSignal stop = new StopSignal();
        CountDownLatch done = new CountDownLatch(1);
        Thread hook =
                new Thread(
                        () -> {
                            stop.stop("SIGTERM");
                            awaitQuietly(done);
                        },
                        "queue-manager-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        int code = run(System.getenv(), stop, () -> new KubernetesClientBuilder().build());
        done.countDown();
        if (!stop.stopped()) {
            System.exit(code);
        }
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
        StandaloneConfig c;
        try {
            c = StandaloneConfig.read(env);
        } catch (ConfigException e) {
            LOG.error("queue-manager: {}", e.getMessage());
            return ConfigException.EXIT_CODE;
        }
        Deque<AutoCloseable> opened = new ArrayDeque<>();
        try {
            start(c, clients, opened);
            LOG.info("queue-manager started: {}", c);
            while (!stop.await(60_000)) {
                // block until SIGTERM
            }
            LOG.info("queue-manager stopping: {}", stop.reason());
            return OK;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FAILED;
        } catch (RuntimeException e) {
            LOG.error("queue-manager cannot start: {}", e.getMessage(), e);
            return FAILED;
        } finally {
            closeAll(opened);
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
        PostgresStores stores =
                PostgresStores.open(c.postgresJdbcUrl(), c.postgresUser(), c.postgresPassword());
        opened.push(stores);
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
                                c.reconcileGraceMs()),
                        stores.queues(),
                        stores.coverage(),
                        launcher,
                        symbols,
                        TimeSource.system());
        opened.push(manager);
        return manager;
    }

    private static void closeAll(Deque<AutoCloseable> opened) {
        while (!opened.isEmpty()) {
            AutoCloseable c = opened.pop();
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("closing {} failed", c.getClass().getSimpleName(), e);
            }
        }
    }

    private static void awaitQuietly(CountDownLatch done) {
        try {
            done.await(SHUTDOWN_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
