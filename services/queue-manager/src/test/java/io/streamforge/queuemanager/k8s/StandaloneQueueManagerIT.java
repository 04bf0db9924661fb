package io.streamforge.queuemanager.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.streamforge.embedded.EmbeddedKafkaBroker;
import io.streamforge.embedded.EmbeddedPostgresServer;
import io.streamforge.kafka.Json;
import io.streamforge.queuemanager.Main;
import io.streamforge.runtime.StopSignal;
import io.streamforge.sim.ExchangeSimulator;
import io.streamforge.sim.SimConfig;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone queue-manager end to end: real (embedded) Kafka and PostgreSQL, the exchange
 * simulator over loopback HTTP, and the fabric8 mock API server in CRUD mode in place of a
 * Kubernetes API server (none can run here): a test flow becomes a labelled Job, an unknown symbol
 * is refused by the cached exchange symbols, and SIGTERM (the stop signal) exits 0.
 */
@EnableKubernetesMockClient(crud = true)
class StandaloneQueueManagerIT {
    KubernetesClient client;
    @TempDir Path dir;

    @Test
    void startsLaunchesJobsAndStopsCleanly() throws Exception {
        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(dir.resolve("kafka"));
                EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(dir.resolve("pg"));
                ExchangeSimulator sim =
                        ExchangeSimulator.start(SimConfig.defaults().withSymbols("BTCUSDT"))) {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            Map<String, String> env = new HashMap<>();
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
            env.put("POSTGRES_JDBC_URL", pg.jdbcUrl());
            env.put("POSTGRES_USER", pg.user());
            env.put(
                    "POSTGRES_PASSWORD_FILE",
                    Files.writeString(dir.resolve("pw"), pg.password() == null ? "" : pg.password())
                            .toString());
            env.put("HTTP_HOST", "127.0.0.1");
            env.put("HTTP_PORT", String.valueOf(port));
            env.put("BINANCE_BASE_URL", sim.baseUrl());
            env.put("K8S_NAMESPACE", "streamforge");
            env.put("WORKER_IMAGE_DUMMY_SERVICE", "reg/dummy-service:0.1.0");
            StopSignal stop = new StopSignal();
            CompletableFuture<Integer> exit =
                    CompletableFuture.supplyAsync(() -> Main.run(env, stop, () -> client));
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + port;
            awaitHealthy(http, base, exit);

            HttpResponse<String> started =
                    post(
                            http,
                            base + "/queues/start-test-flow",
                            "{\"symbol\":\"BTCUSDT\",\"records\":5}");
            assertThat(started.statusCode()).as(started.body()).isBetween(200, 299);
            String queueId =
                    (String) Json.MAPPER.readValue(started.body(), Map.class).get("queue_id");

            List<Job> jobs =
                    client.batch()
                            .v1()
                            .jobs()
                            .inNamespace("streamforge")
                            .withLabel("streamforge.io/queue-id", JobManifest.queueLabel(queueId))
                            .list()
                            .getItems();
            assertThat(jobs).hasSize(1);
            Job job = jobs.get(0);
            assertThat(job.getMetadata().getLabels())
                    .containsEntry("app.kubernetes.io/name", "dummy-service")
                    .containsEntry("app.kubernetes.io/managed-by", "queue-manager");
            assertThat(Jobs.container(job).getImage()).isEqualTo("reg/dummy-service:0.1.0");
            assertThat(Jobs.env(job))
                    .containsEntry("QUEUE_ID", queueId)
                    .containsEntry("SIMULATE_RECORDS", "5");

            HttpResponse<String> unknown =
                    post(
                            http,
                            base + "/queues/start-pipeline",
                            "{\"symbol\":\"DOGEBTC\",\"time_range\":\"2024-01-01:2024-01-02\","
                                    + "\"microservices\":[{\"target\":\"loader-api-candles\"}]}");
            assertThat(unknown.statusCode()).isBetween(400, 499);
            assertThat(unknown.body()).contains("DOGEBTC");
            assertThat(client.batch().v1().jobs().inNamespace("streamforge").list().getItems())
                    .hasSize(1);

            stop.stop("SIGTERM (test)");
            assertThat(exit.get(30, TimeUnit.SECONDS)).isEqualTo(Main.OK);
        }
    }

    private static void awaitHealthy(HttpClient http, String base, CompletableFuture<Integer> exit)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            assertThat(exit).as("Main exited early").isNotDone();
            try {
                var r =
                        http.send(
                                HttpRequest.newBuilder(URI.create(base + "/health/ready")).build(),
                                HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("queue-manager did not become ready");
    }

    private static HttpResponse<String> post(HttpClient http, String url, String body)
            throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
