package io.streamforge.queuemanager;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamforge.kafka.Json;
import io.streamforge.runtime.auth.HttpAuth;
import io.streamforge.runtime.auth.JwtAuthenticator;
import io.streamforge.runtime.auth.OidcSettings;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code /openapi.json} against the running server: every route registered in {@link ApiServer} is
 * documented and every documented route is registered; its path parameters are declared; and every
 * status the server answers to the probes below (good and bad requests, no token, an unreachable
 * issuer) is listed for that route. A new route fails here, naming it, until it is added to {@link
 * ApiDocs#OPERATIONS} and probed.
 */
class OpenApiCompletenessTest {
    static final String OK_PIPELINE =
            "{\"symbol\":\"BTCUSDT\",\"microservices\":[{\"target\":\"dummy-service\"}]}";

    record Probe(String method, String route, String path, String body, boolean token) {}

    final List<String> problems = new ArrayList<>();
    final Set<String> probed = new TreeSet<>();

    @Test
    void everyRouteParameterAndStatusIsDocumented() throws Exception {
        try (ApiFixture open =
                new ApiFixture(HttpAuth.forBind(OidcSettings.DISABLED, "127.0.0.1", "test"))) {
            JsonNode doc =
                    Json.MAPPER.readTree(open.send("GET", "/openapi.json", null, null).body());
            Set<String> documented = documented(doc);
            Set<String> registered = new TreeSet<>(open.api.routes());
            for (String r : registered) {
                if (!documented.contains(r)) {
                    problems.add(
                            "route "
                                    + r
                                    + " is registered in ApiServer but missing from /openapi.json"
                                    + " (add it to ApiDocs.OPERATIONS)");
                }
            }
            for (String d : documented) {
                if (!registered.contains(d)) {
                    problems.add("route " + d + " is documented but not registered");
                }
            }
            checkPathParameters(doc);
            String id = open.send("POST", "/queues/start-pipeline", OK_PIPELINE, null).body();
            String queueId = Json.MAPPER.readTree(id).get("queue_id").asText();
            for (Probe p : probes(queueId)) {
                check(doc, p, open);
            }
            for (String r : registered) {
                if (!probed.contains(r)) {
                    problems.add("route " + r + " has no probe in OpenApiCompletenessTest");
                }
            }
        }
        try (ApiFixture secured = new ApiFixture(unreachableIssuer())) {
            JsonNode doc =
                    Json.MAPPER.readTree(secured.send("GET", "/openapi.json", null, null).body());
            for (Probe p : probes("q")) {
                check(doc, new Probe(p.method(), p.route(), p.path(), p.body(), false), secured);
                check(doc, p, secured);
            }
        }
        assertThat(problems).as(String.join("\n", problems)).isEmpty();
    }

    static HttpAuth unreachableIssuer() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        var settings = new OidcSettings("http://127.0.0.1:" + port + "/realms/x", "api", "ui");
        return HttpAuth.with(settings, new JwtAuthenticator(settings));
    }

    static Set<String> documented(JsonNode doc) {
        Set<String> out = new TreeSet<>();
        doc.path("paths")
                .fields()
                .forEachRemaining(
                        path ->
                                path.getValue()
                                        .fieldNames()
                                        .forEachRemaining(
                                                m ->
                                                        out.add(
                                                                m.toUpperCase(Locale.ROOT)
                                                                        + " "
                                                                        + path.getKey())));
        return out;
    }

    void checkPathParameters(JsonNode doc) {
        Pattern param = Pattern.compile("\\{([a-z_]+)}");
        doc.path("paths")
                .fields()
                .forEachRemaining(
                        path -> {
                            Matcher m = param.matcher(path.getKey());
                            while (m.find()) {
                                String name = m.group(1);
                                path.getValue()
                                        .fields()
                                        .forEachRemaining(
                                                op -> {
                                                    boolean declared = false;
                                                    for (JsonNode p :
                                                            op.getValue().path("parameters")) {
                                                        declared |=
                                                                p.path("name")
                                                                        .asText()
                                                                        .equals(name);
                                                    }
                                                    if (!declared) {
                                                        problems.add(
                                                                op.getKey()
                                                                        + " "
                                                                        + path.getKey()
                                                                        + ": path parameter "
                                                                        + name
                                                                        + " not declared");
                                                    }
                                                });
                            }
                        });
    }

    static List<Probe> probes(String id) {
        String big = "{\"pad\":\"" + "x".repeat((int) ApiServer.MAX_BODY_BYTES) + "\"}";
        List<Probe> p = new ArrayList<>();
        p.add(
                new Probe(
                        "POST",
                        "/queues/start-pipeline",
                        "/queues/start-pipeline",
                        OK_PIPELINE,
                        true));
        p.add(new Probe("POST", "/queues/start-pipeline", "/queues/start-pipeline", "{}", true));
        p.add(
                new Probe(
                        "POST",
                        "/queues/start-pipeline",
                        "/queues/start-pipeline",
                        OK_PIPELINE.replace("BTCUSDT", "DOGEBTC"),
                        true));
        p.add(new Probe("POST", "/queues/start-pipeline", "/queues/start-pipeline", big, true));
        p.add(new Probe("POST", "/queues/start-test-flow", "/queues/start-test-flow", "{}", true));
        p.add(new Probe("POST", "/queues/start-test-flow", "/queues/start-test-flow", big, true));
        for (String list : List.of("/queues", "/queues/list")) {
            p.add(new Probe("GET", list, list, null, true));
        }
        for (String q : List.of(id, "no-such-queue")) {
            p.add(new Probe("GET", "/queues/{id}", "/queues/" + q, null, true));
            p.add(
                    new Probe(
                            "GET",
                            "/queues/{id}/coverage",
                            "/queues/" + q + "/coverage",
                            null,
                            true));
            p.add(
                    new Probe(
                            "POST",
                            "/queues/stop",
                            "/queues/stop",
                            "{\"queue_id\":\"" + q + "\"}",
                            true));
            p.add(new Probe("POST", "/queues/{id}/stop", "/queues/" + q + "/stop", null, true));
            // after the stop: 200 for the interrupted queue, 404 for the unknown one
            p.add(new Probe("POST", "/queues/{id}/resume", "/queues/" + q + "/resume", null, true));
        }
        // running again: 409
        p.add(new Probe("POST", "/queues/{id}/resume", "/queues/" + id + "/resume", null, true));
        p.add(new Probe("POST", "/queues/stop", "/queues/stop", "{}", true));
        p.add(new Probe("POST", "/queues/stop", "/queues/stop", big, true));
        p.add(new Probe("GET", "/queues/{id}/events", "/queues/" + id + "/events", null, true));
        p.add(new Probe("GET", "/queues/events", "/queues/events", null, true));
        for (String open :
                List.of(
                        "/health/live",
                        "/health/ready",
                        "/health/startup",
                        "/metrics",
                        "/openapi.json",
                        "/docs")) {
            p.add(new Probe("GET", open, open, null, false));
        }
        return p;
    }

    void check(JsonNode doc, Probe p, ApiFixture api) throws Exception {
        probed.add(p.method() + " " + p.route());
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(api.url(p.path())))
                        .method(
                                p.method(),
                                p.body() == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(p.body()));
        if (p.token()) {
            b.header("Authorization", "Bearer not.a.token");
        }
        if (p.body() != null && p.body().length() > 1024) {
            // the server answers 401/413 without reading a big body and closes; without
            // 100-continue the client may still be writing it and see the connection reset
            // ("header parser received no bytes") instead of the answer
            b.expectContinue(true);
        }
        // headers only: an event stream never ends
        HttpResponse<java.io.InputStream> res =
                api.http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        res.body().close();
        String status = Integer.toString(res.statusCode());
        JsonNode responses =
                doc.path("paths")
                        .path(p.route())
                        .path(p.method().toLowerCase(Locale.ROOT))
                        .path("responses");
        if (!responses.has(status)) {
            problems.add(
                    p.method()
                            + " "
                            + p.route()
                            + " answered "
                            + status
                            + " (to "
                            + p.path()
                            + ") but /openapi.json lists only "
                            + responses.properties().stream().map(e -> e.getKey()).toList());
        }
    }
}
