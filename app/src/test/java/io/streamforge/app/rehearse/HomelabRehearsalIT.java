package io.streamforge.app.rehearse;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamforge.app.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code streamforge rehearse} end to end (ADR 3301), in-process as a user runs it: the chart
 * rendered with the homelab values and with the defaults, every Deployment and every Job the
 * queue-manager creates run as child JVMs from the services' packaged jars with the containers'
 * exact environment, on a real Kafka (SASL_SSL + SCRAM + the rendered KafkaUsers' ACLs for the
 * homelab), a real PostgreSQL (TLS, verify-full for the homelab), S3Proxy and the simulator.
 * Stand-ins, printed by the command: the fabric8 mock API server for Kubernetes (no cluster can run
 * here), the in-test ArangoDB fake (homelab; a real one when {@code ARANGO_URL} is set), a local
 * OIDC issuer for Keycloak. Reduced for CI: 2 symbols × 1 day, 1,440 aggTrades per symbol and day
 * (5,760 records).
 *
 * <p>The services' jars must exist ({@code services/<name>/target}): in the reactor they are
 * packaged before app's integration tests run; a missing one fails the test with the Maven command
 * to run.
 */
class HomelabRehearsalIT {
    private static final Path CHART = Path.of("../deploy/helm/streamforge");

    @ParameterizedTest
    @ValueSource(strings = {"values-homelab.yaml", "default"})
    void theRenderedChartRunsABackfillOnRealPartsAndEveryWorkloadPasses(String values) {
        String[] args =
                values.equals("default")
                        ? new String[] {"rehearse", "--timeout", "240"}
                        : new String[] {
                            "rehearse",
                            "--timeout",
                            "240",
                            "--values",
                            CHART.resolve(values).toAbsolutePath().toString()
                        };
        assertThat(Files.isDirectory(CHART)).as("chart at " + CHART.toAbsolutePath()).isTrue();
        CliRun run = CliRun.of(args);
        System.out.println(run.out());
        System.err.println(run.err());
        assertThat(run.err())
                .as("no missing build, no usage error")
                .doesNotContain("packaged jars missing");
        assertThat(run.code()).as(run.out() + run.err()).isZero();
        assertThat(run.out())
                .contains("Rehearsal passed.")
                .contains("Backfill finished: 5,760 records in the store, exactly the simulator's")
                .contains("deployment/sf-queue-manager")
                .contains("deployment/sf-visualizer")
                .containsPattern(
                        "job/\\S+-loader-api-candles +loader-api-candles +\\d+ +ok: exit 0")
                .containsPattern("job/\\S+-loader-api-trades +loader-api-trades +\\d+ +ok: exit 0")
                .containsPattern("job/\\S+-arango-connector +arango-connector +\\d+ +ok: exit 0")
                .doesNotContain("FAILED");
        if (!values.equals("default")) {
            assertThat(run.out())
                    .contains("deployment/sf-loader-ws-live", "deployment/sf-connector-live")
                    .contains("Kafka SASL_SSL + SCRAM-SHA-512")
                    .contains("PostgreSQL -> embedded (TLS, verify-full)");
        }
    }
}
