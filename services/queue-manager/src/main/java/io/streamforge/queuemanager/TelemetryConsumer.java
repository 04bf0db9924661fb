package io.streamforge.queuemanager;

import io.streamforge.kafka.InvalidRecordException;
import io.streamforge.kafka.KafkaClients;
import io.streamforge.kafka.KafkaSettings;
import io.streamforge.kafka.TelemetryCodec;
import io.streamforge.kafka.TelemetryEvent;
import io.streamforge.kafka.Topics;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes {@code queue-events} in the consumer group {@code streamforge-queue-manager} from the
 * earliest uncommitted event (nothing produced before the manager joined is lost), hands each event
 * to the orchestrator and commits after handling. Started with the manager — the seed never did.
 */
public final class TelemetryConsumer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TelemetryConsumer.class);
    private final KafkaConsumer<String, byte[]> consumer;
    private final Consumer<TelemetryEvent> handler;
    private final Runnable tick;
    private final Thread thread;
    private volatile boolean running = true;

    public TelemetryConsumer(KafkaSettings kafka, Consumer<TelemetryEvent> handler, Runnable tick) {
        this.consumer =
                KafkaClients.consumer(kafka, "streamforge-queue-manager", "queue-manager-events");
        this.handler = handler;
        this.tick = tick;
        this.thread = new Thread(this::loop, "telemetry-consumer");
        this.thread.setDaemon(true);
    }

    public TelemetryConsumer start() {
        consumer.subscribe(List.of(Topics.EVENTS));
        thread.start();
        return this;
    }

    private void loop() {
        long lastTick = 0;
        try {
            while (running) {
                ConsumerRecords<String, byte[]> recs = consumer.poll(Duration.ofMillis(250));
                for (ConsumerRecord<String, byte[]> r : recs) {
                    handle(r);
                }
                if (!recs.isEmpty()) {
                    consumer.commitSync();
                }
                long now = System.nanoTime();
                if (now - lastTick > 1_000_000_000L) {
                    lastTick = now;
                    tick.run();
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("telemetry consumer stopped", e);
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void handle(ConsumerRecord<String, byte[]> r) {
        try {
            handler.accept(TelemetryCodec.decodeEvent(r.value()));
        } catch (InvalidRecordException e) {
            LOG.warn(
                    "ignoring invalid telemetry at {}-{}: {}",
                    r.partition(),
                    r.offset(),
                    e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("telemetry handling failed at {}-{}", r.partition(), r.offset(), e);
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
