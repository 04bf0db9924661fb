package io.streamforge.queuemanager;

import io.streamforge.domain.port.TimeSource;
import io.streamforge.kafka.ControlCommand;
import io.streamforge.kafka.KafkaClients;
import io.streamforge.kafka.KafkaSettings;
import io.streamforge.kafka.TelemetryCodec;
import io.streamforge.kafka.Topics;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Control commands and topic creation over Kafka. */
public final class KafkaMessaging implements Orchestrator.Messaging, AutoCloseable {
    private final KafkaSettings kafka;
    private final KafkaProducer<String, byte[]> producer;
    private final TimeSource time;
    private final int partitions;

    public KafkaMessaging(KafkaSettings kafka, TimeSource time, int partitions) {
        this.kafka = kafka;
        this.time = time;
        this.partitions = partitions;
        this.producer = KafkaClients.producer(kafka, "queue-manager-control");
    }

    /** Creates {@code queue-control} and {@code queue-events} if missing. */
    public void ensureControlTopics() {
        KafkaClients.ensureTopics(
                kafka,
                List.of(
                        KafkaClients.topic(Topics.CONTROL, 1),
                        KafkaClients.topic(Topics.EVENTS, 3)),
                Duration.ofSeconds(30));
    }

    @Override
    public void sendStop(String queueId) {
        send(ControlCommand.of("stop", queueId, null, time.nowUs()));
    }

    @Override
    public void sendStart(String queueId) {
        send(ControlCommand.of("start", queueId, null, time.nowUs()));
    }

    public void send(ControlCommand cmd) {
        try {
            producer.send(
                            new ProducerRecord<>(
                                    Topics.CONTROL, cmd.queueId(), TelemetryCodec.encode(cmd)))
                    .get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new io.streamforge.domain.TransientException(
                    "control command not sent: " + e.getMessage(), e);
        }
    }

    @Override
    public void createDataTopic(String topic) {
        KafkaClients.ensureTopics(
                kafka,
                List.of(
                        KafkaClients.topic(topic, partitions),
                        KafkaClients.topic(Topics.dlq(topic), 1)),
                Duration.ofSeconds(30));
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
