package io.streamforge.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamforge.domain.Symbol;
import io.streamforge.kafka.TelemetryEvent;
import io.streamforge.sim.SimConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole chain through the API: loaders + connector, then graph-builder (after the connector),
 * then gnn-trainer (after the graph), with the model written to the embedded S3.
 */
class AnalyticsChainIT {
    static final List<Symbol> SYMBOLS =
            List.of(Symbol.of("BTCUSDT"), Symbol.of("ETHUSDT"), Symbol.of("SOLUSDT"));
    static LocalPlatform platform;

    @BeforeAll
    static void start() throws Exception {
        platform = PlatformFixture.start(SimConfig.defaults().withSymbols(SYMBOLS), Map.of());
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void graphAfterConnectorAndModelAfterGraphWithMetricsAndAModelInS3() throws Exception {
        String queueId = runChain(platform);

        List<TelemetryEvent> events = PlatformFixture.events(platform, queueId);
        long connectorDone = at(events, "arango-connector", "finished");
        long graphStarted = at(events, "graph-builder", "started");
        long graphDone = at(events, "graph-builder", "finished");
        long gnnStarted = at(events, "gnn-trainer", "started");
        assertThat(graphStarted).isGreaterThanOrEqualTo(connectorDone);
        assertThat(gnnStarted).isGreaterThanOrEqualTo(graphDone);

        var graph = platform.stores().graphs().load(queueId).orElseThrow();
        assertThat(graph.edges()).hasSize(SYMBOLS.size() - 1);
        long epochs =
                events.stream()
                        .filter(
                                e ->
                                        e.target().equals("gnn-trainer")
                                                && e.status().equals("loading"))
                        .filter(e -> e.extra() != null && e.extra().containsKey("epoch"))
                        .count();
        assertThat(epochs).isBetween(1L, 3L);
        TelemetryEvent trained =
                events.stream()
                        .filter(
                                e ->
                                        e.target().equals("gnn-trainer")
                                                && e.status().equals("finished"))
                        .findFirst()
                        .orElseThrow();
        assertThat(trained.extra())
                .containsKeys("model_uri", "test_macro_f1", "persistence_macro_f1");
        String uri = (String) trained.extra().get("model_uri");
        assertThat(uri).startsWith("s3://streamforge/models/" + queueId + "/");
    }

    /**
     * Starts the chain (3 symbols × 3 days of 1m candles → connector → graph-builder with RSI:14 on
     * 15m → gnn-trainer, 3 epochs) through the API and waits until it finished; returns its id.
     */
    static String runChain(LocalPlatform platform) throws Exception {
        ApiClient api = new ApiClient(platform.apiUrl());
        String json =
                "{\"symbols\":[\"BTCUSDT\",\"ETHUSDT\",\"SOLUSDT\"],\"time_range\":\"2024-06-01:2024-06-03\","
                        + "\"microservices\":[{\"target\":\"loader-api-candles\",\"interval\":\"1m\"},"
                        + "{\"target\":\"arango-connector\"},"
                        + "{\"target\":\"graph-builder\",\"params\":{\"resample\":\"15m\",\"indicators\":\"RSI:14\"}},"
                        + "{\"target\":\"gnn-trainer\",\"params\":{\"resample\":\"15m\",\"gnn_epochs\":3}}]}";
        var created = api.post("/queues/start-pipeline", json);
        assertThat(created.status()).isEqualTo(201);
        String queueId = created.body().get("queue_id").asText();
        var end = PlatformFixture.awaitEnd(api, queueId, Duration.ofMinutes(4));
        assertThat(end.get("status").asText()).as(end.toString()).isEqualTo("finished");
        return queueId;
    }

    static long at(List<TelemetryEvent> events, String target, String status) {
        return events.stream()
                .filter(e -> e.target().equals(target) && e.status().equals(status))
                .mapToLong(TelemetryEvent::timestampUs)
                .findFirst()
                .orElseThrow(
                        () ->
                                new AssertionError(
                                        "no " + status + " from " + target + " in " + events));
    }
}
