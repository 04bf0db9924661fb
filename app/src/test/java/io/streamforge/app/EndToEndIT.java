package io.streamforge.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.port.MarketDataStore;
import io.streamforge.kafka.TelemetryEvent;
import io.streamforge.sim.MarketModel;
import io.streamforge.sim.SimConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** exchange simulator → loaders → Kafka → connector → PostgreSQL, orchestrated through the API. */
class EndToEndIT {
    static final List<Symbol> SYMBOLS =
            List.of(Symbol.of("BTCUSDT"), Symbol.of("ETHUSDT"), Symbol.of("SOLUSDT"));
    static LocalPlatform platform;
    static ApiClient api;

    @BeforeAll
    static void start() throws Exception {
        platform = PlatformFixture.start(SimConfig.defaults().withSymbols(SYMBOLS), Map.of());
        api = new ApiClient(platform.apiUrl());
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    String runPipeline(String days) throws Exception {
        var created = api.post("/queues/start-pipeline", PlatformFixture.pipeline(SYMBOLS, days));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("status").asText()).isEqualTo("ok");
        String queueId = created.body().get("queue_id").asText();
        assertThat(created.body().get("ids").get("kafka_topic").asText()).isEqualTo(queueId);
        var end = PlatformFixture.awaitEnd(api, queueId, Duration.ofMinutes(3));
        assertThat(end.get("status").asText()).as(end.toString()).isEqualTo("finished");
        return queueId;
    }

    @Test
    void pipelineStoresExactlyTheSimulatorsRecordsAndARerunChangesNothing() throws Exception {
        String days = "2024-03-01:2024-03-02";
        TimeRange range = TimeRange.parseDays(days);
        String first = runPipeline(days);
        MarketDataStore store = platform.stores().marketData();
        MarketModel model = platform.simulator().model();
        for (Symbol s : SYMBOLS) {
            var expectedCandles = model.klines(s, Interval.M1, range.startUs(), range.endUs());
            var expectedTrades = model.aggTrades(s, range.startUs(), range.endUs());
            assertThat(expectedCandles).hasSize(2 * 1440);
            assertThat(store.candles(s, Interval.M1, range)).isEqualTo(expectedCandles);
            assertThat(store.aggTrades(s, range)).isEqualTo(expectedTrades);
            assertThat(store.count("candle", s)).isEqualTo(expectedCandles.size());
        }
        long candlesBefore = SYMBOLS.stream().mapToLong(s -> store.count("candle", s)).sum();
        long tradesBefore = SYMBOLS.stream().mapToLong(s -> store.count("agg_trade", s)).sum();

        String second = runPipeline(days);
        assertThat(second).isNotEqualTo(first);
        assertThat(SYMBOLS.stream().mapToLong(s -> store.count("candle", s)).sum())
                .isEqualTo(candlesBefore);
        assertThat(SYMBOLS.stream().mapToLong(s -> store.count("agg_trade", s)).sum())
                .isEqualTo(tradesBefore);
        for (Symbol s : SYMBOLS) {
            assertThat(store.aggTrades(s, range))
                    .isEqualTo(model.aggTrades(s, range.startUs(), range.endUs()));
        }
        assertThat(platform.simulator().stats().banned()).isZero();
    }

    @Test
    void everyStepReportsStartedThenFinishedAndTheQueueEndsFinished() throws Exception {
        String queueId = runPipeline("2024-04-01:2024-04-01");
        List<TelemetryEvent> events = PlatformFixture.events(platform, queueId);
        Map<String, List<String>> byStep =
                events.stream()
                        .collect(
                                Collectors.groupingBy(
                                        TelemetryEvent::target,
                                        Collectors.mapping(
                                                TelemetryEvent::status, Collectors.toList())));
        assertThat(byStep.keySet())
                .containsExactlyInAnyOrder(
                        "loader-api-candles", "loader-api-trades", "arango-connector");
        byStep.forEach(
                (step, statuses) -> {
                    assertThat(statuses.get(0)).as(step).isEqualTo("started");
                    assertThat(statuses.get(statuses.size() - 1)).as(step).isEqualTo("finished");
                });
        var q = api.get("/queues/" + queueId).body();
        long stored = q.get("steps").get(2).get("records_written").asLong();
        assertThat(stored).isEqualTo(3 * 1440 + 3 * platform.simulator().model().aggTradesPerDay());
        var list = api.get("/queues").body();
        assertThat(list.isArray()).isTrue();
        assertThat(list.findValuesAsText("queue_id")).contains(queueId);
        assertThat(api.get("/queues/list").body().findValuesAsText("queue_id")).contains(queueId);
    }

    @Test
    void stopEndsEveryWorkerOfTheQueueInterrupted() throws Exception {
        var created =
                api.post(
                        "/queues/start-pipeline",
                        PlatformFixture.pipeline(SYMBOLS, "2023-01-01:2023-12-31"));
        String queueId = created.body().get("queue_id").asText();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            var q = api.get("/queues/" + queueId).body();
            if (q.get("steps").get(0).get("status").asText().equals("running")) {
                break;
            }
            Thread.sleep(100);
        }
        var stopped = api.post("/queues/" + queueId + "/stop", "");
        assertThat(stopped.status()).isEqualTo(202);
        var end = PlatformFixture.awaitEnd(api, queueId, Duration.ofMinutes(1));
        assertThat(end.get("status").asText()).isEqualTo("interrupted");
        end.get("steps")
                .forEach(
                        s ->
                                assertThat(s.get("status").asText())
                                        .as(s.toString())
                                        .isEqualTo("interrupted"));
        assertThat(api.post("/queues/stop", "{\"queue_id\":\"nope\"}").status()).isEqualTo(404);
    }

    @Test
    void testFlowRunsTheDummyServiceAndStopsIt() throws Exception {
        var created = api.post("/queues/start-test-flow", "{\"records\":-1,\"ms_per_record\":5}");
        assertThat(created.status()).isEqualTo(201);
        String queueId = created.body().get("queue_id").asText();
        Thread.sleep(1500);
        assertThat(api.get("/queues/" + queueId).body().get("status").asText())
                .isEqualTo("running");
        assertThat(api.post("/queues/stop", "{\"queue_id\":\"" + queueId + "\"}").status())
                .isEqualTo(202);
        assertThat(
                        PlatformFixture.awaitEnd(api, queueId, Duration.ofSeconds(30))
                                .get("status")
                                .asText())
                .isEqualTo("interrupted");
        var failing =
                api.post(
                        "/queues/start-test-flow",
                        "{\"records\":50,\"ms_per_record\":1,\"fail_after\":10}");
        String failId = failing.body().get("queue_id").asText();
        var end = PlatformFixture.awaitEnd(api, failId, Duration.ofSeconds(30));
        assertThat(end.get("status").asText()).isEqualTo("failed");
        assertThat(end.get("steps").get(0).get("message").asText())
                .contains("simulated failure after 10 records");
    }

    @Test
    void badRequestsGetProblemJsonNamingTheField() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        String[][] cases = {
            {
                "{\"symbol\":\"NOPEUSDT\",\"time_range\":\"2024-01-01:2024-01-01\",\"microservices\":[{\"target\":\"loader-api-candles\"}]}",
                "422",
                "symbol"
            },
            {
                "{\"symbol\":\"BTCUSDT\",\"time_range\":\"2024-01-01:2024-01-01\",\"microservices\":[{\"target\":\"loader-api-candles\",\"interval\":\"7m\"}]}",
                "400",
                "microservices[0].interval"
            },
            {
                "{\"symbol\":\"BTCUSDT\",\"time_range\":\"2024-01-01/2024-01-01\",\"microservices\":[{\"target\":\"loader-api-candles\"}]}",
                "400",
                "time_range"
            },
            {
                "{\"symbol\":\"BTCUSDT\",\"microservices\":[{\"target\":\"teleporter\"}]}",
                "400",
                "microservices[0].target"
            },
            {"{\"symbol\":", "400", "body"},
        };
        int before = api.get("/queues").body().size();
        for (String[] c : cases) {
            var req =
                    java.net.http.HttpRequest.newBuilder(
                                    java.net.URI.create(
                                            platform.apiUrl() + "/queues/start-pipeline"))
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(c[0]))
                            .build();
            var res = http.send(req, java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(res.statusCode()).as(c[0]).isEqualTo(Integer.parseInt(c[1]));
            assertThat(res.headers().firstValue("Content-Type").orElse(""))
                    .startsWith("application/problem+json");
            var body = io.streamforge.kafka.Json.MAPPER.readTree(res.body());
            assertThat(body.get("field").asText()).isEqualTo(c[2]);
            assertThat(body.get("status").asInt()).isEqualTo(Integer.parseInt(c[1]));
            assertThat(body.get("detail").asText()).isNotBlank();
        }
        assertThat(api.get("/queues").body().size())
                .as("no queue created by bad requests")
                .isEqualTo(before);
        var missing = api.get("/queues/loader-none");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(api.get("/openapi.json").body().get("paths").has("/queues/start-pipeline"))
                .isTrue();
        assertThat(api.get("/health/ready").status()).isEqualTo(200);
    }
}
