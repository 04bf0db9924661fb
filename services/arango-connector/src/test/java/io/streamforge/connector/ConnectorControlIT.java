package io.streamforge.connector;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamforge.domain.Candle;
import io.streamforge.domain.Symbol;
import io.streamforge.kafka.ControlCommand;
import io.streamforge.kafka.TelemetryCodec;
import io.streamforge.kafka.TelemetryEvent;
import io.streamforge.kafka.Topics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * The connector under the control topic and in a consumer group (in-process Kafka, embedded
 * PostgreSQL): ping → pong, a stop command ends it {@code interrupted} with what it stored kept,
 * and two instances in one group store every record once.
 */
class ConnectorControlIT extends ConnectorItBase {
    static final long DAY = 20_000;

    static void command(String command, String q) {
        ControlCommand cmd =
                ControlCommand.of(
                        command, q, ConnectorWorker.SERVICE, System.currentTimeMillis() * 1_000);
        h.sendRaw(List.of(new ProducerRecord<>(Topics.CONTROL, q, TelemetryCodec.encode(cmd))));
    }

    static boolean hasEvent(String q, String status) {
        return h.events(q).stream().anyMatch(e -> e.status().equals(status));
    }

    @Test
    void aPingIsAnsweredAndAStopCommandEndsItInterruptedKeepingWhatItStored() throws Exception {
        String q = "loader-conn-it-stop-aaaaaa";
        Symbol s = Symbol.of("STPUSDT");
        h.topicWithCandles(q, s, DAY, 90); // the loader never ends: no marker
        CompletableFuture<Integer> run = h.runAsync(h.env(q, "loader-that-never-ends"));
        ConnectorHarness.await("rows stored", () -> h.stores.marketData().count("candle", s) == 90);

        command("ping", q);
        ConnectorHarness.await("pong", () -> hasEvent(q, "pong"));
        assertThat(run).isNotDone();
        command("stop", q);
        assertThat(run.get(60, TimeUnit.SECONDS)).isZero();
        List<TelemetryEvent> events = h.events(q);
        TelemetryEvent last = events.get(events.size() - 1);
        assertThat(last.status()).isEqualTo("interrupted");
        assertThat(last.message()).contains("stop command");
        assertThat(h.stores.marketData().count("candle", s)).isEqualTo(90);
    }

    @Test
    void twoConnectorsInOneGroupStoreEveryRecordOnce() throws Exception {
        String q = "loader-conn-it-group-bbbbbb";
        List<Symbol> symbols =
                List.of("GAAUSDT", "GBBUSDT", "GCCUSDT", "GDDUSDT", "GEEUSDT", "GFFUSDT").stream()
                        .map(Symbol::of)
                        .toList();
        h.kafka.createTopic(q, 2);
        Map<String, String> a = h.env(q, "p");
        a.put("GROUP_ID", "connector-it-pair");
        a.put("MAX_POLL_RECORDS", "100");
        a.put("KAFKA_SESSION_TIMEOUT_MS", "6000");
        Map<String, String> b = new java.util.HashMap<>(a);
        a.put("TELEMETRY_ID", "arango-connector__a");
        b.put("TELEMETRY_ID", "arango-connector__b");
        CompletableFuture<Integer> first = h.runAsync(a);
        CompletableFuture<Integer> second = h.runAsync(b);
        for (Symbol s : symbols) {
            h.send(q, ConnectorHarness.candles(s, DAY, 400));
        }
        h.markers(q, "p", 0, 1);
        ConnectorHarness.await(
                "every row stored",
                () ->
                        symbols.stream()
                                .allMatch(s -> h.stores.marketData().count("candle", s) == 400));

        command("stop", q); // an instance holding one partition cannot see the other's marker
        assertThat(first.get(60, TimeUnit.SECONDS)).isZero();
        assertThat(second.get(60, TimeUnit.SECONDS)).isZero();
        for (Symbol s : symbols) {
            List<Candle> want = ConnectorHarness.candles(s, DAY, 400);
            assertThat(h.stores.marketData().count("candle", s)).isEqualTo(400);
            assertThat(
                            h.stores
                                    .marketData()
                                    .candles(s, io.streamforge.domain.Interval.M1, dayRange()))
                    .isEqualTo(want);
        }
        long written =
                h.events(q).stream()
                        .filter(TelemetryEvent::terminal)
                        .mapToLong(TelemetryEvent::recordsWritten)
                        .sum();
        assertThat(written).as("both instances together wrote each record once").isEqualTo(2_400);
    }

    static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static String metrics(int port) throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var req =
                java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create("http://127.0.0.1:" + port + "/metrics"))
                        .build();
        return http.send(req, java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The value of the first sample of {@code name} in a Prometheus text page, or -1. */
    static double sample(String page, String name) {
        return page.lines()
                .filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElse(-1);
    }

    @Test
    void metricsCountWrittenAndRejectedRecordsWhileItRuns() throws Exception {
        String q = "loader-conn-it-metrics-cccccc";
        Symbol s = Symbol.of("MTRUSDT");
        h.topicWithCandles(q, s, DAY, 70);
        h.sendRaw(
                List.of(
                        new ProducerRecord<>(q, s.value(), "{".getBytes(StandardCharsets.UTF_8)),
                        new ProducerRecord<>(q, s.value(), "[]".getBytes(StandardCharsets.UTF_8))));
        int port = freePort();
        Map<String, String> env = h.env(q, "loader-that-never-ends");
        env.put("HTTP_PORT", String.valueOf(port));
        CompletableFuture<Integer> run = h.runAsync(env);
        ConnectorHarness.await(
                "metrics",
                () -> {
                    try {
                        String page = metrics(port);
                        return sample(page, "streamforge_connector_records_written_total") == 70
                                && sample(page, "streamforge_connector_dlq_total") == 2;
                    } catch (Exception e) {
                        return false; // not serving yet
                    }
                });
        String page = metrics(port);
        assertThat(page)
                .contains("service=\"arango-connector\"")
                .contains("queue_id=\"" + q + "\"");
        assertThat(sample(page, "streamforge_connector_batch_seconds_count")).isPositive();
        command("stop", q);
        assertThat(run.get(60, TimeUnit.SECONDS)).isZero();
    }

    static io.streamforge.domain.TimeRange dayRange() {
        return new io.streamforge.domain.TimeRange(
                DAY * ConnectorHarness.DAY_US, (DAY + 1) * ConnectorHarness.DAY_US);
    }
}
