package io.streamforge.queuemanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamforge.registry.ServiceDescriptor;
import io.streamforge.registry.ServiceRegistry;
import io.streamforge.registry.StepParam;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The params allowlist is the registry's step params: every type is checked with an error naming
 * the field, and the published JSON schema says the same as the validation.
 */
class StepParamsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, String> read(String target, String params) throws Exception {
        Map<String, String> env = new LinkedHashMap<>();
        StepParams.read(target, JSON.readTree(params), "microservices[0].params", env);
        return env;
    }

    private static void refused(String target, String params, String field, String detail) {
        assertThatThrownBy(() -> read(target, params))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> {
                            assertThat(e.status()).isEqualTo(400);
                            assertThat(e.field()).isEqualTo("microservices[0].params." + field);
                            assertThat(e.getMessage()).contains(detail);
                        });
    }

    @Test
    void theAllowlistIsExactlyTheRegistrysStepParamsPerTarget() {
        for (ServiceDescriptor d : ServiceRegistry.targets()) {
            assertThat(StepParams.of(d.name())).as(d.name()).isEqualTo(d.stepParams());
        }
        assertThat(StepParams.BY_TARGET.keySet()).containsExactlyInAnyOrderElementsOf(Targets.ALL);
        assertThat(StepParams.of("queue-manager")).isEmpty();
    }

    @Test
    void eachTypeIsValidatedAndPassedAsItsVariable() throws Exception {
        assertThat(
                        read(
                                "gnn-trainer",
                                "{\"gnn_epochs\":\"12\",\"graph_source\":\"compute\","
                                        + "\"resample\":\"4h\",\"model_name\":\"m-1.v2\",\"gnn_seed\":-7}"))
                .containsExactly(
                        Map.entry("GNN_EPOCHS", "12"),
                        Map.entry("GRAPH_SOURCE", "compute"),
                        Map.entry("RESAMPLE", "4h"),
                        Map.entry("MODEL_NAME", "m-1.v2"),
                        Map.entry("GNN_SEED", "-7"));
        assertThat(read("graph-builder", "{\"graph_rule\":\"threshold:0.5\"}"))
                .containsEntry("GRAPH_RULE", "threshold:0.5");
        assertThat(read("dummy-service", "null")).isEmpty();
    }

    @Test
    void badValuesNameTheFieldAndWhatIsExpected() {
        refused("gnn-trainer", "{\"gnn_epochs\":0}", "gnn_epochs", "0 not in [1, 10000]");
        refused("gnn-trainer", "{\"gnn_epochs\":1.5}", "gnn_epochs", "expected an integer");
        refused(
                "gnn-trainer",
                "{\"gnn_epochs\":\"99999999999999999999\"}",
                "gnn_epochs",
                "expected an integer");
        refused(
                "gnn-trainer",
                "{\"graph_source\":\"db\"}",
                "graph_source",
                "expected one of [compute, store]");
        refused("gnn-trainer", "{\"resample\":\"7m\"}", "resample", "7m");
        refused(
                "gnn-trainer",
                "{\"model_name\":\"../etc\"}",
                "model_name",
                "expected text matching");
        refused("gnn-trainer", "{\"model_name\":5}", "model_name", "expected text matching");
        refused("gnn-trainer", "{\"gnn_epochs\":null}", "gnn_epochs", "expected an integer");
        refused(
                "loader-api-trades",
                "{\"source\":[\"rest\"]}",
                "source",
                "expected a string, one of [rest, dump, auto]");
        refused("visualizer", "{\"x\":1}", "x", "not a parameter of visualizer (it takes none)");
        refused(
                "loader-ws",
                "{\"end_time\":1}",
                "end_time",
                "declared: [depth_snapshot_limit, run_for_ms, streams]");
        assertThatThrownBy(() -> read("dummy-service", "[1]"))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.field()).isEqualTo("microservices[0].params"));
    }

    @Test
    void theSchemaPublishesTheSameBoundsChoicesAndPatterns() {
        Map<String, Object> schema = StepParams.schema("graph-builder");
        assertThat(schema)
                .containsEntry("type", "object")
                .containsEntry("additionalProperties", false);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> props =
                (Map<String, Map<String, Object>>) schema.get("properties");
        assertThat(props.keySet())
                .containsExactlyElementsOf(
                        ServiceRegistry.of("graph-builder").stepParams().stream()
                                .map(StepParam::name)
                                .toList());
        assertThat(props.get("min_returns"))
                .containsEntry("minimum", 2L)
                .containsEntry("maximum", 100_000_000L);
        assertThat(props.get("graph_method")).containsEntry("enum", List.of("pearson", "spearman"));
        assertThat(props.get("graph_rule"))
                .containsEntry("pattern", "^(mst|threshold:[0-9.]{1,8}|topk:[0-9]{1,4})$");
        assertThat(props.get("resample")).containsEntry("type", "string").containsKey("example");
        JsonNode empty = JSON.valueToTree(StepParams.schema("visualizer"));
        assertThat(empty.get("properties").size()).isZero();
    }
}
