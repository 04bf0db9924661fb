package io.streamforge.runtime;

import io.streamforge.kafka.ControlCommand;
import io.streamforge.kafka.InvalidRecordException;
import io.streamforge.kafka.KafkaClients;
import io.streamforge.kafka.KafkaSettings;
import io.streamforge.kafka.TelemetryCodec;
import io.streamforge.kafka.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code queue-control} without a consumer group: every worker sees every command. It starts
 * at the commands sent shortly before it started ({@code lookbackMs}), so a stop sent while the
 * worker was starting is not lost, and a stop for an earlier run of another queue is irrelevant.
 */
public final class ControlListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ControlListener.class);
    private final KafkaConsumer<String, byte[]> consumer;
    private final String queueId;
    private final String target;
    private final Consumer<ControlCommand> handler;
    private final Thread thread;
    private volatile boolean running = true;

    public ControlListener(
            KafkaSettings kafka,
            String queueId,
            String target,
            long startMs,
            Consumer<ControlCommand> handler) {
        this.consumer = KafkaClients.consumer(kafka, null, "control-" + target + "-" + queueId);
        this.queueId = queueId;
        this.target = target;
        this.handler = handler;
        List<TopicPartition> parts =
                consumer.partitionsFor(Topics.CONTROL, Duration.ofSeconds(30)).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition()))
                        .toList();
        consumer.assign(parts);
        seekTo(parts, startMs);
        this.thread = new Thread(this::loop, "control-" + target);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void seekTo(List<TopicPartition> parts, long startMs) {
        Map<TopicPartition, Long> query = new HashMap<>();
        parts.forEach(p -> query.put(p, startMs));
        Map<TopicPartition, OffsetAndTimestamp> found =
                consumer.offsetsForTimes(query, Duration.ofSeconds(30));
        for (TopicPartition p : parts) {
            OffsetAndTimestamp o = found.get(p);
            if (o == null) {
                consumer.seekToEnd(List.of(p));
            } else {
                consumer.seek(p, o.offset());
            }
        }
    }

    private void loop() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> rec : consumer.poll(Duration.ofMillis(200))) {
                    dispatch(rec);
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("control listener failed", e);
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void dispatch(ConsumerRecord<String, byte[]> rec) {
        try {
            ControlCommand cmd = TelemetryCodec.decodeCommand(rec.value());
            if (cmd.addresses(queueId, target)) {
                handler.accept(cmd);
            }
        } catch (InvalidRecordException e) {
            LOG.warn(
                    "ignoring invalid control message at {}-{}: {}",
                    rec.partition(),
                    rec.offset(),
                    e.getMessage());
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
