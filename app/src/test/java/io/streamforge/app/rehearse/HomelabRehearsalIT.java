package io.streamforge.app.rehearse;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamforge.app.cli.CliRun;
import io.streamforge.testkit.KeycloakZip;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The homelab rehearsal end to end (ADR 3301, 3501), both runs through {@code streamforge rehearse}
 * in-process as a user runs it: the chart rendered with the defaults behind a REAL Keycloak ({@code
 * --identity keycloak}: the {@code keycloak-quarkus-dist} zip from the local Maven repository with
 * {@code deploy/keycloak/streamforge-realm.json} imported, tokens by the UI client's code + PKCE;
 * afterwards the work folder with Keycloak's dist and Keycloak's process must be gone) and with the
 * homelab values behind the local issuer ({@code --identity local}: Keycloak's first start costs
 * about a minute and a half, once is enough). Every Deployment and every Job the queue-manager
 * creates runs as a child JVM from the services' packaged jars with the containers' exact
 * environment, on a real Kafka (SASL_SSL + SCRAM + the rendered KafkaUsers' ACLs for the homelab),
 * a real PostgreSQL (TLS, verify-full for the homelab), S3Proxy and the simulator; the
 * queue-manager is killed with SIGKILL once its Jobs run and replaced; then a live loader-ws
 * pipeline is started through the API and stopped ({@link LiveScenario}); the default run adds
 * graph-builder and gnn-trainer to the backfill and checks the model in S3Proxy ({@link
 * ModelCheck}). Stand-ins, printed by the rehearsal: the fabric8 mock API server for Kubernetes (no
 * cluster can run here) and the in-test ArangoDB fake (homelab; a real one when {@code ARANGO_URL}
 * is set). The homelab run also checks that every Deployment's log records reach the in-process
 * Fluent Forward receiver under {@code internal-<service>-<date>}; both check the dashboards' and
 * rules' metrics against the scrapes. Reduced for CI: 2 symbols × 1 day, 1,440 aggTrades per symbol
 * and day (5,760 records).
 *
 * <p>The services' jars must exist ({@code services/<name>/target}): in the reactor they are
 * packaged before app's integration tests run; a missing one fails the test with the Maven command
 * to run.
 */
class HomelabRehearsalIT {
    private static final Path CHART = Path.of("../deploy/helm/streamforge");

    /** Reduced for CI (the command's defaults are 3 symbols × 3 days with analytics). */
    private static final String REDUCED_SYMBOLS = "BTCUSDT,ETHUSDT";

    private static final String REDUCED_DAYS = "2024-05-01:2024-05-01";

    private static final Pattern STARTED =
            Pattern.compile("Starting Keycloak \\S+ from \\S+ in (\\S+)");

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
        CliRun run =
                CliRun.of(
                        "rehearse",
                        "--timeout",
                        "240",
                        "--values",
                        values,
                        "--identity",
                        "local",
                        "--symbols",
                        REDUCED_SYMBOLS,
                        "--range",
                        REDUCED_DAYS,
                        "--no-analytics");
        System.out.println(run.out());
        System.err.println(run.err());
        assertThat(run.err()).doesNotContain("packaged jars missing");
        assertThat(run.out()).doesNotContain("could not delete the work folder");
        assertThat(run.code()).as(run.out() + run.err()).isZero();
        assertPassed(run.out(), 4);
        assertThat(run.out())
                .as("a passed rehearsal deletes its work folder")
                .doesNotContain("Work folder kept");
        assertThat(run.out())
                .contains("Keycloak -> local OIDC issuer (NOT Keycloak)")
                .doesNotContain("Starting Keycloak")
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
    void theDefaultValuesRunABackfillBehindARealKeycloak() {
        KeycloakZip.required(); // skipped locally (failed under CI) without the dist zip
        CliRun run =
                CliRun.with(
                        System.getenv(),
                        "rehearse",
                        "--timeout",
                        "240",
                        "--symbols",
                        REDUCED_SYMBOLS,
                        "--range",
                        REDUCED_DAYS,
                        "--identity",
                        "keycloak");
        System.out.println(run.out());
        System.err.println(run.err());
        assertThat(run.code()).as(run.out() + run.err()).isZero();
        assertPassed(run.out(), 6);
        assertThat(run.out())
                .contains("Starting Keycloak " + KeycloakDist.version())
                .contains(
                        "Keycloak -> real Keycloak "
                                + KeycloakDist.version()
                                + " (realm file ../deploy/keycloak/streamforge-realm.json,"
                                + " realm streamforge; tokens by streamforge-ui's code + PKCE)")
                .contains("NOTE: Identity provider: real Keycloak ")
                .doesNotContain("local OIDC issuer")
                .contains("CHECK: logs: no log forwarding configured")
                .containsPattern("CHECK: metrics: \\d+ of \\d+ referenced service metrics seen")
                .contains("jvm_memory_used_bytes: seen (deployment/")
                .containsPattern("job/\\S+-graph-builder +graph-builder +\\d+ +ok: exit 0")
                .containsPattern("job/\\S+-gnn-trainer +gnn-trainer +\\d+ +ok: exit 0")
                .containsPattern("CHECK: model: s3://\\S+/ holds \\d+ files, [\\d,]+ bytes");
        Matcher started = STARTED.matcher(run.out());
        assertThat(started.find()).as("the start line names Keycloak's folder").isTrue();
        Path home = Path.of(started.group(1));
        assertThat(home.getParent())
                .as("a passed run's work folder, Keycloak's dist and log in it, is deleted")
                .doesNotExist();
        assertThat(ProcessHandle.allProcesses())
                .as("no Keycloak process of the run is left")
                .noneMatch(
                        p ->
                                p.info().commandLine().orElse("").contains(home.toString())
                                        && p.isAlive());
    }

    private static void assertPassed(String out, int jobs) {
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
                .hasSize(jobs);
    }
}
