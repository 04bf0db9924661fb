package io.streamforge.loader.candles;

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
import io.streamforge.sim.SimConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * The real parts the candles loader needs, all in this JVM: a Kafka broker (KRaft, {@link
 * EmbeddedKafkaBroker}) and the exchange simulator over loopback; runs the worker through {@link
 * WorkerRunner#run} as {@code main()} does, and reads what it wrote.
 */
final class SimAndKafka implements AutoCloseable {
    /** A message of the data topic with where it stood and its raw JSON. */
    record Published(int partition, long offset, DataMessage message, String json) {}

    final EmbeddedKafkaBroker kafka;
    final ExchangeSimulator sim;

    private SimAndKafka(EmbeddedKafkaBroker kafka, ExchangeSimulator sim) {
        this.kafka = kafka;
        this.sim = sim;
    }

    static SimAndKafka start(SimConfig config) {
        EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start();
        kafka.createTopic(Topics.EVENTS, 1);
        kafka.createTopic(Topics.CONTROL, 1);
        return new SimAndKafka(kafka, ExchangeSimulator.start(config.withPort(0)));
    }

    /** The environment of one loader run: REST from the simulator, a 2-partition data topic. */
    Map<String, String> env(String queueId, String symbols, String days) {
        Map<String, String> env = new HashMap<>();
        env.put("QUEUE_ID", queueId);
        env.put("TELEMETRY_ID", CandlesLoader.SERVICE + "__" + queueId);
        env.put("SYMBOLS", symbols);
        env.put("TIME_RANGE", days);
        env.put("TOPIC_PARTITIONS", "2");
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("BINANCE_BASE_URL", sim.baseUrl());
        env.put("HTTP_PORT", "0");
        return env;
    }

    int run(Map<String, String> env) {
        return run(env, new StopSignal());
    }

    int run(Map<String, String> env, StopSignal stop) {
        return WorkerRunner.run(
                CandlesLoader.SERVICE, env, true, CandlesLoader::create, stop, TimeSource.system());
    }

    /** Everything on the data topic now (the worker has ended: its producer was flushed). */
    List<Published> data(String topic) {
        List<Published> out = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : readToEnd(topic)) {
            out.add(
                    new Published(
                            r.partition(),
                            r.offset(),
                            RecordCodec.decode(r.value()),
                            new String(r.value(), java.nio.charset.StandardCharsets.UTF_8)));
        }
        return out;
    }

    /** The telemetry events of one queue now on {@code queue-events}, in order. */
    List<TelemetryEvent> events(String queueId) {
        return readToEnd(Topics.EVENTS).stream()
                .map(r -> TelemetryCodec.decodeEvent(r.value()))
                .filter(e -> e.queueId().equals(queueId))
                .toList();
    }

    /** Every record of every partition of {@code topic} up to its current end offsets. */
    List<ConsumerRecord<String, byte[]>> readToEnd(String topic) {
        KafkaSettings settings = KafkaSettings.plaintext(kafka.bootstrapServers());
        try (KafkaConsumer<String, byte[]> c =
                KafkaClients.consumer(settings, null, "candles-it-reader")) {
            List<TopicPartition> parts =
                    c.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                            .map(p -> new TopicPartition(topic, p.partition()))
                            .toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (parts.stream().anyMatch(p -> c.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end " + end);
                }
                c.poll(Duration.ofMillis(200)).forEach(out::add);
            }
            return out;
        }
    }

    @Override
    public void close() {
        sim.close();
        kafka.close();
    }
}
