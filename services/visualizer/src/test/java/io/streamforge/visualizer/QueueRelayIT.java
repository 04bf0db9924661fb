package io.streamforge.visualizer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamforge.domain.port.ModelRepository;
import io.streamforge.testkit.InMemoryGraphStore;
import io.streamforge.testkit.InMemoryIndicatorStore;
import io.streamforge.testkit.InMemoryMarketDataStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/queues/**} (list, one queue, coverage, start, stop, resume, the SSE streams of one
 * and of all queues): forwarded and relayed to {@link FakeQueueManager}, a JDK {@code HttpServer}
 * standing in for the queue-manager (the real queue-manager is used by the app's
 * VisualizerBrowserIT). The stores are not asked here, so in-memory ones do.
 */
class QueueRelayIT {
    static FakeQueueManager qm;
    static VisualizerServer server;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        qm = new FakeQueueManager();
        server = server(qm.url(), "unused");
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (qm != null) {
            qm.close();
        }
    }

    static VisualizerServer server(String queueManagerUrl, String modelName) {
        return new VisualizerServer(
                new VisualizerServer.Ports(
                        new InMemoryMarketDataStore(),
                        new InMemoryIndicatorStore(),
                        new InMemoryGraphStore(),
                        new NoModels()),
                queueManagerUrl,
                modelName,
                "127.0.0.1",
                0);
    }

    /** A model repository without runs. */
    static final class NoModels implements ModelRepository {
        @Override
        public String put(String name, String run, Map<String, byte[]> files) {
            throw new UnsupportedOperationException("read-only");
        }

        @Override
        public Map<String, byte[]> get(String name, String run) {
            throw new NoSuchElementException(run);
        }

        @Override
        public List<String> list(String name) {
            return List.of();
        }
    }

    @Test
    void queuesAreForwardedFromTheQueueManager() throws Exception {
        Http.Reply list = Http.get(base + "/api/queues");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json()).isEqualTo(Http.JSON.readTree("[" + FakeQueueManager.QUEUE + "]"));
        Http.Reply one = Http.get(base + "/api/queues/" + FakeQueueManager.ID);
        assertThat(one.json()).isEqualTo(Http.JSON.readTree(FakeQueueManager.QUEUE));
        JsonNode missing =
                VisualizerApiIT.assertProblem(base + "/api/queues/no-such-queue", 404, "queue_id");
        assertThat(missing.get("detail").asText()).isEqualTo("no queue no-such-queue");
        VisualizerApiIT.assertProblem(base + "/api/queues/bad%20id", 400, "queue_id");
    }

    @Test
    void eventsAreRelayedAsServerSentEvents() throws Exception {
        assertThat(firstEvents(base + "/api/queues/" + FakeQueueManager.ID + "/events"))
                .containsSubsequence(
                        "event: queue",
                        "data: " + FakeQueueManager.QUEUE,
                        "",
                        "event: telemetry",
                        "data: " + FakeQueueManager.TELEMETRY);
        VisualizerApiIT.assertProblem(base + "/api/queues/no-such-queue/events", 404, "queue_id");
    }

    @Test
    void theStreamOfAllQueuesIsRelayedOr404WhenTheQueueManagerHasNone() throws Exception {
        assertThat(firstEvents(base + "/api/queues/events"))
                .containsSubsequence("event: telemetry", "data: " + FakeQueueManager.TELEMETRY);
        try (FakeQueueManager older = new FakeQueueManager(false);
                VisualizerServer v = server(older.url(), null)) {
            String url = "http://127.0.0.1:" + v.port() + "/api/queues/events";
            JsonNode p = VisualizerApiIT.assertProblem(url, 404, null);
            assertThat(p.get("detail").asText()).contains("queues/events");
        }
    }

    /** The lines of an SSE response up to its second {@code data:} line. */
    static List<String> firstEvents(String url) throws Exception {
        List<String> lines = new ArrayList<>();
        var req = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build();
        var res =
                java.net.http.HttpClient.newHttpClient()
                        .send(req, java.net.http.HttpResponse.BodyHandlers.ofLines());
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("content-type").orElse(""))
                .startsWith("text/event-stream");
        try (var stream = res.body()) {
            var it = stream.iterator();
            while (it.hasNext() && lines.stream().filter(l -> l.startsWith("data:")).count() < 2) {
                lines.add(it.next());
            }
        }
        return lines;
    }

    @Test
    void coverageStartAndStopAreForwardedWithTheAuthorizationHeaderAndQueryUnchanged()
            throws Exception {
        String token = "Bearer eyJ.test-token";
        Http.Reply cov =
                Http.send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create(
                                                base
                                                        + "/api/queues/"
                                                        + FakeQueueManager.ID
                                                        + "/coverage?symbol=BTCUSDT"))
                                .header("Authorization", token));
        assertThat(cov.json()).isEqualTo(Http.JSON.readTree(FakeQueueManager.COVERAGE));
        assertThat(last("GET").authorization()).isEqualTo(token);
        assertThat(last("GET").query()).isEqualTo("symbol=BTCUSDT");

        String body = "{\"symbols\":[\"BTCUSDT\"],\"time_range\":\"2024-01-01:2024-01-02\"}";
        Http.Reply started =
                Http.post(base + "/api/queues/start-pipeline", body, "Authorization", token);
        assertThat(started.status()).isEqualTo(201);
        assertThat(started.json().get("queue_id").asText()).isEqualTo(FakeQueueManager.ID);
        FakeQueueManager.Request sent = last("POST");
        assertThat(sent.path()).isEqualTo("/queues/start-pipeline");
        assertThat(sent.body()).isEqualTo(body);
        assertThat(sent.authorization()).isEqualTo(token);

        Http.Reply invalid = Http.post(base + "/api/queues/start-pipeline", "{\"symbols\":[]}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.type()).startsWith("application/problem+json");
        assertThat(invalid.json().get("field").asText()).isEqualTo("time_range");
        assertThat(last("POST").authorization()).as("none given, none sent").isNull();

        Http.Reply stopped =
                Http.post(
                        base + "/api/queues/" + FakeQueueManager.ID + "/stop",
                        "",
                        "Authorization",
                        token);
        assertThat(stopped.status()).isEqualTo(202);
        assertThat(last("POST").path()).isEqualTo("/queues/" + FakeQueueManager.ID + "/stop");
        assertThat(last("POST").authorization()).isEqualTo(token);
        assertThat(Http.post(base + "/api/queues/no-such-queue/stop", "").status()).isEqualTo(404);

        Http.Reply resumed =
                Http.post(
                        base + "/api/queues/" + FakeQueueManager.ID + "/resume",
                        "",
                        "Authorization",
                        token);
        assertThat(resumed.status()).as("the upstream's 409 as it is").isEqualTo(409);
        assertThat(resumed.type()).startsWith("application/problem+json");
        assertThat(resumed.json().get("detail").asText()).contains("is running");
        assertThat(last("POST").path()).isEqualTo("/queues/" + FakeQueueManager.ID + "/resume");
        assertThat(last("POST").authorization()).isEqualTo(token);
        assertThat(Http.post(base + "/api/queues/no-such-queue/resume", "").status())
                .isEqualTo(404);
    }

    static FakeQueueManager.Request last(String method) {
        List<FakeQueueManager.Request> all =
                qm.requests().stream().filter(r -> r.method().equals(method)).toList();
        return all.get(all.size() - 1);
    }

    @Test
    void anUnreachableQueueManagerIsABadGatewayProblem() throws Exception {
        int freePort;
        try (var socket = new java.net.ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        try (VisualizerServer down = server("http://127.0.0.1:" + freePort, null)) {
            String url = "http://127.0.0.1:" + down.port();
            JsonNode p = VisualizerApiIT.assertProblem(url + "/api/queues", 502, null);
            assertThat(p.get("detail").asText()).contains("queue-manager unreachable");
            VisualizerApiIT.assertProblem(url + "/api/models", 400, "name");
        }
    }
}
