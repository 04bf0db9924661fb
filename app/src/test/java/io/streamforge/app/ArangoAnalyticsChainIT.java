package io.streamforge.app;

import static io.streamforge.app.AnalyticsChainIT.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import io.streamforge.kafka.TelemetryEvent;
import io.streamforge.sim.SimConfig;
import io.streamforge.store.arango.ArangoStores;
import io.streamforge.store.arango.FakeArangoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link AnalyticsChainIT} with {@code DB_KIND=arango} for every service: the connector writes the
 * candles and the coverage ledger to ArangoDB, graph-builder reads them there and stores the graph
 * and the indicators there, gnn-trainer trains from there, and the visualizer API (in-process,
 * opened by the store factory on the same environment) serves candles, indicators, the graph and
 * the model's metrics from ArangoDB. The same assertions as the PostgreSQL chain, plus: nothing of
 * the market data lands in PostgreSQL (which keeps only the queue state).
 *
 * <p>The ArangoDB is the in-test {@link FakeArangoServer} — NOT a real ArangoDB: no server can run
 * on this machine. Kafka, PostgreSQL (queues), S3 and the exchange simulator are real, in-process.
 */
class ArangoAnalyticsChainIT {
    static final List<Symbol> SYMBOLS = AnalyticsChainIT.SYMBOLS;
    static final Symbol BTC = Symbol.of("BTCUSDT");
    static FakeArangoServer arango;
    static LocalPlatform platform;

    @BeforeAll
    static void start() throws Exception {
        arango = new FakeArangoServer("root", "arango-pw");
        Path secret = Files.createTempFile("arango-password", "");
        Files.writeString(secret, "arango-pw");
        Map<String, String> env =
                Map.of(
                        "DB_KIND", "arango",
                        "ARANGO_URL", arango.url(),
                        "ARANGO_DB", "streamforge",
                        "ARANGO_USER", "root",
                        "ARANGO_PASSWORD_FILE", secret.toString());
        platform = PlatformFixture.start(SimConfig.defaults().withSymbols(SYMBOLS), env);
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
        if (arango != null) {
            arango.close();
        }
    }

    @Test
    void everyServiceOnArangoFromLoadToGraphIndicatorsModelAndUi() throws Exception {
        String queueId = AnalyticsChainIT.runChain(platform);

        List<TelemetryEvent> events = PlatformFixture.events(platform, queueId);
        assertThat(at(events, "graph-builder", "started"))
                .isGreaterThanOrEqualTo(at(events, "arango-connector", "finished"));
        assertThat(at(events, "gnn-trainer", "started"))
                .isGreaterThanOrEqualTo(at(events, "graph-builder", "finished"));
        long epochs =
                events.stream()
                        .filter(e -> e.target().equals("gnn-trainer"))
                        .filter(e -> e.status().equals("loading"))
                        .filter(e -> e.extra() != null && e.extra().containsKey("epoch"))
                        .count();
        assertThat(epochs).isBetween(1L, 3L);
        TelemetryEvent trained =
                events.stream()
                        .filter(e -> e.target().equals("gnn-trainer"))
                        .filter(e -> e.status().equals("finished"))
                        .findFirst()
                        .orElseThrow();
        assertThat(trained.extra())
                .containsKeys("model_uri", "test_macro_f1", "persistence_macro_f1");
        assertThat((String) trained.extra().get("model_uri"))
                .startsWith("s3://streamforge/models/" + queueId + "/");

        TimeRange day = TimeRange.parseDays("2024-06-01:2024-06-01");
        try (ArangoStores stored =
                ArangoStores.open(arango.url(), "streamforge", "root", "arango-pw")) {
            assertThat(stored.graphs().load(queueId).orElseThrow().edges())
                    .hasSize(SYMBOLS.size() - 1);
            assertThat(stored.marketData().candles(BTC, Interval.M1, day)).hasSize(1440);
            assertThat(stored.indicators().names(BTC, Interval.M1)).containsExactly("RSI_14");
            assertThat(stored.coverage().keys()).isNotEmpty();
        }
        assertThat(platform.stores().marketData().count("candle", BTC))
                .as("market data went to ArangoDB, not PostgreSQL")
                .isZero();
        uiServesArangoData(queueId);
    }

    private static void uiServesArangoData(String queueId) {
        ApiClient ui = new ApiClient(platform.visualizerUrl());
        String q = "?symbol=BTCUSDT&interval=1m&from=2024-06-01&to=2024-06-01";
        var candles = ui.get("/api/candles" + q);
        assertThat(candles.status()).isEqualTo(200);
        assertThat(candles.body().get("count").asInt()).isEqualTo(1440);
        var names = ui.get("/api/indicators?symbol=BTCUSDT&interval=1m");
        assertThat(names.body().get("names").toString()).isEqualTo("[\"RSI_14\"]");
        var rsi = ui.get("/api/indicators/values" + q + "&name=RSI_14");
        assertThat(rsi.status()).isEqualTo(200);
        assertThat(rsi.body().get("count").asInt()).isBetween(1400, 1440);
        var graph = ui.get("/api/graphs/" + queueId);
        assertThat(graph.status()).isEqualTo(200);
        assertThat(graph.body().get("nodes")).hasSize(SYMBOLS.size());
        assertThat(graph.body().get("edges")).hasSize(SYMBOLS.size() - 1);
        var run = ui.get("/api/models/latest?name=" + queueId);
        assertThat(run.status()).as(run.body().toString()).isEqualTo(200);
        JsonNode test = run.body().path("metrics").path("test");
        assertThat(test.path("macro_f1").isNumber()).as(test.toString()).isTrue();
        assertThat(test.path("samples").asInt()).isPositive();
    }
}
