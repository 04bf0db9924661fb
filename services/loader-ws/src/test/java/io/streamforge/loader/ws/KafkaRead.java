package io.streamforge.loader.ws;

import io.streamforge.kafka.KafkaClients;
import io.streamforge.kafka.KafkaSettings;
import io.streamforge.kafka.TelemetryCodec;
import io.streamforge.kafka.TelemetryEvent;
import io.streamforge.kafka.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/** Reads topics from the beginning with a plain consumer (no group). */
final class KafkaRead {
    private KafkaRead() {}

    /**
     * Every record of {@code topic} until {@code done} holds for what was read, or until no record
     * arrived for {@code idleMs} (then {@code done} must hold); fails after 30 s.
     */
    static List<ConsumerRecord<String, byte[]>> all(
            String bootstrap,
            String topic,
            Predicate<List<ConsumerRecord<String, byte[]>>> done,
            long idleMs) {
        KafkaSettings kafka = KafkaSettings.plaintext(bootstrap);
        try (KafkaConsumer<String, byte[]> consumer =
                KafkaClients.consumer(kafka, null, "loader-ws-it-" + topic)) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                            .map(p -> new TopicPartition(p.topic(), p.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
            long deadline = System.nanoTime() + 30_000_000_000L;
            long lastNs = System.nanoTime();
            while (!done.test(out)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("timeout reading " + topic + ": " + out.size());
                }
                var batch = consumer.poll(Duration.ofMillis(200));
                batch.forEach(out::add);
                if (!batch.isEmpty()) {
                    lastNs = System.nanoTime();
                } else if (idleMs > 0 && System.nanoTime() - lastNs > idleMs * 1_000_000) {
                    break;
                }
            }
            return out;
        }
    }

    /** Telemetry events of {@code queueId} until its terminal event. */
    static List<TelemetryEvent> telemetry(String bootstrap, String queueId) {
        List<TelemetryEvent> events = new ArrayList<>();
        all(
                bootstrap,
                Topics.EVENTS,
                recs -> {
                    events.clear();
                    for (var r : recs) {
                        TelemetryEvent e = TelemetryCodec.decodeEvent(r.value());
                        if (e.queueId().equals(queueId)) events.add(e);
                    }
                    return events.stream().anyMatch(TelemetryEvent::terminal);
                },
                0);
        return events;
    }
}
