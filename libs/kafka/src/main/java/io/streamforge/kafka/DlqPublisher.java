package io.streamforge.kafka;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Publishes rejected messages to {@code <topic>.dlq} unchanged, with the reason and the source
 * coordinates in headers ({@code sf-dlq-reason}, {@code sf-source-topic}, {@code
 * sf-source-partition}, {@code sf-source-offset}).
 */
public final class DlqPublisher {
    public static final String REASON = "sf-dlq-reason";
    public static final String SOURCE_TOPIC = "sf-source-topic";
    public static final String SOURCE_PARTITION = "sf-source-partition";
    public static final String SOURCE_OFFSET = "sf-source-offset";

    private final Producer<String, byte[]> producer;

    public DlqPublisher(Producer<String, byte[]> producer) {
        this.producer = producer;
    }

    public Future<RecordMetadata> publish(ConsumerRecord<String, byte[]> rejected, String reason) {
        ProducerRecord<String, byte[]> out =
                new ProducerRecord<>(
                        Topics.dlq(rejected.topic()), rejected.key(), rejected.value());
        out.headers().add(REASON, utf8(reason));
        out.headers().add(SOURCE_TOPIC, utf8(rejected.topic()));
        out.headers().add(SOURCE_PARTITION, utf8(Integer.toString(rejected.partition())));
        out.headers().add(SOURCE_OFFSET, utf8(Long.toString(rejected.offset())));
        return producer.send(out);
    }

    /** Blocks until everything published so far is acknowledged. */
    public void flush() {
        producer.flush();
    }

    /** Waits for one publish to be acknowledged; a failure is transient. */
    public static void await(Future<RecordMetadata> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new io.streamforge.domain.TransientException("DLQ publish failed", e.getCause());
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
