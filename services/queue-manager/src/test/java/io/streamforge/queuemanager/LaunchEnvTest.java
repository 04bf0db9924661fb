package io.streamforge.queuemanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamforge.domain.Symbol;
import io.streamforge.domain.port.TimeSource;
import io.streamforge.domain.queue.JobSpec;
import io.streamforge.registry.EnvVar;
import io.streamforge.registry.ServiceDescriptor;
import io.streamforge.registry.ServiceRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the queue-manager sets when it launches a step comes from the target's descriptor. */
class LaunchEnvTest {
    private static PipelinePlanner.Plan plan(String json) {
        PipelineRequest req =
                PipelineRequest.parse(
                        json.getBytes(StandardCharsets.UTF_8),
                        Set.of(Symbol.of("BTCUSDT"), Symbol.of("ETHUSDT"))::contains);
        return new PipelinePlanner(TimeSource.system(), () -> "abc123", Map.of()).plan(req, json);
    }

    @Test
    void everyJobGetsExactlyTheDeclaredVariablesAndEveryLaunchOneItRequires() {
        StringBuilder steps = new StringBuilder();
        for (ServiceDescriptor d : ServiceRegistry.targets()) {
            steps.append(steps.length() == 0 ? "" : ",")
                    .append("{\"target\":\"")
                    .append(d.name())
                    .append("\",\"collection_output\":\"x\",\"model_output\":\"s3://b/p\"}");
        }
        PipelinePlanner.Plan plan =
                plan(
                        "{\"symbols\":[\"BTCUSDT\",\"ETHUSDT\"],\"time_range\":\"2024-01-01:2024-01-02\","
                                + "\"microservices\":["
                                + steps
                                + "]}");
        assertThat(plan.jobs()).hasSize(ServiceRegistry.targets().size());
        for (JobSpec job : plan.jobs().values()) {
            ServiceDescriptor d = ServiceRegistry.of(job.target());
            assertThat(job.env().keySet())
                    .as("%s gets only what it reads", job.target())
                    .allMatch(n -> d.variable(n).isPresent());
            for (EnvVar v : d.env()) {
                if (v.need() == EnvVar.Need.LAUNCH && v.conditionHolds(job.env(), d)) {
                    assertThat(job.env()).as(job.target()).containsKey(v.name());
                }
            }
        }
        JobSpec connector = byTarget(plan, "arango-connector");
        assertThat(connector.env())
                .containsEntry(
                        "EXPECTED_PRODUCERS",
                        "loader-api-candles__abc123,"
                                + "loader-api-trades__abc123,loader-ws__abc123")
                .doesNotContainKey("COLLECTION_OUTPUT"); // a seed field nobody reads
        assertThat(byTarget(plan, "gnn-trainer").env()).containsEntry("MODEL_OUTPUT", "s3://b/p");
        assertThat(byTarget(plan, "dummy-service").env())
                .containsKeys("QUEUE_ID", "TELEMETRY_ID", "SYMBOLS")
                .doesNotContainKeys("TIME_RANGE", "KAFKA_TOPIC", "MODEL_OUTPUT");
        assertThat(byTarget(plan, "visualizer").env()).doesNotContainKey("QUEUE_ID");
        assertThat(byTarget(plan, "graph-builder").env())
                .containsEntry("TIME_RANGE", "2024-01-01:2024-01-02")
                .containsEntry("COLLECTION_NAME", plan.queue().queueId())
                .containsEntry("SYMBOLS", "BTCUSDT,ETHUSDT")
                .doesNotContainKeys("EXPECTED_PRODUCERS", "KAFKA_TOPIC", "MODEL_OUTPUT");
        assertThat(byTarget(plan, "loader-ws").env())
                .containsKey("KAFKA_TOPIC")
                .doesNotContainKey("TIME_RANGE");
    }

    @Test
    void aDescriptorExpectingAVariableThePlannerNeverSetsIsRefused() {
        ServiceDescriptor d =
                new ServiceDescriptor(
                        "x",
                        ServiceDescriptor.Kind.JOB,
                        List.of(new EnvVar("SHARD_ID", EnvVar.Need.LAUNCH, null, null)),
                        Map.of(),
                        true,
                        List.of());
        assertThatThrownBy(() -> LaunchEnv.check(List.of(d)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(
                        "x expects SHARD_ID from the queue-manager at launch, which the planner"
                                + " does not set");
        LaunchEnv.check(ServiceRegistry.targets()); // the real registry passes
    }

    private static JobSpec byTarget(PipelinePlanner.Plan plan, String target) {
        return plan.jobs().values().stream()
                .filter(j -> j.target().equals(target))
                .findFirst()
                .orElseThrow();
    }
}
