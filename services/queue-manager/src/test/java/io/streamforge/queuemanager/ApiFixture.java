package io.streamforge.queuemanager;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.streamforge.domain.queue.QueueRecord;
import io.streamforge.domain.queue.QueueStatus;
import io.streamforge.runtime.auth.HttpAuth;
import io.streamforge.testkit.InMemoryCoverageLedger;
import io.streamforge.testkit.InMemoryQueueStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The real {@link ApiServer} on a free loopback port with the real request validation and planner
 * over an in-memory queue store (no Kafka, no jobs: a started pipeline is only recorded). Template
 * image of every target: {@code reg/<target>:1.0}.
 */
final class ApiFixture implements AutoCloseable {
    final InMemoryQueueStore store = new InMemoryQueueStore();
    final ApiServer api;
    final HttpClient http = HttpClient.newHttpClient();
    private final AtomicLong ids = new AtomicLong();

    ApiFixture(HttpAuth auth) {
        PipelinePlanner planner =
                new PipelinePlanner(
                        () -> 1_700_000_000_000_000L,
                        () -> "id" + ids.incrementAndGet(),
                        java.util.Map.of());
        ApiServer.Backend backend =
                new ApiServer.Backend() {
                    @Override
                    public QueueRecord startPipeline(byte[] body) {
                        var req =
                                PipelineRequest.parse(
                                        body,
                                        s -> !s.value().equals("DOGEBTC"),
                                        ApiFixture::template);
                        QueueRecord q = planner.plan(req, new String(body)).queue();
                        store.create(q);
                        return q;
                    }

                    @Override
                    public QueueRecord startTestFlow(byte[] body) {
                        return startPipeline(
                                "{\"symbol\":\"BTCUSDT\",\"microservices\":[{\"target\":\"dummy-service\"}]}"
                                        .getBytes(StandardCharsets.UTF_8));
                    }

                    @Override
                    public boolean stop(String queueId) {
                        return store.updateQueue(queueId, QueueStatus.INTERRUPTED, 1L);
                    }

                    @Override
                    public QueueRecord resume(String queueId) {
                        if (store.find(queueId).isEmpty()) {
                            throw new ProblemException(404, null, "no queue " + queueId);
                        }
                        if (!store.resetForResume(queueId, 2L)) {
                            throw new ProblemException(409, null, "not resumable");
                        }
                        return store.find(queueId).orElseThrow();
                    }
                };
        api =
                new ApiServer(
                        "127.0.0.1",
                        0,
                        backend,
                        store,
                        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                        new InMemoryCoverageLedger(),
                        new EventHub(1_000, 10_000, 0),
                        auth);
    }

    static Optional<String> template(String target) {
        return Optional.of("reg/" + target + ":1.0");
    }

    String url(String path) {
        return "http://127.0.0.1:" + api.port() + path;
    }

    HttpResponse<String> send(String method, String path, String body, String token)
            throws Exception {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(url(path)))
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        api.close();
    }
}
