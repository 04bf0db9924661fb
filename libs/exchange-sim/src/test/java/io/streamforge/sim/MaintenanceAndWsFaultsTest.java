package io.streamforge.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Micros;
import io.streamforge.domain.Symbol;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Maintenance windows are absent everywhere; run-time WebSocket faults. */
class MaintenanceAndWsFaultsTest {
    static final Symbol BTC = Symbol.of("BTCUSDT");
    static final long W_START = Micros.of(Instant.parse("2024-02-10T10:00:00Z"));
    static final long W_END = Micros.of(Instant.parse("2024-02-10T11:00:00Z"));
    static ExchangeSimulator sim;
    static TestClock clock;
    static Http http;

    @BeforeAll
    static void start() {
        clock = new TestClock(W_START - 120_000_000L);
        sim =
                ExchangeSimulator.start(
                        SimConfig.defaults().withSymbols("BTCUSDT").withTimeSource(clock));
        http = new Http(sim.baseUrl());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void maintenanceWindowHasNoTradesKlinesEventsOrDumpRows() throws Exception {
        HttpResponse<String> set =
                http.post(
                        "/sim/faults",
                        "{\"maintenance\":[{\"start\":"
                                + W_START / 1000
                                + ",\"end\":"
                                + W_END / 1000
                                + "}]}");
        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(set.body()).contains("\"maintenance\":[{\"start\":" + W_START / 1000);
        try (Ws ws =
                Ws.connect(sim.wsBaseUrl() + "/stream?streams=btcusdt@aggTrade/btcusdt@kline_1m")) {
            Thread.sleep(150);
            StreamsTest.advance(clock, W_END + 120_000_000L, 600_000_000L);
            long lastKlineOpenMs = W_END / 1000 + 60_000;
            List<JsonNode> events =
                    ws.until(
                            n ->
                                    n.get("data").has("k")
                                            && n.get("data").get("k").get("t").asLong()
                                                    == lastKlineOpenMs
                                            && n.get("data").get("k").get("x").asBoolean(),
                            10);
            long aggs = 0;
            long closedKlines = 0;
            long prevAgg = -1;
            for (JsonNode n : events) {
                JsonNode d = n.get("data");
                long t = d.has("k") ? d.get("k").get("t").asLong() : d.get("T").asLong();
                assertThat(outside(t)).isTrue();
                if (!d.has("k")) {
                    aggs++;
                    assertThat(prevAgg < 0 || d.get("a").asLong() == prevAgg + 1)
                            .as("contiguous ids")
                            .isTrue();
                    prevAgg = d.get("a").asLong();
                } else if (d.get("k").get("x").asBoolean()) {
                    closedKlines++;
                }
            }
            assertThat(aggs).isPositive();
            assertThat(closedKlines).isEqualTo(2 + 2); // 09:58, 09:59, 11:00, 11:01
        }
        JsonNode rest =
                Http.json(
                        http.get(
                                "/api/v3/klines?symbol=BTCUSDT&interval=1m&startTime="
                                        + (W_START / 1000 - 60_000)
                                        + "&endTime="
                                        + (W_END / 1000)));
        assertThat(rest).hasSize(2);
        assertThat(rest.get(0).get(0).asLong()).isEqualTo(W_START / 1000 - 60_000);
        assertThat(rest.get(1).get(0).asLong()).isEqualTo(W_END / 1000);
        assertThat(
                        Http.json(
                                        http.get(
                                                "/api/v3/klines?symbol=BTCUSDT&interval=1h&startTime="
                                                        + W_START / 1000
                                                        + "&limit=1"))
                                .get(0)
                                .get(0)
                                .asLong())
                .isEqualTo(W_END / 1000);
        assertThat(
                        Http.json(
                                http.get(
                                        "/api/v3/aggTrades?symbol=BTCUSDT&startTime="
                                                + W_START / 1000
                                                + "&endTime="
                                                + (W_END / 1000 - 1))))
                .isEmpty();
        String path = DumpFiles.dailyKlinesPath(BTC, Interval.M1, LocalDate.of(2024, 2, 10));
        clock.set(Micros.of(Instant.parse("2024-03-01T00:00:00Z")));
        byte[] zip =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/" + path))
                                        .build(),
                                HttpResponse.BodyHandlers.ofByteArray())
                        .body();
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(zip))) {
            z.getNextEntry();
            String[] lines = new String(z.readAllBytes(), StandardCharsets.US_ASCII).split("\n");
            assertThat(lines).hasSize(1_440 - 60);
            for (String l : lines) {
                assertThat(outside(Long.parseLong(l.split(",")[0]))).isTrue();
            }
        }
        assertThat(
                        sim.model()
                                .aggTrades(
                                        BTC,
                                        Micros.of(LocalDate.of(2024, 2, 10)),
                                        Micros.of(LocalDate.of(2024, 2, 11))))
                .hasSize(sim.model().aggTradesPerDay());
        assertThat(
                        http.post(
                                        "/sim/faults",
                                        "{\"maintenance\":[{\"start\":1707523200000,\"end\":1707609600000}]}")
                                .body())
                .contains("whole UTC day 2024-02-10");
        sim.faults().maintenance(List.of());
    }

    static boolean outside(long ms) {
        return ms < W_START / 1000 || ms >= W_END / 1000;
    }

    @Test
    void serverShutdownDropsAndRotation() throws Exception {
        try (Ws a = Ws.connect(sim.wsBaseUrl() + "/stream?streams=btcusdt@trade");
                Ws b = Ws.connect(sim.wsBaseUrl() + "/ws/btcusdt@trade")) {
            Thread.sleep(150); // both sessions registered (open callbacks ran)
            assertThat(http.post("/sim/faults", "{\"serverShutdown\":true}").statusCode())
                    .isEqualTo(200);
            JsonNode wrapped = a.nextJson(5);
            assertThat(wrapped.get("stream").asText()).isEqualTo("!serverShutdown");
            assertThat(wrapped.get("data").get("e").asText()).isEqualTo("serverShutdown");
            assertThat(wrapped.get("data").get("E").asLong()).isEqualTo(clock.nowUs() / 1000);
            assertThat(b.nextJson(5).get("e").asText()).isEqualTo("serverShutdown");
            assertThat(a.awaitClosed(5)).isEqualTo(1001);
            assertThat(b.awaitClosed(5)).isEqualTo(1001);
        }
        try (Ws c = Ws.connect(sim.wsBaseUrl() + "/ws/btcusdt@trade")) {
            Thread.sleep(150); // session registered before the fault
            sim.faults().dropWebSocketsNow();
            assertThat(c.awaitClosed(5)).isNotNull().isNotEqualTo(1000);
        }
        try (Ws d = Ws.connect(sim.wsBaseUrl() + "/ws/btcusdt@trade")) {
            Thread.sleep(150); // session registered before the fault
            sim.faults().rotateWebSocketsNow();
            assertThat(d.awaitClosed(5)).isEqualTo(1000);
        }
        sim.faults().dropWebSocketsEveryMs(200);
        try (Ws e = Ws.connect(sim.wsBaseUrl() + "/ws/btcusdt@trade")) {
            assertThat(e.awaitClosed(5)).isNotNull();
        } finally {
            sim.faults().clear();
        }
        try (Ws f = Ws.connect(sim.wsBaseUrl() + "/ws/btcusdt@trade")) {
            assertThat(f.awaitClosed(0.5)).isNull();
        }
    }

    @Test
    void plannedServerShutdownKeepsTheSocketOpenForTheGrace() throws Exception {
        try (Ws a = Ws.connect(sim.wsBaseUrl() + "/stream?streams=btcusdt@trade")) {
            Thread.sleep(150); // session registered
            long sentNs = System.nanoTime();
            assertThat(
                            http.post("/sim/faults", "{\"serverShutdown\":{\"grace_ms\":800}}")
                                    .statusCode())
                    .isEqualTo(200);
            assertThat(a.nextJson(5).get("data").get("e").asText()).isEqualTo("serverShutdown");
            // the replacement opened during the grace is not part of the shutdown
            try (Ws b = Ws.connect(sim.wsBaseUrl() + "/stream?streams=btcusdt@trade")) {
                assertThat(a.awaitClosed(0.4)).as("open during the grace").isNull();
                assertThat(a.awaitClosed(5)).isEqualTo(1001);
                assertThat((System.nanoTime() - sentNs) / 1_000_000L).isGreaterThanOrEqualTo(800);
                assertThat(b.awaitClosed(0.5)).as("replacement stays open").isNull();
            }
        }
        try (Ws c = Ws.connect(sim.wsBaseUrl() + "/ws/btcusdt@trade")) {
            Thread.sleep(150);
            sim.faults().serverShutdown(300);
            assertThat(c.nextJson(5).get("e").asText()).isEqualTo("serverShutdown");
            assertThat(c.awaitClosed(0.1)).isNull();
            assertThat(c.awaitClosed(5)).isEqualTo(1001);
        }
    }

    @Test
    void badServerShutdownBodiesAreRejected() {
        for (String body :
                List.of(
                        "{\"serverShutdown\":{\"grace_ms\":-1}}",
                        "{\"serverShutdown\":{\"grace_ms\":\"soon\"}}",
                        "{\"serverShutdown\":{\"graceMs\":5}}",
                        "{\"serverShutdown\":7}")) {
            HttpResponse<String> r = http.post("/sim/faults", body);
            assertThat(r.statusCode()).as(body).isEqualTo(400);
            assertThat(r.body()).as(body).contains("serverShutdown");
        }
        HttpResponse<String> r =
                http.post("/sim/faults", "{\"errorRate\":0.5,\"serverShutdown\":{}}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(sim.faults().errorRate()).as("nothing applied").isZero();
    }

    @Test
    void badFaultBodiesAreRejectedAndChangeNothing() {
        HttpResponse<String> r = http.post("/sim/faults", "{\"errorRate\":0.5,\"colour\":1}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("unknown field 'colour'");
        assertThat(sim.faults().errorRate()).isZero();
        r = http.post("/sim/faults", "{\"errorRate\":0.5,\"microsSwitchDate\":\"2025-13-01\"}");
        assertThat(r.body()).contains("microsSwitchDate must be YYYY-MM-DD");
        assertThat(sim.faults().errorRate()).isZero();
        r = http.post("/sim/faults", "{\"maintenance\":[{\"start\":5,\"end\":1}]}");
        assertThat(r.body()).contains("end must be after start");
    }
}
