package io.streamforge.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamforge.connector.ConnectorWorker;
import io.streamforge.domain.port.TimeSource;
import io.streamforge.loader.candles.CandlesLoader;
import io.streamforge.runtime.StopSignal;
import io.streamforge.runtime.Worker;
import io.streamforge.runtime.WorkerRunner;
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
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The metric names the Grafana dashboards and PrometheusRules reference
 * (deploy/monitoring/referenced-metrics.txt, section [service]) are really exposed by running
 * services: a loader and a connector are started on fixed ports and their /metrics scraped.
 */
class MetricsScrapeIT {
    static LocalPlatform platform;

    @BeforeAll
    static void start() throws Exception {
        platform =
                PlatformFixture.start(
                        SimConfig.defaults().withSymbols("BTCUSDT", "ETHUSDT"), Map.of());
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void everyReferencedServiceMetricIsExposed() throws Exception {
        Path list =
                Path.of(System.getProperty("user.dir"))
                        .resolve("../deploy/monitoring/referenced-metrics.txt");
        Set<String> referenced = serviceSection(Files.readAllLines(list));
        assertThat(referenced).isNotEmpty();
        String q = "loader-metrics-2024-01-01-mmmmmm";
        Set<String> exposed = new TreeSet<>();
        exposed.addAll(
                scrapeWhileRunning(
                        CandlesLoader.SERVICE,
                        CandlesLoader::create,
                        true,
                        Map.of(
                                "QUEUE_ID",
                                q,
                                "SYMBOLS",
                                "BTCUSDT,ETHUSDT",
                                "TIME_RANGE",
                                "2023-01-01:2023-12-31",
                                "TELEMETRY_ID",
                                "loader-api-candles__mmmmmm"),
                        // after the first exchange request, not merely after start-up
                        "streamforge_loader_requests_total"));
        exposed.addAll(
                scrapeWhileRunning(
                        ConnectorWorker.SERVICE,
                        ConnectorWorker::create,
                        false,
                        Map.of(
                                "QUEUE_ID",
                                q,
                                "EXPECTED_PRODUCERS",
                                "loader-api-candles__mmmmmm,never"),
                        "streamforge_connector_batch_seconds_count"));
        assertThat(exposed).containsAll(referenced);
    }

    static Set<String> serviceSection(List<String> lines) {
        Set<String> out = new TreeSet<>();
        boolean in = false;
        for (String l : lines) {
            String t = l.strip();
            if (t.startsWith("[")) {
                in = t.equals("[service]");
            } else if (in && !t.isEmpty() && !t.startsWith("#")) {
                out.add(t);
            }
        }
        return out;
    }

    /** Runs a worker on a fixed port, scrapes until {@code awaited} shows up, then stops it. */
    Set<String> scrapeWhileRunning(
            String service,
            Worker.Factory f,
            boolean symbols,
            Map<String, String> env,
            String awaited)
            throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Map<String, String> all = new HashMap<>(env);
        all.put("KAFKA_BOOTSTRAP_SERVERS", platform.kafka().bootstrapServers());
        all.put("BINANCE_BASE_URL", platform.exchangeUrl());
        all.put("POSTGRES_JDBC_URL", ConnectorITJdbc.url(platform));
        all.put("HTTP_PORT", Integer.toString(port));
        all.put("HTTP_HOST", "127.0.0.1");
        StopSignal stop = new StopSignal();
        CompletableFuture<Integer> run =
                CompletableFuture.supplyAsync(
                        () ->
                                WorkerRunner.run(
                                        service, all, symbols, f, stop, TimeSource.system()));
        HttpClient http = HttpClient.newHttpClient();
        String body = "";
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline
                && !body.contains(awaited + " ")
                && !body.contains(awaited + "{")) {
            Thread.sleep(300);
            try {
                body =
                        http.send(
                                        HttpRequest.newBuilder(
                                                        URI.create(
                                                                "http://127.0.0.1:"
                                                                        + port
                                                                        + "/metrics"))
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString())
                                .body();
            } catch (java.io.IOException notYet) {
                // the worker is still starting
            }
        }
        stop.stop("test done");
        assertThat(run.get()).isZero();
        Set<String> names = new TreeSet<>();
        for (String line : body.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                names.add(line.split("[ {]", 2)[0]);
            }
        }
        assertThat(names).as(service + " exposes " + awaited).contains(awaited);
        return names;
    }
}
