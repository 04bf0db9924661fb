package io.streamforge.graphbuilder;

import io.streamforge.kafka.KafkaClients;
import io.streamforge.kafka.KafkaSettings;
import io.streamforge.kafka.TelemetryCodec;
import io.streamforge.kafka.TelemetryEvent;
import io.streamforge.kafka.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/** Reads a queue's telemetry from {@code queue-events}, from the beginning. */
final class TelemetryReader {
    private TelemetryReader() {}

    /**
     * Every event of {@code queueId}, read until {@code terminals} terminal events (finished,
     * error, interrupted) have been seen; fails after 30 s.
     */
    static List<TelemetryEvent> untilTerminal(KafkaSettings kafka, String queueId, int terminals) {
        try (KafkaConsumer<String, byte[]> consumer =
                KafkaClients.consumer(kafka, null, "graph-builder-it-" + queueId)) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(Topics.EVENTS, Duration.ofSeconds(10)).stream()
                            .map(p -> new TopicPartition(p.topic(), p.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<TelemetryEvent> events = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            int seen = 0;
            while (seen < terminals) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(
                            "only " + seen + " terminal events of " + queueId + ": " + events);
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    TelemetryEvent e = TelemetryCodec.decodeEvent(r.value());
                    if (e.queueId().equals(queueId)) {
                        events.add(e);
                        seen += e.terminal() ? 1 : 0;
                    }
                }
            }
            return events;
        }
    }
}
