package io.streamforge.app.live;

import io.streamforge.domain.MarketRecord;
import io.streamforge.domain.Symbol;
import io.streamforge.kafka.DataMessage;
import io.streamforge.kafka.KafkaClients;
import io.streamforge.kafka.KafkaSettings;
import io.streamforge.kafka.RecordCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/** What a topic holds up to its end offsets, read with a plain consumer (no group). */
final class TopicContent {
    private TopicContent() {}

    /** The records of {@code type} per symbol in topic order (key = symbol: one partition each). */
    static <T extends MarketRecord> Map<Symbol, List<T>> bySymbol(
            String bootstrap, String topic, Class<T> type) {
        Map<Symbol, List<T>> out = new TreeMap<>();
        try (KafkaConsumer<String, byte[]> c =
                KafkaClients.consumer(KafkaSettings.plaintext(bootstrap), null, "live-it-read")) {
            List<TopicPartition> parts =
                    c.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                            .map(p -> new TopicPartition(topic, p.partition()))
                            .toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("timeout reading " + topic);
                }
                for (var rec : c.poll(Duration.ofMillis(200))) {
                    if (RecordCodec.decode(rec.value()) instanceof DataMessage.Data d
                            && type.isInstance(d.record())) {
                        T r = type.cast(d.record());
                        out.computeIfAbsent(r.symbol(), k -> new ArrayList<>()).add(r);
                    }
                }
            }
        }
        return out;
    }
}
