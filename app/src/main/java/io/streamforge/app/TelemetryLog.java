package io.streamforge.app;

import io.streamforge.kafka.KafkaClients;
import io.streamforge.kafka.KafkaSettings;
import io.streamforge.kafka.TelemetryCodec;
import io.streamforge.kafka.TelemetryEvent;
import io.streamforge.kafka.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/** Reads the telemetry a queue produced so far from {@code queue-events} (no consumer group). */
public final class TelemetryLog {
    private TelemetryLog() {}

    public static List<TelemetryEvent> read(String bootstrapServers, String queueId) {
        return read(KafkaSettings.plaintext(bootstrapServers), queueId);
    }

    /** As {@link #read(String, String)} with any Kafka settings (e.g. a secured broker's admin). */
    public static List<TelemetryEvent> read(KafkaSettings kafka, String queueId) {
        List<TelemetryEvent> out = new ArrayList<>();
        for (byte[] value : records(kafka)) {
            TelemetryEvent e = TelemetryCodec.decodeEvent(value);
            if (e.queueId().equals(queueId)) {
                out.add(e);
            }
        }
        out.sort(Comparator.comparingLong(TelemetryEvent::timestampUs));
        return out;
    }

    /** Every record value on {@code queue-events} so far, undecoded (all queues). */
    public static List<byte[]> records(KafkaSettings kafka) {
        List<byte[]> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c =
                KafkaClients.consumer(kafka, null, "telemetry-log")) {
            List<TopicPartition> parts =
                    c.partitionsFor(Topics.EVENTS).stream()
                            .map(i -> new TopicPartition(i.topic(), i.partition()))
                            .toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline
                    && parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                    out.add(r.value());
                }
            }
        }
        return out;
    }
}
