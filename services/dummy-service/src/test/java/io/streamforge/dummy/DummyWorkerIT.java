package io.streamforge.dummy;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamforge.domain.port.TimeSource;
import io.streamforge.embedded.EmbeddedKafkaBroker;
import io.streamforge.kafka.KafkaClients;
import io.streamforge.kafka.KafkaSettings;
import io.streamforge.kafka.TelemetryCodec;
import io.streamforge.kafka.TelemetryEvent;
import io.streamforge.kafka.Topics;
import io.streamforge.runtime.StopSignal;
import io.streamforge.runtime.WorkerRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The protocol test double as the queue-manager runs it (through {@link WorkerRunner}, real
 * in-process Kafka for telemetry and control): it reports its simulated records, fails on demand
 * with exit 1, and ends {@code interrupted} (exit 0) when stopped.
 */
class DummyWorkerIT {
    private static EmbeddedKafkaBroker kafka;

    @BeforeAll
    static void start() {
        kafka = EmbeddedKafkaBroker.start();
        kafka.createTopic(Topics.EVENTS, 1);
        kafka.createTopic(Topics.CONTROL, 1);
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    private static Map<String, String> env(String queueId, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(extra);
        env.put("QUEUE_ID", queueId);
        env.put("SYMBOLS", "BTCUSDT");
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("HTTP_PORT", "0");
        return env;
    }

    private static int run(Map<String, String> env, StopSignal stop) {
        return WorkerRunner.run(
                DummyWorker.SERVICE, env, false, DummyWorker::create, stop, TimeSource.system());
    }

    /** The telemetry of one queue, read from the start of queue-events. */
    private static List<TelemetryEvent> events(String queueId) {
        List<TelemetryEvent> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c =
                KafkaClients.consumer(
                        KafkaSettings.plaintext(kafka.bootstrapServers()), null, "dummy-it")) {
            TopicPartition tp = new TopicPartition(Topics.EVENTS, 0);
            c.assign(List.of(tp));
            c.seekToBeginning(List.of(tp));
            long end = c.endOffsets(List.of(tp)).get(tp);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (c.position(tp) < end && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                    TelemetryEvent e = TelemetryCodec.decodeEvent(r.value());
                    if (e.queueId().equals(queueId)) {
                        out.add(e);
                    }
                }
            }
        }
        return out;
    }

    @Test
    void itSimulatesItsRecordsAndFinishesWithTheirCount() {
        int code =
                run(
                        env(
                                "dummy-ok",
                                Map.of("SIMULATE_RECORDS", "250", "SIMULATE_MS_PER_RECORD", "0")),
                        new StopSignal());
        assertThat(code).isEqualTo(WorkerRunner.OK);
        List<TelemetryEvent> events = events("dummy-ok");
        assertThat(events)
                .extracting(TelemetryEvent::status)
                .startsWith("started")
                .endsWith("finished");
        assertThat(events)
                .filteredOn(e -> e.status().equals("loading"))
                .extracting(TelemetryEvent::recordsWritten)
                .containsExactly(100L, 200L);
        TelemetryEvent last = events.get(events.size() - 1);
        assertThat(last.recordsWritten()).isEqualTo(250);
        assertThat(last.finished()).isTrue();
        assertThat(last.target()).isEqualTo("dummy-service");
        assertThat(last.symbol()).isEqualTo("BTCUSDT");
    }

    @Test
    void aSimulatedFailureExitsWith1AndReportsTheError() {
        int code =
                run(
                        env(
                                "dummy-fail",
                                Map.of(
                                        "SIMULATE_RECORDS",
                                        "50",
                                        "SIMULATE_MS_PER_RECORD",
                                        "0",
                                        "SIMULATE_FAIL_AFTER",
                                        "7")),
                        new StopSignal());
        assertThat(code).isEqualTo(WorkerRunner.FAILED);
        TelemetryEvent last = events("dummy-fail").get(events("dummy-fail").size() - 1);
        assertThat(last.status()).isEqualTo("error");
        assertThat(last.errorMessage()).contains("simulated failure after 7 records");
    }

    @Test
    void anEndlessRunEndsInterruptedWhenStopped() throws Exception {
        StopSignal stop = new StopSignal();
        CompletableFuture<Integer> running =
                CompletableFuture.supplyAsync(
                        () ->
                                run(
                                        env(
                                                "dummy-stop",
                                                Map.of(
                                                        "SIMULATE_RECORDS",
                                                        "-1",
                                                        "SIMULATE_MS_PER_RECORD",
                                                        "1")),
                                        stop));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (events("dummy-stop").stream().noneMatch(e -> e.status().equals("loading"))
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        stop.stop("test");
        assertThat(running.get(60, TimeUnit.SECONDS)).isEqualTo(WorkerRunner.OK);
        List<TelemetryEvent> events = events("dummy-stop");
        assertThat(events)
                .extracting(TelemetryEvent::status)
                .contains("loading")
                .endsWith("interrupted");
    }

    @Test
    void aBadSettingIsAConfigurationErrorBeforeAnythingRuns() {
        int code = run(env("dummy-bad", Map.of("SIMULATE_RECORDS", "many")), new StopSignal());
        assertThat(code).isEqualTo(2);
        assertThat(events("dummy-bad")).isEmpty();
    }
}
