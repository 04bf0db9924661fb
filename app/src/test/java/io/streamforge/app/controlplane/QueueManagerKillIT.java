package io.streamforge.app.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.streamforge.app.ApiClient;
import io.streamforge.app.WorkerEntries;
import io.streamforge.app.rehearse.KubeStandIns;
import io.streamforge.domain.port.MarketDataStore;
import io.streamforge.embedded.EmbeddedKafkaBroker;
import io.streamforge.embedded.EmbeddedPostgresServer;
import io.streamforge.sim.ExchangeSimulator;
import io.streamforge.sim.SimConfig;
import io.streamforge.store.postgres.PostgresStores;
import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The queue-manager survives a real crash: its own {@code main} ({@code
 * io.streamforge.queuemanager.Main}, configured by environment variables as in the chart) runs in a
 * child JVM and is killed with SIGKILL while a 5-symbol pipeline loads; a new one on the same store
 * adopts the running Jobs and the pipeline finishes with exactly the simulator's records. Kafka,
 * PostgreSQL and the simulator are real; Kubernetes is the fabric8 mock API server in CRUD mode (no
 * API server can run here) with {@link MockKubelet} running each Job's worker in this JVM — so the
 * workers outlive the killed manager, as pods would. No Job is created or run twice.
 */
class QueueManagerKillIT {
    private static final FiveSymbolLoad LOAD = new FiveSymbolLoad("2024-05-01:2024-05-03");
    private static final String NS = "streamforge";

    @TempDir Path dir;

    @Test
    void killedWithSigkillMidLoadAndReplacedTheQueueManagerFinishesThePipelineExactly()
            throws Exception {
        KubernetesMockServer k8s = KubeStandIns.apiServer();
        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(dir.resolve("kafka"));
                EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(dir.resolve("pg"));
                ExchangeSimulator sim =
                        ExchangeSimulator.start(
                                SimConfig.defaults()
                                        .withSymbols(FiveSymbolLoad.SYMBOLS)
                                        .withPort(0));
                PostgresStores stores =
                        PostgresStores.open(pg.jdbcUrl(), pg.user(), pg.password());
                KubernetesClient client = k8s.createClient();
                MockKubelet kubelet =
                        new MockKubelet(
                                client, NS, workerEnv(kafka, pg, sim), WorkerEntries.all())) {
            Map<String, String> env = managerEnv(kafka, pg, sim, k8s);
            Manager first = startManager(env, "first");
            var created = first.api().post("/queues/start-pipeline", LOAD.pipeline());
            assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
            String queueId = created.body().get("queue_id").asText();

            long expected = LOAD.expected(sim.model());
            MarketDataStore store = stores.marketData();
            Await.until(
                    () -> FiveSymbolLoad.stored(store) >= expected / 10,
                    Await.LONG,
                    "part of the load");
            first.process().destroyForcibly(); // SIGKILL: no shutdown hook, no commit, no close
            assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
            long partial = FiveSymbolLoad.stored(store);
            System.out.printf(
                    "queue-manager JVM killed with %,d of %,d records stored%n", partial, expected);
            assertThat(partial).as("killed mid-load").isBetween(1L, expected - 1);

            long restartNs = System.nanoTime();
            Manager second = startManager(env, "second");
            try {
                var end = Await.status(second.api(), queueId, "finished", Await.LONG);
                System.out.printf(
                        "pipeline finished %.1f s after the replacement queue-manager was started%n",
                        (System.nanoTime() - restartNs) / 1e9);
                assertThat(end.get("steps"))
                        .allMatch(s -> s.get("status").asText().equals("finished"));
            } finally {
                second.process().destroy();
                second.process().waitFor(30, TimeUnit.SECONDS);
            }
            LOAD.assertExactly(store, sim.model());
            assertThat(client.batch().v1().jobs().inNamespace(NS).list().getItems()).hasSize(3);
            assertThat(kubelet.runs()).hasSize(3).allSatisfy((job, n) -> assertThat(n).isOne());
        } finally {
            k8s.destroy();
        }
    }

    /** What a pod gets from the chart besides its step env: Kafka, database, exchange. */
    private Map<String, String> workerEnv(
            EmbeddedKafkaBroker kafka, EmbeddedPostgresServer pg, ExchangeSimulator sim)
            throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("POSTGRES_JDBC_URL", pg.jdbcUrl());
        env.put("POSTGRES_USER", pg.user());
        env.put("POSTGRES_PASSWORD_FILE", passwordFile(pg));
        env.put("BINANCE_BASE_URL", sim.baseUrl());
        env.put("HTTP_HOST", "127.0.0.1");
        return env;
    }

    private Map<String, String> managerEnv(
            EmbeddedKafkaBroker kafka,
            EmbeddedPostgresServer pg,
            ExchangeSimulator sim,
            KubernetesMockServer k8s)
            throws Exception {
        Map<String, String> env = workerEnv(kafka, pg, sim);
        env.put("K8S_NAMESPACE", NS);
        env.put("KUBERNETES_MASTER", k8s.url("/"));
        env.put("KUBERNETES_AUTH_TRYKUBECONFIG", "false");
        env.put("KUBERNETES_AUTH_TRYSERVICEACCOUNT", "false");
        env.put("KUBERNETES_NAMESPACE", NS);
        for (String t : List.of("LOADER_API_CANDLES", "LOADER_API_TRADES", "ARANGO_CONNECTOR")) {
            env.put("WORKER_IMAGE_" + t, "streamforge/" + t.toLowerCase() + ":test");
        }
        return env;
    }

    private String passwordFile(EmbeddedPostgresServer pg) throws Exception {
        Path f = dir.resolve("pg-password");
        if (!Files.exists(f)) {
            Files.writeString(f, pg.password() == null ? "" : pg.password());
        }
        return f.toString();
    }

    /** A queue-manager child JVM and the client of its API. */
    private record Manager(Process process, ApiClient api) {}

    /** The queue-manager's own main in a child JVM on a fresh port, with this class path. */
    private static Manager startManager(Map<String, String> env, String name) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb =
                new ProcessBuilder(
                        java,
                        "-Xmx384m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "io.streamforge.queuemanager.Main");
        pb.environment().putAll(env);
        pb.environment().put("HTTP_PORT", String.valueOf(port));
        File log = new File("target/queue-manager-kill-" + name + ".log");
        pb.redirectErrorStream(true).redirectOutput(log);
        Process p = pb.start();
        ApiClient api = new ApiClient("http://127.0.0.1:" + port);
        Await.until(
                () -> {
                    assertThat(p.isAlive()).as("queue-manager exited early, see " + log).isTrue();
                    try {
                        return api.get("/health/ready").status() == 200;
                    } catch (RuntimeException e) {
                        return false; // not listening yet
                    }
                },
                Duration.ofMinutes(2),
                "queue-manager " + name + " ready");
        return new Manager(p, api);
    }
}
