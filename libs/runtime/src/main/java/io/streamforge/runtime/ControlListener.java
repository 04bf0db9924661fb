package io.streamforge.runtime;

import io.streamforge.kafka.ControlCommand;
import io.streamforge.kafka.InvalidRecordException;
import io.streamforge.kafka.KafkaClients;
import io.streamforge.kafka.KafkaSettings;
import io.streamforge.kafka.TelemetryCodec;
import io.streamforge.kafka.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code queue-control} without a consumer group: every worker sees every command. Before the
 * constructor returns it reads the topic's history up to its current end and hands over every
 * {@code stop} of this queue that no later {@code start} of it cancelled (queue ids are unique, so
 * a stop ever sent for it means the queue was stopped: a retried pod of a stopped queue learns it
 * before working; a resume sends {@code start}, so the new attempt's workers run) and every other
 * command sent since {@code startMs}; then a thread follows new commands.
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
        catchUp(parts, startMs);
        this.thread = new Thread(this::loop, "control-" + target);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Reads the history up to the current end: stops of this queue, and recent commands. */
    private void catchUp(List<TopicPartition> parts, long startMs) {
        Map<TopicPartition, Long> end = consumer.endOffsets(parts, Duration.ofSeconds(30));
        consumer.seekToBeginning(parts);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        ConsumerRecord<String, byte[]> stop = null; // the last stop no later start cancelled
        while (parts.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            if (System.nanoTime() > deadline) {
                LOG.warn("control history not read to its end within 30 s; going on");
                break;
            }
            for (ConsumerRecord<String, byte[]> rec : consumer.poll(Duration.ofMillis(200))) {
                String command = commandForMe(rec);
                if ("stop".equals(command)) {
                    stop = rec;
                } else if ("start".equals(command)) {
                    stop = null;
                } else if (rec.timestamp() >= startMs) {
                    dispatch(rec);
                }
            }
        }
        if (stop != null) {
            dispatch(stop);
        }
    }

    /** The command of a record addressed to this worker; null for others or invalid ones. */
    private String commandForMe(ConsumerRecord<String, byte[]> rec) {
        try {
            ControlCommand cmd = TelemetryCodec.decodeCommand(rec.value());
            return cmd.addresses(queueId, target) ? cmd.command() : null;
        } catch (InvalidRecordException e) {
            return null;
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
