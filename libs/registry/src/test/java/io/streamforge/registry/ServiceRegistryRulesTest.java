package io.streamforge.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamforge.registry.EnvVar.Need;
import io.streamforge.registry.ServiceDescriptor.Kind;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules a descriptor obeys, and the registry's own consistency. */
class ServiceRegistryRulesTest {
    private static final List<EnvVar> ENV = List.of(EnvVar.optional("POLL_MS", "500"));

    @Test
    void aStepParamMustSetAVariableTheServiceReads() {
        StepParam p = StepParam.integer("max_poll_records", 1, 10, "records per poll");
        assertThatThrownBy(
                        () -> new ServiceDescriptor("x", Kind.JOB, ENV, Map.of(), true, List.of(p)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "x: step param max_poll_records sets MAX_POLL_RECORDS, which the service"
                                + " does not read");
    }

    @Test
    void onlyAStepTargetTakesStepParams() {
        StepParam p = StepParam.integer("poll_ms", 1, 10, "poll");
        assertThatThrownBy(
                        () ->
                                new ServiceDescriptor(
                                        "x", Kind.DEPLOYMENT, ENV, Map.of(), false, List.of(p)))
                .hasMessage("x: step params but no step target");
        assertThat(
                        new ServiceDescriptor("x", Kind.JOB, ENV, Map.of(), true, List.of(p))
                                .stepParam("poll_ms"))
                .contains(p);
    }

    @Test
    void badStepParamDeclarationsAreRefusedWithTheirName() {
        assertThatThrownBy(() -> StepParam.integer("PollMs", 1, 2, "d"))
                .hasMessage("step param 'PollMs': lower_snake_case");
        assertThatThrownBy(() -> StepParam.integer("poll_ms", 3, 2, "d"))
                .hasMessage("step param poll_ms: min > max");
        assertThatThrownBy(() -> StepParam.oneOf("mode", List.of(), "d"))
                .hasMessage("step param mode: an ENUM needs values");
        assertThatThrownBy(
                        () ->
                                new StepParam(
                                        "rule", StepParam.Type.STRING, 0, 0, List.of(), null, "d"))
                .hasMessage("step param rule: a STRING needs a pattern");
        assertThat(StepParam.text("graph_rule", "mst", "d").envName()).isEqualTo("GRAPH_RULE");
    }

    @Test
    void conditionsAreWellFormed() {
        assertThatThrownBy(() -> new EnvVar("A", Need.REQUIRED_WHEN, null, null))
                .hasMessage("A: REQUIRED_WHEN needs when=VAR=value");
        assertThatThrownBy(() -> new EnvVar("A", Need.OPTIONAL, null, "B=c"))
                .hasMessage("A: when=VAR=value only with REQUIRED_WHEN or LAUNCH");
        assertThat(EnvVar.optional("WORKER_IMAGE_*", null).matches("WORKER_IMAGE_GNN_TRAINER"))
                .isTrue();
        assertThat(EnvVar.optional("WORKER_IMAGE_*", null).matches("WORKER_IMAGES")).isFalse();
        assertThat(EnvVar.optional("POSTGRES_PASSWORD_FILE", null).secretFile()).isTrue();
    }

    @Test
    void targetsAreEveryJobAndTheVisualizerButNotTheQueueManager() {
        assertThat(ServiceRegistry.targets())
                .extracting(ServiceDescriptor::name)
                .containsExactlyInAnyOrder(
                        "loader-api-candles",
                        "loader-api-trades",
                        "loader-ws",
                        "arango-connector",
                        "graph-builder",
                        "gnn-trainer",
                        "dummy-service",
                        "visualizer");
        assertThat(ServiceRegistry.all())
                .filteredOn(d -> d.kind() == Kind.JOB)
                .allMatch(ServiceDescriptor::stepTarget);
    }

    @Test
    void namesAreUniqueAndAnUnknownOneIsNamedInTheError() {
        Set<String> names = new HashSet<>();
        ServiceRegistry.all().forEach(d -> assertThat(names.add(d.name())).as(d.name()).isTrue());
        assertThat(ServiceRegistry.find("nope")).isEmpty();
        assertThatThrownBy(() -> ServiceRegistry.of("nope"))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessage("no service named 'nope'");
    }

    @Test
    void everyJobIsLaunchedWithItsQueueIdAndSecretsComeOnlyFromFiles() {
        for (ServiceDescriptor d : ServiceRegistry.all()) {
            if (d.kind() == Kind.JOB) {
                assertThat(d.variable("QUEUE_ID"))
                        .as(d.name())
                        .get()
                        .extracting(EnvVar::need)
                        .isEqualTo(Need.LAUNCH);
            }
            assertThat(d.env())
                    .as("%s: a secret is read from a *_FILE, never from the environment", d.name())
                    .extracting(EnvVar::name)
                    .noneMatch(n -> n.matches(".*(PASSWORD|SECRET|TOKEN)$"));
        }
    }

    @Test
    void aConditionHoldsOnTheValueTheDefaultOrAnyValueForAStar() {
        ServiceDescriptor connector = ServiceRegistry.of("arango-connector");
        EnvVar expected = connector.variable("EXPECTED_PRODUCERS").orElseThrow();
        assertThat(expected.conditionHolds(Map.of(), connector)).as("default queue").isTrue();
        assertThat(expected.conditionHolds(Map.of("CONNECTOR_MODE", "live"), connector)).isFalse();
        ServiceDescriptor qm = ServiceRegistry.of("queue-manager");
        EnvVar audience = qm.variable("OIDC_AUDIENCE").orElseThrow();
        assertThat(audience.conditionHolds(Map.of(), qm)).isFalse();
        assertThat(audience.conditionHolds(Map.of("OIDC_ISSUER_URL", "https://kc/r"), qm)).isTrue();
        assertThat(EnvVar.required("A").conditionHolds(Map.of(), qm)).isTrue();
    }

    @Test
    void theDeclaredHttpPortIsTheDefaultOfHttpPortForEveryService() {
        for (ServiceDescriptor d : ServiceRegistry.all()) {
            String httpPortDefault =
                    d.variable("HTTP_PORT").map(EnvVar::defaultValue).orElseThrow();
            assertThat(d.ports())
                    .as("%s serves health/metrics (and its API) on HTTP_PORT", d.name())
                    .containsEntry("http", Integer.valueOf(httpPortDefault));
        }
    }
}
