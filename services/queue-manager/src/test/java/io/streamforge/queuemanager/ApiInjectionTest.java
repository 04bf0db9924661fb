package io.streamforge.queuemanager;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamforge.kafka.Json;
import io.streamforge.runtime.auth.HttpAuth;
import io.streamforge.runtime.auth.OidcSettings;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A request cannot run code of its own choosing: no image but the job template's, no parameter a
 * target does not declare, no unknown field, no huge body. Real HTTP over loopback against the real
 * {@link ApiServer} and request validation (authentication off: loopback).
 */
class ApiInjectionTest {
    static final String RANGE = "\"time_range\":\"2024-01-01:2024-01-02\"";

    /** Names an attacker would try: JVM agents, wiring, secrets, identity, another database. */
    static final List<String> HOSTILE =
            List.of(
                    "java_tool_options",
                    "jdk_java_options",
                    "ld_preload",
                    "arango_url",
                    "db_kind",
                    "kafka_bootstrap_servers",
                    "kafka_security_protocol",
                    "postgres_jdbc_url",
                    "postgres_password_file",
                    "s3_endpoint",
                    "binance_base_url",
                    "dump_base_url",
                    "http_host",
                    "queue_id",
                    "telemetry_id",
                    "symbols",
                    "JAVA_TOOL_OPTIONS",
                    "path");

    static ApiFixture api;

    @BeforeAll
    static void start() {
        api = new ApiFixture(HttpAuth.forBind(OidcSettings.DISABLED, "127.0.0.1", "test"));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    static String pipeline(String step) {
        return "{\"symbol\":\"BTCUSDT\"," + RANGE + ",\"microservices\":[" + step + "]}";
    }

    JsonNode problem(String body, int status, String field) throws Exception {
        HttpResponse<String> res = api.send("POST", "/queues/start-pipeline", body, null);
        assertThat(res.statusCode()).as(res.body()).isEqualTo(status);
        assertThat(res.headers().firstValue("content-type")).hasValue("application/problem+json");
        JsonNode p = Json.MAPPER.readTree(res.body());
        assertThat(p.path("field").asText()).as(res.body()).isEqualTo(field);
        return p;
    }

    @Test
    void anImageOtherThanTheTemplatesIs400() throws Exception {
        JsonNode p =
                problem(
                        pipeline("{\"target\":\"gnn-trainer\",\"image\":\"evil/miner:latest\"}"),
                        400,
                        "microservices[0].image");
        assertThat(p.path("detail").asText()).contains("cannot choose an image");
        problem(
                pipeline("{\"target\":\"gnn-trainer\",\"image\":\"reg/graph-builder:1.0\"}"),
                400,
                "microservices[0].image");
        var same =
                api.send(
                        "POST",
                        "/queues/start-pipeline",
                        pipeline("{\"target\":\"gnn-trainer\",\"image\":\"reg/gnn-trainer:1.0\"}"),
                        null);
        assertThat(same.statusCode()).as(same.body()).isEqualTo(201);
    }

    @Test
    void withoutTemplatesEveryImageIsRefused() {
        var e =
                org.assertj.core.api.Assertions.catchThrowableOfType(
                        ProblemException.class,
                        () ->
                                PipelineRequest.parse(
                                        pipeline("{\"target\":\"dummy-service\",\"image\":\"x\"}")
                                                .getBytes(),
                                        s -> true));
        assertThat(e.field()).isEqualTo("microservices[0].image");
    }

    @Test
    void everyNonDeclaredParamOfEveryTargetIs400NamingIt() throws Exception {
        for (String target : new TreeSet<>(Targets.ALL)) {
            List<String> declared = StepParams.of(target).stream().map(p -> p.name()).toList();
            List<String> names = new java.util.ArrayList<>(HOSTILE);
            // a parameter another target declares is not this target's
            StepParams.BY_TARGET.values().stream()
                    .flatMap(List::stream)
                    .map(io.streamforge.registry.StepParam::name)
                    .filter(n -> !declared.contains(n))
                    .forEach(names::add);
            for (String name : names) {
                JsonNode p =
                        problem(
                                pipeline(
                                        "{\"target\":\""
                                                + target
                                                + "\",\"params\":{\""
                                                + name
                                                + "\":\"1\"}}"),
                                400,
                                "microservices[0].params." + name);
                assertThat(p.path("detail").asText()).contains("not a parameter of " + target);
            }
        }
    }

    @Test
    void declaredParamsAreTypedAndRanged() throws Exception {
        problem(
                pipeline("{\"target\":\"gnn-trainer\",\"params\":{\"gnn_epochs\":0}}"),
                400,
                "microservices[0].params.gnn_epochs");
        problem(
                pipeline("{\"target\":\"gnn-trainer\",\"params\":{\"gnn_epochs\":\"ten\"}}"),
                400,
                "microservices[0].params.gnn_epochs");
        problem(
                pipeline("{\"target\":\"graph-builder\",\"params\":{\"graph_method\":\"magic\"}}"),
                400,
                "microservices[0].params.graph_method");
        problem(
                pipeline(
                        "{\"target\":\"graph-builder\",\"params\":{\"indicators\":\"RSI:14;rm -rf\"}}"),
                400,
                "microservices[0].params.indicators");
        var ok =
                PipelineRequest.parse(
                        pipeline(
                                        "{\"target\":\"gnn-trainer\",\"params\":{\"gnn_epochs\":5,"
                                                + "\"resample\":\"1h\",\"graph_source\":\"store\"}}")
                                .getBytes(),
                        s -> true);
        assertThat(ok.steps().get(0).extraEnv())
                .containsEntry("GNN_EPOCHS", "5")
                .containsEntry("RESAMPLE", "1h")
                .containsEntry("GRAPH_SOURCE", "store");
    }

    @Test
    void unknownFieldsAre400() throws Exception {
        problem(
                pipeline("{\"target\":\"dummy-service\",\"env\":{\"A\":\"b\"}}"),
                400,
                "microservices[0].env");
        problem(
                pipeline("{\"target\":\"dummy-service\",\"command\":[\"sh\"]}"),
                400,
                "microservices[0].command");
        problem(
                "{\"symbol\":\"BTCUSDT\",\"service_account\":\"admin\",\"microservices\":"
                        + "[{\"target\":\"dummy-service\"}]}",
                400,
                "service_account");
    }

    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        String padding = "x".repeat((int) ApiServer.MAX_BODY_BYTES);
        String big =
                pipeline("{\"target\":\"dummy-service\",\"collection_name\":\"" + padding + "\"}");
        problem(big, 413, "body");
        // without Content-Length (chunked): the limit holds too
        HttpRequest chunked =
                HttpRequest.newBuilder(URI.create(api.url("/queues/start-pipeline")))
                        .header("Content-Type", "application/json")
                        .POST(
                                HttpRequest.BodyPublishers.ofInputStream(
                                        () -> new java.io.ByteArrayInputStream(big.getBytes())))
                        .build();
        var res = api.http.send(chunked, HttpResponse.BodyHandlers.ofString());
        assertThat(res.statusCode()).as(res.body()).isEqualTo(413);
    }
}
