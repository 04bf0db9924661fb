package io.streamforge.app.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Kafka Connect standalone ({@code org.apache.kafka.connect.cli.ConnectStandalone}) in a child JVM
 * on the peer classpath {@code bench-peers/debezium-jdbc/target/lib}; connectors are created and
 * deleted through its REST API on a free loopback port.
 */
final class KafkaConnectChild implements AutoCloseable {
    static final String PEER = "debezium-jdbc";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final String restUrl;
    private final Path log;
    private final HttpClient http = HttpClient.newHttpClient();

    private KafkaConnectChild(Process process, String restUrl, Path log) {
        this.process = process;
        this.restUrl = restUrl;
        this.log = log;
    }

    /**
     * Starts the worker: string keys, JSON values with schemas (the converter's native form),
     * offsets flushed every second, consumers fetching up to {@code maxPollRecords} per poll.
     */
    static KafkaConnectChild start(
            Path libDir, String bootstrap, Path workDir, int maxPollRecords, String heap) {
        try {
            Files.createDirectories(workDir);
            int port = freePort();
            Path props = workDir.resolve("worker.properties");
            Files.writeString(
                    props,
                    String.join(
                            "\n",
                            "bootstrap.servers=" + bootstrap,
                            "key.converter=org.apache.kafka.connect.storage.StringConverter",
                            "value.converter=org.apache.kafka.connect.json.JsonConverter",
                            "value.converter.schemas.enable=true",
                            "offset.storage.file.filename=" + workDir.resolve("offsets"),
                            "offset.flush.interval.ms=1000",
                            "listeners=http://127.0.0.1:" + port,
                            "consumer.max.poll.records=" + maxPollRecords,
                            ""));
            Path log = workDir.resolve("connect.log");
            Process p =
                    PeerProcess.start(
                            libDir + "/*",
                            List.of("-Xmx" + heap, "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"),
                            "org.apache.kafka.connect.cli.ConnectStandalone",
                            List.of(props.toString()),
                            log);
            KafkaConnectChild c = new KafkaConnectChild(p, "http://127.0.0.1:" + port, log);
            c.awaitRest();
            return c;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private void awaitRest() {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka Connect exited: " + logTail());
            }
            try {
                if (send(HttpRequest.newBuilder(URI.create(restUrl + "/connectors")).GET())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // not listening yet
            }
            RestBench.sleepMs(200);
        }
        throw new IllegalStateException("Kafka Connect REST not ready in 3 min: " + logTail());
    }

    /** Creates a connector; fails with Connect's message when the config is rejected. */
    void create(String name, Map<String, String> config) {
        try {
            String body = JSON.writeValueAsString(Map.of("name", name, "config", config));
            HttpResponse<String> r =
                    send(
                            HttpRequest.newBuilder(URI.create(restUrl + "/connectors"))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body)));
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException(
                        "Kafka Connect refused connector " + name + ": " + r.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The connector's task state and, when failed, its trace (first line). */
    String taskState(String name) {
        HttpResponse<String> r =
                send(
                        HttpRequest.newBuilder(
                                        URI.create(restUrl + "/connectors/" + name + "/status"))
                                .GET());
        return r.body();
    }

    void delete(String name) {
        send(HttpRequest.newBuilder(URI.create(restUrl + "/connectors/" + name)).DELETE());
    }

    private HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            return http.send(
                    b.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String logTail() {
        try {
            String s = Files.exists(log) ? Files.readString(log) : "";
            return s.substring(Math.max(0, s.length() - 3000));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        PeerProcess.stop(process);
    }
}
