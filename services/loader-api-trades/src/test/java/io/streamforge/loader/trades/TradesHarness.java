package io.streamforge.loader.trades;

import io.streamforge.domain.port.TimeSource;
import io.streamforge.embedded.EmbeddedKafkaBroker;
import io.streamforge.kafka.DataMessage;
import io.streamforge.kafka.KafkaClients;
import io.streamforge.kafka.KafkaSettings;
import io.streamforge.kafka.RecordCodec;
import io.streamforge.kafka.TelemetryCodec;
import io.streamforge.kafka.TelemetryEvent;
import io.streamforge.kafka.Topics;
import io.streamforge.runtime.StopSignal;
import io.streamforge.runtime.WorkerRunner;
import io.streamforge.sim.ExchangeSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Runs the trades worker as {@code main()} does ({@link WorkerRunner#run}) against a simulator over
 * loopback and an in-process Kafka broker (KRaft), and reads back its data topic and telemetry.
 */
final class TradesHarness {
    /** One message of the data topic and its partition. */
    record Message(int partition, DataMessage body) {}

    private TradesHarness() {}

    static EmbeddedKafkaBroker kafka() {
        EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start();
        kafka.createTopic(Topics.EVENTS, 1);
        kafka.createTopic(Topics.CONTROL, 1);
        return kafka;
    }

    static Map<String, String> env(
            EmbeddedKafkaBroker kafka,
            ExchangeSimulator sim,
            String queueId,
            String symbols,
            String days) {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("BINANCE_BASE_URL", sim.baseUrl());
        env.put("QUEUE_ID", queueId);
        env.put("SYMBOLS", symbols);
        env.put("TIME_RANGE", days);
        env.put("TOPIC_PARTITIONS", "3");
        env.put("HTTP_PORT", "0");
        return env;
    }

    static int run(Map<String, String> env, StopSignal stop) {
        return WorkerRunner.run(
                TradesLoader.SERVICE, env, true, TradesLoader::create, stop, TimeSource.system());
    }

    /** The data topic as written (the worker has returned, so its producer is flushed). */
    static List<Message> data(EmbeddedKafkaBroker kafka, String topic) {
        return read(kafka, topic, r -> new Message(r.partition(), RecordCodec.decode(r.value())));
    }

    static List<TelemetryEvent> events(EmbeddedKafkaBroker kafka, String queueId) {
        return read(kafka, Topics.EVENTS, r -> TelemetryCodec.decodeEvent(r.value())).stream()
                .filter(e -> e.queueId().equals(queueId))
                .toList();
    }

    private static <T> List<T> read(
            EmbeddedKafkaBroker kafka,
            String topic,
            Function<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>, T> f) {
        var settings = KafkaSettings.plaintext(kafka.bootstrapServers());
        try (KafkaConsumer<String, byte[]> c = KafkaClients.consumer(settings, null, "trades-it")) {
            var parts = new ArrayList<TopicPartition>();
            c.partitionsFor(topic, Duration.ofSeconds(10))
                    .forEach(p -> parts.add(new TopicPartition(topic, p.partition())));
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            List<T> out = new ArrayList<>();
            long deadlineNs = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!parts.stream().allMatch(p -> c.position(p) >= end.get(p))) {
                if (System.nanoTime() > deadlineNs) {
                    throw new AssertionError(topic + " not read to " + end + " in 60 s");
                }
                c.poll(Duration.ofMillis(200)).forEach(r -> out.add(f.apply(r)));
            }
            return out;
        }
    }
}
