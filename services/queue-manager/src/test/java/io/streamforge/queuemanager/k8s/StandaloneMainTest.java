package io.streamforge.queuemanager.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.streamforge.domain.Symbol;
import io.streamforge.queuemanager.Main;
import io.streamforge.runtime.ConfigException;
import io.streamforge.runtime.StopSignal;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone entry point's configuration and start-up failures (no cluster needed). */
class StandaloneMainTest {
    @TempDir Path dir;

    private final AtomicInteger clientsRequested = new AtomicInteger();
    private final Supplier<KubernetesClient> clients =
            () -> {
                clientsRequested.incrementAndGet();
                throw new IllegalStateException("no cluster in this test");
            };

    private Map<String, String> validEnv() throws IOException {
        Path pw = Files.writeString(dir.resolve("postgres-password"), "s3cr3t\n");
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092");
        env.put("POSTGRES_JDBC_URL", "jdbc:postgresql://localhost:5432/streamforge");
        env.put("POSTGRES_USER", "streamforge");
        env.put("POSTGRES_PASSWORD_FILE", pw.toString());
        env.put("K8S_NAMESPACE", "streamforge");
        env.put("WORKER_TEMPLATE_DIR", dir.toString());
        env.put("WORKER_SERVICE_ACCOUNT", "sf-worker");
        env.put("WORKER_IMAGE_LOADER_API_CANDLES", "reg/loader-api-candles:0.1.0");
        env.put("WORKER_IMAGE_GNN_TRAINER", "reg/gnn-trainer:0.1.0");
        env.put("OIDC_ISSUER_URL", "https://keycloak.example/realms/streamforge");
        env.put("OIDC_AUDIENCE", "streamforge-api");
        return env;
    }

    @Test
    void aPublicBindWithoutAnIssuerRefusesToStart() throws IOException {
        Map<String, String> env = validEnv();
        env.remove("OIDC_ISSUER_URL");
        assertThatThrownBy(() -> StandaloneConfig.read(env))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(
                        "OIDC_ISSUER_URL is required when HTTP_HOST (0.0.0.0) is not a loopback");
        assertThat(Main.check(env)).isEqualTo(2);
        env.put("HTTP_HOST", "127.0.0.1");
        assertThat(StandaloneConfig.read(env).oidc().enabled()).isFalse();
        env.put("OIDC_ISSUER_URL", "https://keycloak.example/realms/streamforge");
        assertThat(StandaloneConfig.read(env).toString())
                .contains("oidc=https://keycloak.example/realms/streamforge aud=streamforge-api");
    }

    @Test
    void anImageVariableMustNameAStepTargetOfTheRegistry() throws IOException {
        Map<String, String> env = validEnv();
        env.put("WORKER_IMAGE_LOADER_API_CANDLE", "reg/typo:1"); // missing S
        env.put("WORKER_IMAGE_QUEUE_MANAGER", "reg/qm:1"); // a service, but no step target
        assertThatThrownBy(() -> StandaloneConfig.read(env))
                .hasMessageContaining(
                        "invalid WORKER_IMAGE_LOADER_API_CANDLE: loader-api-candle is no step target")
                .hasMessageContaining(
                        "invalid WORKER_IMAGE_QUEUE_MANAGER: queue-manager is no step target");
        env.remove("WORKER_IMAGE_LOADER_API_CANDLE");
        env.remove("WORKER_IMAGE_QUEUE_MANAGER");
        env.put("WORKER_IMAGE_VISUALIZER", "reg/visualizer:1");
        assertThat(StandaloneConfig.read(env).launcher().images())
                .containsEntry("visualizer", "reg/visualizer:1");
    }

    @Test
    void aVariableTheRegistryDoesNotDeclareCannotBeReadByTheQueueManager() throws IOException {
        io.streamforge.runtime.ConfigReader r =
                io.streamforge.runtime.ConfigReader.forService("queue-manager", validEnv());
        StandaloneConfig.read(r, validEnv());
        assertThat(r.contractProblems()).isEmpty();
        r.optional("QUEUE_MANAGER_SECRET_MODE", null);
        assertThat(r.contractProblems())
                .containsExactly(
                        "QUEUE_MANAGER_SECRET_MODE is read by queue-manager but not declared in its"
                                + " descriptor (libs/registry ServiceRegistry)");
    }

    @Test
    void validConfigurationIsReadWithDefaults() throws IOException {
        StandaloneConfig c = StandaloneConfig.read(validEnv());

        assertThat(c.httpPort()).isEqualTo(8080);
        assertThat(c.postgresPassword()).isEqualTo("s3cr3t");
        assertThat(c.toString()).doesNotContain("s3cr3t");
        assertThat(c.binanceBaseUrl()).isEqualTo("https://api.binance.com");
        assertThat(c.launcher().namespace()).isEqualTo("streamforge");
        assertThat(c.launcher().templateDir()).isEqualTo(dir);
        assertThat(c.launcher().serviceAccount()).isEqualTo("sf-worker");
        assertThat(c.launcher().stopGraceMs()).isEqualTo(30_000);
        assertThat(c.launcher().images())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(
                                "loader-api-candles", "reg/loader-api-candles:0.1.0",
                                "gnn-trainer", "reg/gnn-trainer:0.1.0"));
        assertThat(Main.check(validEnv())).isZero();
    }

    @Test
    void everyProblemIsListedAtOnceAndRunExitsTwoWithoutTouchingTheCluster() {
        Map<String, String> env = new HashMap<>();
        env.put("JOB_LAUNCHER", "local");
        env.put("HTTP_PORT", "99999");
        env.put("WORKER_TEMPLATE_DIR", dir.resolve("missing").toString());
        env.put("WORKER_STOP_GRACE_MS", "soon");
        env.put("WORKER_BACKOFF_LIMIT", "-1");
        env.put("BINANCE_BASE_URL", "ftp://example");

        assertThatThrownBy(() -> StandaloneConfig.read(env))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e ->
                                assertThat(String.join("\n", e.problems()))
                                        .contains("invalid JOB_LAUNCHER: 'local'")
                                        .contains("missing KAFKA_BOOTSTRAP_SERVERS")
                                        .contains("missing POSTGRES_JDBC_URL")
                                        .contains("missing POSTGRES_USER")
                                        .contains("missing POSTGRES_PASSWORD_FILE")
                                        .contains("missing K8S_NAMESPACE")
                                        .contains("invalid HTTP_PORT")
                                        .contains("invalid WORKER_TEMPLATE_DIR")
                                        .contains("invalid WORKER_STOP_GRACE_MS")
                                        .contains("invalid WORKER_BACKOFF_LIMIT")
                                        .contains("invalid BINANCE_BASE_URL"));
        assertThat(Main.run(env, new StopSignal(), clients)).isEqualTo(ConfigException.EXIT_CODE);
        assertThat(Main.check(env)).isEqualTo(2);
        assertThat(clientsRequested).hasValue(0);
    }

    @Test
    void theCoverageLedgerAndTheQueuesFollowDbKind() throws IOException {
        assertThat(StandaloneConfig.read(validEnv()).ledgerDb().arango()).isFalse();
        Map<String, String> env = validEnv();
        env.put("DB_KIND", "arango");
        assertThatThrownBy(() -> StandaloneConfig.read(env))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems()).contains("missing ARANGO_URL"));
        env.put("ARANGO_URL", "http://arangodb.arangodb:8529");
        StandaloneConfig c = StandaloneConfig.read(env);
        assertThat(c.ledgerDb().arango()).isTrue();
        assertThat(c.ledgerDb().arangoDb()).isEqualTo("streamforge");
        assertThat(c.postgresJdbcUrl()).as("queues in ArangoDB, no PostgreSQL").isNull();
        assertThat(c.toString())
                .contains("queues=arango")
                .contains("coverage ledger=http://arangodb.arangodb:8529/streamforge");
        env.remove("POSTGRES_JDBC_URL");
        env.remove("POSTGRES_USER");
        env.remove("POSTGRES_PASSWORD_FILE");
        assertThat(StandaloneConfig.read(env).ledgerDb().arango())
                .as("POSTGRES_* are not needed on ArangoDB")
                .isTrue();
        assertThat(StandaloneConfig.read(validEnv()).toString())
                .contains("queues=jdbc:postgresql://localhost:5432/streamforge");
        env.put("DB_KIND", "mongo");
        assertThatThrownBy(() -> StandaloneConfig.read(env))
                .hasMessageContaining("invalid DB_KIND: 'mongo'");
    }

    @Test
    void unreadablePasswordFileIsAConfigError() throws IOException {
        Map<String, String> env = validEnv();
        env.put("POSTGRES_PASSWORD_FILE", dir.resolve("nope").toString());

        assertThat(Main.run(env, new StopSignal(), clients)).isEqualTo(2);
    }

    @Test
    void unreachableExchangeFailsTheStartBeforeAnythingElseOpens() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Map<String, String> env = validEnv();
        env.put("BINANCE_BASE_URL", "http://127.0.0.1:" + closedPort);

        assertThat(Main.run(env, new StopSignal(), clients)).isEqualTo(Main.FAILED);
        assertThat(clientsRequested).hasValue(0);
    }

    @Test
    void tradingSymbolsAreCachedAndReloadedOnAMissOnlyWhenStale() {
        AtomicLong now = new AtomicLong(0);
        AtomicInteger loads = new AtomicInteger();
        Set<Symbol> first = Set.of(Symbol.of("BTCUSDT"));
        TradingSymbols symbols =
                new TradingSymbols(
                        () ->
                                loads.incrementAndGet() == 1
                                        ? first
                                        : Set.of(Symbol.of("BTCUSDT"), Symbol.of("NEWUSDT")),
                        "test",
                        1_000,
                        now::get);

        assertThat(symbols.test(Symbol.of("BTCUSDT"))).isTrue();
        assertThat(symbols.test(Symbol.of("NEWUSDT"))).as("fresh cache, no reload").isFalse();
        assertThat(loads).hasValue(1);
        now.set(1_000);
        assertThat(symbols.test(Symbol.of("NEWUSDT"))).as("stale: reloaded").isTrue();
        assertThat(loads).hasValue(2);
    }

    @Test
    void failedReloadKeepsTheCacheAndFailedFirstLoadNamesTheSource() {
        AtomicLong now = new AtomicLong(0);
        AtomicInteger loads = new AtomicInteger();
        TradingSymbols symbols =
                new TradingSymbols(
                        () -> {
                            if (loads.incrementAndGet() > 1) {
                                throw new IllegalStateException("down");
                            }
                            return Set.of(Symbol.of("ETHUSDT"));
                        },
                        "test",
                        10,
                        now::get);
        now.set(100);
        assertThat(symbols.test(Symbol.of("XRPUSDT"))).isFalse();
        assertThat(symbols.test(Symbol.of("ETHUSDT"))).isTrue();

        assertThatThrownBy(
                        () ->
                                new TradingSymbols(
                                        () -> {
                                            throw new IllegalStateException("connection refused");
                                        },
                                        "http://exchange:1",
                                        10,
                                        now::get))
                .hasMessageContaining("http://exchange:1")
                .hasMessageContaining("connection refused");
    }
}
