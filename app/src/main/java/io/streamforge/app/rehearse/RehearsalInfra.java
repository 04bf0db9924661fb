package io.streamforge.app.rehearse;

import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.streamforge.domain.Symbol;
import io.streamforge.embedded.EmbeddedKafkaBroker;
import io.streamforge.embedded.EmbeddedPostgresServer;
import io.streamforge.embedded.EmbeddedS3;
import io.streamforge.embedded.KafkaSecurity;
import io.streamforge.embedded.Passwords;
import io.streamforge.embedded.ThrowawayCa;
import io.streamforge.sim.ExchangeSimulator;
import io.streamforge.sim.SimConfig;
import io.streamforge.store.arango.FakeArangoServer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.acl.AclBinding;

/**
 * The real parts the rendered manifests point at, started on loopback with the homelab's security
 * when the chart asks for it, and the {@link HostMap} to them. Which parts and which security come
 * from the rendered containers' environment ({@link ChartEnv}), never from a second statement of
 * the values. Kafka and PostgreSQL are real in-process servers, S3 is S3Proxy, the exchange is the
 * simulator; ArangoDB is the real one when {@code ARANGO_URL} is set here, else the in-test fake;
 * Keycloak is the given {@link Identity} (the command's real Keycloak), else {@link LocalIssuer};
 * Kubernetes' API by the fabric8 mock server.
 */
final class RehearsalInfra implements AutoCloseable, Pods.Secrets {
    static final String KAFKA_ADMIN = "streamforge-admin";

    /** The mock API server logs every request at INFO (java.util.logging): kept off the output. */
    private static final java.util.logging.Logger MOCK_SERVER_LOG =
            java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

    private final Deque<AutoCloseable> opened = new ArrayDeque<>();
    private final HostMap hosts = new HostMap();
    private final Map<String, String> kafkaPasswords = new HashMap<>();
    private final Map<String, String> files = new LinkedHashMap<>();
    private final List<String> notes = new java.util.ArrayList<>();
    private ExchangeSimulator sim;
    private Identity issuer;
    private ForwardReceiver logs;
    private KubernetesMockServer k8s;
    private EmbeddedKafkaBroker kafka;
    private String kafkaUserPrefix = "streamforge-";

    /** Starts every part {@code env} needs; on a failure the parts started so far are closed. */
    static RehearsalInfra start(
            ChartEnv env,
            RenderedChart chart,
            Path dir,
            List<Symbol> symbols,
            int aggTradesPerDay,
            Identity identity) {
        RehearsalInfra infra = new RehearsalInfra();
        infra.issuer = identity;
        try {
            infra.startAll(env, chart, dir, symbols, aggTradesPerDay);
            return infra;
        } catch (RuntimeException | IOException e) {
            infra.close();
            throw e instanceof RuntimeException re ? re : new UncheckedIOException((IOException) e);
        }
    }

    private void startAll(
            ChartEnv env, RenderedChart chart, Path dir, List<Symbol> symbols, int aggTradesPerDay)
            throws IOException {
        ThrowawayCa ca = ThrowawayCa.create(dir.resolve("tls"));
        String caPem = Files.readString(ca.caFile());
        files.put("kafka-ca.crt", caPem);
        files.put("postgres-ca.crt", caPem);
        startKafka(env, chart, dir, ca);
        startPostgres(env, dir, ca);
        startS3(env, dir);
        startArango(env);
        sim =
                track(
                        ExchangeSimulator.start(
                                SimConfig.defaults()
                                        .withSymbols(simulatedSymbols(env, symbols))
                                        .withAggTradesPerDay(aggTradesPerDay)
                                        .withPort(0)));
        hosts.add(
                env.first("BINANCE_BASE_URL", "https://api.binance.com"),
                sim.baseUrl(),
                "Binance REST -> exchange simulator");
        hosts.add(
                env.first("BINANCE_WS_URL", "wss://stream.binance.com:9443"),
                sim.wsBaseUrl(),
                "Binance WebSocket -> exchange simulator");
        startIssuer(env);
        String fluent = env.first("FLUENT_HOST", "");
        if (!fluent.isEmpty()) {
            logs = track(ForwardReceiver.start());
            hosts.add(fluent, "127.0.0.1", "Fluent-bit -> in-process Forward receiver");
            hosts.setVariable(
                    "FLUENT_PORT",
                    String.valueOf(logs.port()),
                    "Fluent-bit's Forward port -> the receiver's");
        }
        MOCK_SERVER_LOG.setLevel(java.util.logging.Level.WARNING);
        k8s = KubeStandIns.apiServer();
        opened.push(k8s::destroy);
        hosts.add(
                "kubernetes.default.svc",
                URI.create(k8s.url("/")).getAuthority(),
                "Kubernetes API -> fabric8 mock server (CRUD)");
    }

    /**
     * The rehearsal's symbols and every symbol a rendered container names in {@code SYMBOLS} (the
     * live loader's): Binance knows them all, and the simulator refuses a subscription that names
     * one it does not serve.
     */
    static List<Symbol> simulatedSymbols(ChartEnv env, List<Symbol> symbols) {
        java.util.Set<Symbol> all = new java.util.LinkedHashSet<>(symbols);
        for (String csv : env.values("SYMBOLS")) {
            for (String s : csv.split(",")) {
                if (!s.isBlank()) {
                    all.add(Symbol.of(s.strip()));
                }
            }
        }
        return List.copyOf(all);
    }

    private void startKafka(ChartEnv env, RenderedChart chart, Path dir, ThrowawayCa ca) {
        boolean secured = "SASL_SSL".equals(env.first("KAFKA_SECURITY_PROTOCOL", "PLAINTEXT"));
        if (secured) {
            String admin = Passwords.random();
            kafka =
                    track(
                            EmbeddedKafkaBroker.startSecured(
                                    dir.resolve("kafka"),
                                    new KafkaSecurity(
                                            ca.issueLocalhost("kafka"),
                                            ca.caFile(),
                                            KAFKA_ADMIN,
                                            admin)));
            Map<String, List<AclBinding>> users = chart.kafkaUsers();
            users.forEach(
                    (user, acls) -> {
                        String password = Passwords.random();
                        kafka.users().createScramUser(user, password);
                        kafkaPasswords.put(user, password);
                        kafka.users().addAcls(acls);
                    });
            notes.add(
                    "Kafka SASL_SSL + SCRAM-SHA-512: "
                            + users.size()
                            + " KafkaUsers with their ACLs");
        } else {
            kafka = track(EmbeddedKafkaBroker.start(dir.resolve("kafka")));
        }
        chart.kafkaTopics().forEach(kafka::createTopic);
        for (String server : env.first("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092").split(",")) {
            hosts.add(
                    server.strip(),
                    kafka.bootstrapServers(),
                    "Kafka -> in-process broker" + (secured ? " (SASL_SSL)" : ""));
        }
        kafkaUserPrefix = env.kafkaUserPrefix();
    }

    private void startPostgres(ChartEnv env, Path dir, ThrowawayCa ca) {
        String url = env.first("POSTGRES_JDBC_URL", null);
        if (url == null) {
            return;
        }
        URI uri = URI.create(url.substring("jdbc:".length()));
        String mode = env.first("POSTGRES_SSL_MODE", "");
        boolean tls = !mode.isEmpty() && !mode.equals("disable");
        EmbeddedPostgresServer pg =
                track(
                        tls
                                ? EmbeddedPostgresServer.start(
                                        dir.resolve("pg"), ca.issueLocalhost("postgres"))
                                : EmbeddedPostgresServer.start(dir.resolve("pg")));
        String user = env.first("POSTGRES_USER", "postgres");
        String password = Passwords.random();
        String db = uri.getPath().substring(1);
        try (Connection c = pg.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE ROLE \"" + user + "\" LOGIN PASSWORD '" + password + "'");
            s.execute("CREATE DATABASE \"" + db + "\" OWNER \"" + user + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the chart's database user " + user, e);
        }
        files.put("postgres-password", password);
        hosts.add(
                uri.getAuthority(),
                "localhost:" + pg.port(),
                "PostgreSQL -> embedded" + (tls ? " (TLS, " + mode + ")" : ""));
    }

    private void startS3(ChartEnv env, Path dir) {
        String endpoint = env.first("S3_ENDPOINT", null);
        if (endpoint == null) {
            return;
        }
        EmbeddedS3 s3 = track(EmbeddedS3.start(dir.resolve("s3")));
        files.put("s3-access-key", s3.accessKey());
        files.put("s3-secret-key", s3.secretKey());
        hosts.add(endpoint, s3.endpoint().toString().replaceAll("/$", ""), "S3 (MinIO) -> S3Proxy");
    }

    private void startArango(ChartEnv env) throws IOException {
        String url = env.first("ARANGO_URL", null);
        if (url == null || !env.values("DB_KIND").contains("arango")) {
            return;
        }
        String real = System.getenv("ARANGO_URL");
        if (real != null && !real.isBlank()) {
            files.put("arango-password", System.getenv().getOrDefault("ARANGO_PASSWORD", ""));
            hosts.add(url, real, "ArangoDB -> the real one (ARANGO_URL)");
            return;
        }
        String password = Passwords.random();
        FakeArangoServer fake =
                track(new FakeArangoServer(env.first("ARANGO_USER", "root"), password));
        files.put("arango-password", password);
        hosts.add(url, fake.url(), "ArangoDB -> THE FAKE (set ARANGO_URL for a real one)");
        notes.add(
                "ArangoDB is the in-test FAKE (FakeArangoServer): set ARANGO_URL (+ ARANGO_PASSWORD) to use a real one");
    }

    private void startIssuer(ChartEnv env) throws IOException {
        String url = env.first("OIDC_ISSUER_URL", "");
        if (url.isEmpty()) {
            return;
        }
        URI uri = URI.create(url);
        String from = uri.getScheme() + "://" + uri.getAuthority();
        if (issuer != null) {
            hosts.add(from, issuer.origin(), "Keycloak -> " + issuer.description());
            notes.add("Identity provider: " + issuer.description());
            return;
        }
        LocalIssuer local =
                track(
                        new LocalIssuer(
                                uri.getPath(), env.first("OIDC_AUDIENCE", "streamforge-api")));
        issuer = local;
        hosts.add(from, local.origin(), "Keycloak -> local OIDC issuer (NOT Keycloak)");
        notes.add(
                "Keycloak's place is taken by a local OIDC issuer (same token shape and JWKS checks)");
    }

    private <T extends AutoCloseable> T track(T closeable) {
        opened.push(closeable);
        return closeable;
    }

    @Override
    public String content(String service, String file) {
        if (file.equals("kafka-password")) {
            return kafkaPasswords.get(kafkaUserPrefix + service);
        }
        return files.get(file);
    }

    HostMap hosts() {
        return hosts;
    }

    ExchangeSimulator simulator() {
        return sim;
    }

    /** A token with these realm roles, or null when the chart sets no issuer. */
    String token(List<String> roles) {
        return issuer == null ? null : issuer.token(roles);
    }

    /** Fluent-bit's stand-in, or null when the chart sets no {@code FLUENT_HOST}. */
    ForwardReceiver logs() {
        return logs;
    }

    KubernetesMockServer kubernetes() {
        return k8s;
    }

    EmbeddedKafkaBroker kafka() {
        return kafka;
    }

    /** The service-account environment of a pod that mounts its token (the queue-manager). */
    Map<String, String> serviceAccountEnv() {
        return Map.of(
                "KUBERNETES_MASTER",
                k8s.url("/"),
                "KUBERNETES_AUTH_TRYKUBECONFIG",
                "false",
                "KUBERNETES_AUTH_TRYSERVICEACCOUNT",
                "false",
                "KUBERNETES_NAMESPACE",
                RenderedChart.NAMESPACE);
    }

    void printNotes(PrintStream out) {
        notes.forEach(n -> out.println("NOTE: " + n));
    }

    List<String> notes() {
        return List.copyOf(notes);
    }

    @Override
    public void close() {
        while (!opened.isEmpty()) {
            try {
                opened.pop().close();
            } catch (Exception e) {
                // keep closing the rest
            }
        }
    }
}
