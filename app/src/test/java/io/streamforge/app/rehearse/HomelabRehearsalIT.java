package io.streamforge.app.rehearse;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamforge.app.cli.CliRun;
import io.streamforge.domain.Symbol;
import io.streamforge.testkit.KeycloakServer;
import io.streamforge.testkit.OidcLogin;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The homelab rehearsal end to end (ADR 3301): the chart rendered with the homelab values (through
 * {@code streamforge rehearse}, in-process as a user runs it) and with the defaults (through {@link
 * Rehearsal#run}, with a REAL Keycloak — the {@code keycloak-quarkus-dist} zip with {@code
 * deploy/keycloak/streamforge-realm.json} imported — as the OIDC provider; the homelab run uses the
 * command's local issuer). Every Deployment and every Job the queue-manager creates runs as a child
 * JVM from the services' packaged jars with the containers' exact environment, on a real Kafka
 * (SASL_SSL + SCRAM + the rendered KafkaUsers' ACLs for the homelab), a real PostgreSQL (TLS,
 * verify-full for the homelab), S3Proxy and the simulator; the queue-manager is killed with SIGKILL
 * once its Jobs run and replaced; then a live loader-ws pipeline is started through the API and
 * stopped ({@link LiveScenario}); the default run adds graph-builder and gnn-trainer to the
 * backfill and checks the model in S3Proxy ({@link ModelCheck}). Stand-ins, printed by the
 * rehearsal: the fabric8 mock API server for Kubernetes (no cluster can run here) and the in-test
 * ArangoDB fake (homelab; a real one when {@code ARANGO_URL} is set). The homelab run also checks
 * that every Deployment's log records reach the in-process Fluent Forward receiver under {@code
 * internal-<service>-<date>}; both check the dashboards' and rules' metrics against the scrapes.
 * Reduced for CI: 2 symbols × 1 day, 1,440 aggTrades per symbol and day (5,760 records).
 *
 * <p>The services' jars must exist ({@code services/<name>/target}): in the reactor they are
 * packaged before app's integration tests run; a missing one fails the test with the Maven command
 * to run.
 */
class HomelabRehearsalIT {
    private static final Path CHART = Path.of("../deploy/helm/streamforge");
    private static final String UI = "streamforge-ui";

    /**
     * The live pipeline's check: started, records in its topic, stopped, process gone, Job deleted
     * (or ended with a TTL when the worker ended by itself on the stop command).
     */
    private static final String LIVE =
            "live: loader-ws queue \\S+ running, [\\d,]+ records in its topic, stopped ->"
                    + " interrupted, its process gone, Job \\S+"
                    + " (deleted|ended, ttlSecondsAfterFinished=\\d+)";

    @Test
    void theHomelabValuesRunABackfillOnRealSecuredPartsAndEveryWorkloadPasses() {
        String values = CHART.resolve("values-homelab.yaml").toAbsolutePath().toString();
        CliRun run = CliRun.of("rehearse", "--timeout", "240", "--values", values);
        System.out.println(run.out());
        System.err.println(run.err());
        assertThat(run.err()).doesNotContain("packaged jars missing");
        assertThat(run.code()).as(run.out() + run.err()).isZero();
        assertPassed(run.out());
        assertThat(run.out())
                .as("a passed rehearsal deletes its work folder")
                .doesNotContain("Work folder kept");
        assertThat(run.out())
                .contains("deployment/sf-loader-ws-live", "deployment/sf-connector-live")
                .contains("Kafka SASL_SSL + SCRAM-SHA-512")
                .contains("PostgreSQL -> embedded (TLS, verify-full)")
                .contains("ArangoDB -> ")
                .contains("Fluent-bit -> in-process Forward receiver")
                .contains("env FLUENT_PORT")
                .containsPattern("CHECK: logs: [\\d,]+ records in \\d+ indices")
                .containsPattern("CHECK: metrics: \\d+ of \\d+ referenced service metrics seen")
                .containsPattern(
                        "streamforge_connector_records_written_total: seen \\(.*deployment/sf-connector-live")
                .containsPattern(
                        "deployment/sf-queue-manager +queue-manager .*logs: \\d+ ->"
                                + " internal-queue-manager-\\d{4}\\.\\d{2}\\.\\d{2}")
                .containsPattern(
                        "deployment/sf-connector-live .*logs: \\d+ ->"
                                + " internal-arango-connector-\\d{4}\\.\\d{2}\\.\\d{2}")
                // KEDA's stand-in: up by the backlog's lag, back once it drained
                .containsPattern(
                        "KEDA stand-in: sf-connector-live 1 -> 3 \\(lag \\{live.aggTrade=\\d{5},")
                .containsPattern("KEDA stand-in: sf-connector-live [23] -> 1 ")
                .containsPattern(
                        "CHECK: KEDA: sf-connector-live scaled by its group's lag .*backlog [\\d,]+"
                                + " on live.aggTrade")
                .containsPattern(
                        "deployment/sf-connector-live-r[12] \\(KEDA replica\\) +arango-connector +\\d+"
                                + " +ok: started and stopped by KEDA's stand-in")
                // the live Deployments' data: every record on the live topics exactly in the store
                .containsPattern(
                        "CHECK: live data: [\\d,]+ records on live.aggTrade,live.kline_1m \\([1-9][\\d,]*"
                                + " from sf-loader-ws-live, [\\d,]+ backlog\\), exactly in the store of"
                                + " sf-connector-live");
    }

    @Test
    void theDefaultValuesRunABackfillBehindARealKeycloak(@TempDir Path work) throws Exception {
        try (KeycloakServer keycloak =
                KeycloakServer.start(
                        Path.of("../deploy/keycloak/streamforge-realm.json"),
                        "streamforge",
                        Path.of("target"))) {
            Identity identity =
                    new Identity() {
                        @Override
                        public String origin() {
                            return "http://127.0.0.1:" + keycloak.port();
                        }

                        @Override
                        public String token(List<String> roles) {
                            String user = roles.get(0); // the realm has one test user per role
                            try {
                                return OidcLogin.accessToken(
                                        keycloak.issuer("streamforge"),
                                        UI,
                                        "http://127.0.0.1:8081/",
                                        user,
                                        user + "-pass");
                            } catch (IOException e) {
                                throw new IllegalStateException(e);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                throw new IllegalStateException(e);
                            }
                        }
                    };
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            Rehearsal.Result result;
            try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
                result =
                        Rehearsal.run(
                                new Rehearsal.Options(
                                        Path.of("..").toAbsolutePath().normalize(),
                                        null,
                                        work,
                                        List.of(Symbol.of("BTCUSDT"), Symbol.of("ETHUSDT")),
                                        "2024-05-01:2024-05-01",
                                        1440,
                                        Duration.ofSeconds(240),
                                        true,
                                        identity,
                                        true),
                                out);
            }
            String text = bytes.toString(StandardCharsets.UTF_8);
            System.out.println(text);
            assertThat(result.failures()).isEmpty();
            assertThat(result.passed()).as(text).isTrue();
            assertThat(text).contains("Keycloak -> the given OIDC provider");
            assertThat(result.checks()).contains("logs: no log forwarding configured");
            assertThat(result.checks())
                    .anyMatch(c -> c.startsWith("metrics: "))
                    .anyMatch(c -> c.contains("jvm_memory_used_bytes: seen (deployment/"));
            assertThat(result.rows())
                    .extracting(Rehearsal.Row::workload)
                    .contains("deployment/sf-queue-manager", "deployment/sf-visualizer");
            assertThat(result.rows().stream().filter(r -> r.workload().startsWith("job/")))
                    .as("each Job ran once, also across the queue-manager's replacement")
                    .hasSize(6);
            assertThat(result.checks()).anyMatch(c -> c.matches(LIVE));
            assertThat(result.checks())
                    .as("gnn-trainer's model in S3Proxy")
                    .anyMatch(
                            c -> c.matches("model: s3://\\S+/ holds \\d+ files, [\\d,]+ bytes.*"));
        }
    }

    private static void assertPassed(String out) {
        assertThat(out)
                .contains("Rehearsal passed.")
                .contains("Backfill finished: 5,760 records in the store, exactly the simulator's")
                .contains("killed (SIGKILL)")
                .contains("deployment/sf-queue-manager (first pod)")
                .contains("deployment/sf-queue-manager ")
                .contains("deployment/sf-visualizer")
                .containsPattern(
                        "job/\\S+-loader-api-candles +loader-api-candles +\\d+ +ok: exit 0")
                .containsPattern("job/\\S+-loader-api-trades +loader-api-trades +\\d+ +ok: exit 0")
                .containsPattern("job/\\S+-arango-connector +arango-connector +\\d+ +ok: exit 0")
                .containsPattern("job/\\S+-loader-ws +loader-ws +\\d+ +ok: ")
                .containsPattern("CHECK: " + LIVE)
                .doesNotContain("FAILED");
        assertThat(out.lines().filter(l -> l.strip().startsWith("job/")))
                .as("each Job ran once, also across the queue-manager's replacement")
                .hasSize(4);
    }
}
