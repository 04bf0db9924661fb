package io.streamforge.gnntrainer;

import io.streamforge.kafka.KafkaClients;
import io.streamforge.kafka.KafkaSettings;
import io.streamforge.kafka.TelemetryCodec;
import io.streamforge.kafka.TelemetryEvent;
import io.streamforge.kafka.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/** Reads one queue's telemetry from {@code queue-events}, from the beginning. */
final class QueueEvents {
    private QueueEvents() {}

    /** Every event of {@code queueId} up to and including its first terminal event (≤ 60 s). */
    static List<TelemetryEvent> untilTerminal(KafkaSettings kafka, String queueId) {
        return untilTerminal(kafka, queueId, e -> {});
    }

    /** Same, calling {@code onEvent} for each event as it arrives. */
    static List<TelemetryEvent> untilTerminal(
            KafkaSettings kafka, String queueId, Consumer<TelemetryEvent> onEvent) {
        try (KafkaConsumer<String, byte[]> consumer =
                KafkaClients.consumer(kafka, null, "gnn-trainer-it-" + queueId)) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(Topics.EVENTS, Duration.ofSeconds(10)).stream()
                            .map(p -> new TopicPartition(p.topic(), p.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<TelemetryEvent> events = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    TelemetryEvent e = TelemetryCodec.decodeEvent(r.value());
                    if (e.queueId().equals(queueId)) {
                        events.add(e);
                        onEvent.accept(e);
                        if (e.terminal()) {
                            return events;
                        }
                    }
                }
            }
            throw new AssertionError("no terminal event of " + queueId + " in 60 s: " + events);
        }
    }
}
