package io.streamforge.queuemanager;

import io.streamforge.kafka.InvalidRecordException;
import io.streamforge.kafka.KafkaClients;
import io.streamforge.kafka.KafkaSettings;
import io.streamforge.kafka.TelemetryCodec;
import io.streamforge.kafka.TelemetryEvent;
import io.streamforge.kafka.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes {@code queue-events} (offsets of the group {@code streamforge-queue-manager}) and hands
 * each event to the orchestrator; every second it runs the reconcile tick. Nothing ends the loop
 * but {@link #close}: a failed event is retried with backoff (its partition is rewound to it, so it
 * is handled again before anything after it), an offset is committed only after the handler wrote
 * to the store (at least once; the orchestrator's state changes are idempotent), a failed reconcile
 * or commit is retried on the next pass, and a broken consumer is replaced. Every failure is logged
 * and counted per stage ({@code handle|reconcile|commit|poll}); {@link Health} sees each completed
 * pass.
 */
public final class TelemetryConsumer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TelemetryConsumer.class);
    private static final long TICK_NS = 1_000_000_000L;

    private final KafkaSettings kafka;
    private final Consumer<TelemetryEvent> handler;
    private final Runnable tick;
    private final Health health;
    private final Consumer<String> errors;
    private final Backoff backoff = new Backoff(100, 5_000);
    private final Thread thread;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile boolean running = true;
    private volatile long caughtUpNs = Long.MIN_VALUE / 2;
    private long lastTickNs;

    public TelemetryConsumer(
            KafkaSettings kafka,
            Consumer<TelemetryEvent> handler,
            Runnable tick,
            Health health,
            Consumer<String> errors) {
        this.kafka = kafka;
        this.handler = handler;
        this.tick = tick;
        this.health = health;
        this.errors = errors;
        this.thread = new Thread(this::supervise, "telemetry-consumer");
        this.thread.setDaemon(true);
    }

    public TelemetryConsumer start() {
        thread.start();
        return this;
    }

    /** Whether the loop thread is alive (false only after {@link #close} or a JVM error). */
    public boolean alive() {
        return thread.isAlive();
    }

    private void supervise() {
        try {
            while (running) {
                try {
                    pass();
                } catch (WakeupException e) {
                    // close() or a replaced consumer: the loop condition decides
                } catch (RuntimeException e) {
                    failed("poll", "telemetry loop", e);
                    replaceConsumer();
                    backoff.sleep();
                }
            }
        } finally {
            replaceConsumer();
        }
    }

    /** One poll, the handling and commit of what it returned, and the tick when it is due. */
    private void pass() {
        if (consumer == null) {
            consumer = assigned();
        }
        ConsumerRecords<String, byte[]> recs = consumer.poll(Duration.ofMillis(250));
        boolean clean = handleAndCommit(recs);
        if (clean && caughtUp(consumer)) {
            caughtUpNs = System.nanoTime();
        }
        long now = System.nanoTime();
        if (now - lastTickNs >= TICK_NS) {
            lastTickNs = now;
            try {
                tick.run();
                health.reconciled(true);
            } catch (RuntimeException e) {
                health.reconciled(false);
                failed("reconcile", "reconcile", e);
                clean = false;
            }
        }
        health.progressed();
        if (clean) {
            backoff.reset();
        } else {
            backoff.sleep();
        }
    }

    /**
     * A consumer assigned every partition of {@code queue-events} (no group membership, so no
     * rebalance to wait for after a restart: ADR 2201 addendum); offsets are still committed to and
     * resumed from the group {@code streamforge-queue-manager}.
     */
    private KafkaConsumer<String, byte[]> assigned() {
        KafkaConsumer<String, byte[]> c =
                KafkaClients.consumer(kafka, "streamforge-queue-manager", "queue-manager-events");
        try {
            List<TopicPartition> parts =
                    c.partitionsFor(Topics.EVENTS, Duration.ofSeconds(10)).stream()
                            .map(p -> new TopicPartition(p.topic(), p.partition()))
                            .toList();
            if (parts.isEmpty()) {
                throw new IllegalStateException(Topics.EVENTS + " has no partitions yet");
            }
            c.assign(parts);
            return c;
        } catch (RuntimeException e) {
            c.close(Duration.ZERO);
            throw e;
        }
    }

    /**
     * Every assigned partition handled to its end (as of the last fetch; stale while Kafka is
     * down).
     */
    private static boolean caughtUp(KafkaConsumer<String, byte[]> c) {
        Set<TopicPartition> assigned = c.assignment();
        return !assigned.isEmpty()
                && assigned.stream()
                        .allMatch(
                                tp ->
                                        c.currentLag(tp).isPresent()
                                                && c.currentLag(tp).getAsLong() == 0);
    }

    /**
     * Whether the loop had read every event on {@code queue-events} within the last {@code
     * withinMs}: only then may a job gone without a result be judged (its last event is not waiting
     * behind a Kafka outage or a consumer-group rebalance).
     */
    public boolean caughtUpWithin(long withinMs) {
        return System.nanoTime() - caughtUpNs <= withinMs * 1_000_000L;
    }

    private boolean handleAndCommit(ConsumerRecords<String, byte[]> recs) {
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        Set<TopicPartition> rewound = new HashSet<>();
        for (ConsumerRecord<String, byte[]> r : recs) {
            TopicPartition tp = new TopicPartition(r.topic(), r.partition());
            if (rewound.contains(tp)) {
                continue;
            }
            if (handle(r)) {
                done.put(tp, new OffsetAndMetadata(r.offset() + 1));
            } else {
                rewound.add(tp);
                consumer.seek(tp, r.offset()); // handled again on the next poll
            }
        }
        if (!done.isEmpty()) {
            try {
                consumer.commitSync(done);
            } catch (WakeupException e) {
                throw e;
            } catch (RuntimeException e) {
                failed("commit", "offset commit (events are handled again)", e);
                return false;
            }
        }
        return rewound.isEmpty();
    }

    private boolean handle(ConsumerRecord<String, byte[]> r) {
        TelemetryEvent e;
        try {
            e = TelemetryCodec.decodeEvent(r.value());
        } catch (InvalidRecordException ex) {
            LOG.warn(
                    "ignoring invalid telemetry at {}-{}: {}",
                    r.partition(),
                    r.offset(),
                    ex.getMessage());
            return true;
        }
        try {
            handler.accept(e);
            return true;
        } catch (RuntimeException ex) {
            failed("handle", "telemetry at " + r.partition() + "-" + r.offset(), ex);
            return false;
        }
    }

    private void failed(String stage, String what, RuntimeException e) {
        errors.accept(stage);
        LOG.error("{} failed (retrying): {}", what, e.toString(), e);
    }

    private void replaceConsumer() {
        KafkaConsumer<String, byte[]> c = consumer;
        consumer = null;
        if (c != null) {
            try {
                c.close(Duration.ofSeconds(2));
            } catch (RuntimeException e) {
                LOG.warn("closing the telemetry consumer: {}", e.toString());
            }
        }
    }

    @Override
    public void close() {
        running = false;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Exponential backoff between failed passes, reset by a clean one. */
    static final class Backoff {
        private final long minMs;
        private final long maxMs;
        private long nextMs;

        Backoff(long minMs, long maxMs) {
            this.minMs = minMs;
            this.maxMs = maxMs;
            this.nextMs = minMs;
        }

        void reset() {
            nextMs = minMs;
        }

        long next() {
            long ms = nextMs;
            nextMs = Math.min(maxMs, nextMs * 2);
            return ms;
        }

        void sleep() {
            try {
                Thread.sleep(next());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
