package io.streamforge.connector;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamforge.domain.Candle;
import io.streamforge.domain.Symbol;
import io.streamforge.kafka.ControlCommand;
import io.streamforge.kafka.TelemetryCodec;
import io.streamforge.kafka.TelemetryEvent;
import io.streamforge.kafka.Topics;
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

    static io.streamforge.domain.TimeRange dayRange() {
        return new io.streamforge.domain.TimeRange(
                DAY * ConnectorHarness.DAY_US, (DAY + 1) * ConnectorHarness.DAY_US);
    }
}
