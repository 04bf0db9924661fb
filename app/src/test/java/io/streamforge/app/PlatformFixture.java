package io.streamforge.app;

import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import io.streamforge.kafka.KafkaClients;
import io.streamforge.kafka.KafkaSettings;
import io.streamforge.kafka.TelemetryCodec;
import io.streamforge.kafka.TelemetryEvent;
import io.streamforge.kafka.Topics;
import io.streamforge.sim.SimConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/** Test helpers around a real local platform (Kafka, PostgreSQL, simulator, queue-manager). */
final class PlatformFixture {
    private PlatformFixture() {}

    static LocalPlatform start(SimConfig sim, Map<String, String> extraEnv) throws Exception {
        Path dir = Files.createTempDirectory("sf-it-");
        return new LocalPlatform(
                new LocalPlatform.Options(dir, 0, null, sim.withPort(0), extraEnv), m -> {});
    }

    static String pipeline(List<Symbol> symbols, String range) {
        return DemoCommand.pipelineJson(symbols, range, "1m");
    }

    /**
     * Polls the API until the queue is terminal (or the timeout passes) and returns its final JSON.
     */
    static com.fasterxml.jackson.databind.JsonNode awaitEnd(
            ApiClient api, String queueId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            var q = api.get("/queues/" + queueId).body();
            String st = q.get("status").asText();
            if (!st.equals("pending") && !st.equals("running")) {
                return q;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("queue " + queueId + " did not end within " + timeout);
    }

    /** All telemetry events of a queue currently on queue-events. */
    static List<TelemetryEvent> events(LocalPlatform p, String queueId) {
        List<TelemetryEvent> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c =
                KafkaClients.consumer(
                        KafkaSettings.plaintext(p.kafka().bootstrapServers()),
                        null,
                        "test-events")) {
            var parts =
                    c.partitionsFor(Topics.EVENTS).stream()
                            .map(
                                    i ->
                                            new org.apache.kafka.common.TopicPartition(
                                                    i.topic(), i.partition()))
                            .toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<org.apache.kafka.common.TopicPartition, Long> end = c.endOffsets(parts);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline
                    && parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                    TelemetryEvent e = TelemetryCodec.decodeEvent(r.value());
                    if (e.queueId().equals(queueId)) {
                        out.add(e);
                    }
                }
            }
        }
        out.sort(java.util.Comparator.comparingLong(TelemetryEvent::timestampUs));
        return out;
    }

    static TimeRange range(String days) {
        return TimeRange.parseDays(days);
    }

    static final Interval M1 = Interval.M1;
}
