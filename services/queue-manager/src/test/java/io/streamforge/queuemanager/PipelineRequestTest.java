package io.streamforge.queuemanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamforge.domain.Symbol;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.Predicate;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;

class PipelineRequestTest {
    private static final Predicate<Symbol> KNOWN =
            Set.of(Symbol.of("BTCUSDT"), Symbol.of("ETHUSDT"))::contains;

    static PipelineRequest parse(String json) {
        return PipelineRequest.parse(json.getBytes(StandardCharsets.UTF_8), KNOWN);
    }

    static void problem(
            ThrowableAssert.ThrowingCallable call, int status, String field, String detail) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> {
                            assertThat(e.status()).isEqualTo(status);
                            assertThat(e.field()).isEqualTo(field);
                            assertThat(e.getMessage()).contains(detail);
                        });
    }

    @Test
    void validRequestWithDefaults() {
        PipelineRequest r =
                parse(
                        "{\"symbols\":[\"btcusdt\",\"ETHUSDT\",\"BTCUSDT\"],\"time_range\":\"2024-01-01:2024-01-02\","
                                + "\"microservices\":[{\"target\":\"loader-api-candles\",\"interval\":\"1h\"},"
                                + "{\"target\":\"loader-api-trades\"},{\"target\":\"arango-connector\"}]}");
        assertThat(r.symbols()).containsExactly(Symbol.of("BTCUSDT"), Symbol.of("ETHUSDT"));
        assertThat(r.steps())
                .extracting(StepSpec::type)
                .containsExactly("candles", "agg_trades", "arango-connector");
        assertThat(r.steps().get(0).interval()).isEqualTo("1h");
    }

    @Test
    void stepParamsBecomeEnvironmentButNeverPlatformOrSecretVariables() {
        PipelineRequest r =
                parse(
                        "{\"symbols\":[\"BTCUSDT\",\"ETHUSDT\"],\"time_range\":\"2024-01-01:2024-01-02\","
                                + "\"microservices\":[{\"target\":"
                                + "\"gnn-trainer\",\"params\":{\"resample\":\"1h\",\"gnn_epochs\":5}}]}");
        assertThat(r.steps().get(0).extraEnv())
                .containsEntry("RESAMPLE", "1h")
                .containsEntry("GNN_EPOCHS", "5");
        problem(
                () ->
                        parse(
                                "{\"symbol\":\"BTCUSDT\",\"microservices\":[{\"target\":\"gnn-trainer\","
                                        + "\"params\":{\"postgres_password_file\":\"/etc/passwd\"}}]}"),
                400,
                "microservices[0].params.postgres_password_file",
                "not a parameter");
        problem(
                () ->
                        parse(
                                "{\"symbol\":\"BTCUSDT\",\"microservices\":[{\"target\":\"gnn-trainer\","
                                        + "\"params\":{\"kafka_bootstrap_servers\":\"evil:9092\"}}]}"),
                400,
                "microservices[0].params.kafka_bootstrap_servers",
                "not a parameter");
        problem(
                () ->
                        parse(
                                "{\"symbol\":\"BTCUSDT\",\"microservices\":[{\"target\":\"gnn-trainer\","
                                        + "\"params\":{\"resample\":{\"x\":1}}}]}"),
                400,
                "microservices[0].params.resample",
                "expected a string");
    }

    @Test
    void everyBadFieldIsNamed() {
        String steps = ",\"microservices\":[{\"target\":\"loader-api-candles\"}]}";
        problem(
                () ->
                        parse(
                                "{\"symbol\":\"DOGEBTC\",\"time_range\":\"2024-01-01:2024-01-02\""
                                        + steps),
                422,
                "symbol",
                "unknown symbol DOGEBTC");
        problem(
                () ->
                        parse(
                                "{\"symbols\":[\"BTCUSDT\",\"B-1\"],\"time_range\":\"2024-01-01:2024-01-02\""
                                        + steps),
                400,
                "symbols[1]",
                "invalid symbol");
        problem(
                () ->
                        parse(
                                "{\"symbol\":\"BTCUSDT\",\"time_range\":\"2024-01-05:2024-01-02\""
                                        + steps),
                400,
                "time_range",
                "before start");
        problem(
                () -> parse("{\"symbol\":\"BTCUSDT\"" + steps),
                400,
                "time_range",
                "required by loader-api-candles");
        problem(
                () ->
                        parse(
                                "{\"symbol\":\"BTCUSDT\",\"time_range\":\"2024-01-01:2024-01-02\",\"microservices\":"
                                        + "[{\"target\":\"loader-api-candles\",\"interval\":\"1H\"}]}"),
                400,
                "microservices[0].interval",
                "invalid interval '1H'");
        problem(
                () ->
                        parse(
                                "{\"symbol\":\"BTCUSDT\",\"microservices\":[{\"target\":\"arango-connector\"},"
                                        + "{\"target\":\"rocket\"}]}"),
                400,
                "microservices[1].target",
                "unknown target 'rocket'");
        problem(
                () ->
                        parse(
                                "{\"symbol\":\"BTCUSDT\",\"time_range\":\"2024-01-01:2024-01-02\",\"microservices\":"
                                        + "[{\"target\":\"loader-api-trades\",\"type\":\"candles\"}]}"),
                400,
                "microservices[0].type",
                "does not fit");
        problem(
                () -> parse("{\"symbol\":\"BTCUSDT\",\"microservices\":[]}"),
                400,
                "microservices",
                "non-empty");
        problem(
                () ->
                        parse(
                                "{\"symbol\":\"BTCUSDT\",\"microservices\":[{\"target\":\"gnn-trainer\","
                                        + "\"depends_on\":[\"graph-builder\"]}]}"),
                400,
                "microservices[0].depends_on",
                "no step with target graph-builder");
        problem(() -> parse("{\"symbol\": "), 400, "body", "malformed JSON");
        problem(() -> parse("[1,2]"), 400, "body", "expected a JSON object");
        problem(
                () -> parse("{\"microservices\":[{\"target\":\"dummy-service\"}]}"),
                400,
                "symbol",
                "missing");
    }

    @Test
    void aTargetThatNeedsTheTimeRangeAtLaunchIsRefusedWithoutOne() {
        // the registry declares TIME_RANGE as set at launch for graph-builder, not for loader-ws
        problem(
                () ->
                        parse(
                                "{\"symbol\":\"BTCUSDT\",\"microservices\":[{\"target\":"
                                        + "\"graph-builder\"}]}"),
                400,
                "time_range",
                "required by graph-builder");
        assertThat(
                        parse(
                                        "{\"symbol\":\"BTCUSDT\",\"microservices\":[{\"target\":"
                                                + "\"loader-ws\"},{\"target\":\"dummy-service\"}]}")
                                .steps())
                .hasSize(2);
    }
}
