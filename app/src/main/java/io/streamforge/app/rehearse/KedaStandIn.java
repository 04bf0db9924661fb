package io.streamforge.app.rehearse;

import io.streamforge.app.rehearse.KedaRule.Offsets;
import io.streamforge.app.rehearse.RenderedChart.KafkaTrigger;
import io.streamforge.app.rehearse.RenderedChart.ScaledObject;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * KEDA's place in the rehearsal: polls the real consumer group's offsets on the broker for every
 * trigger of one rendered {@code ScaledObject}, decides as KEDA + the HPA would ({@link KedaRule})
 * and scales the Deployment's processes ({@link Target}). Time is compressed, and says so: the poll
 * runs every {@code pollMs} instead of the rendered {@code pollingInterval}, and a scale-down waits
 * for {@code scaleDownWindowMs} of lower wishes instead of the HPA's 300 s stabilization window.
 * Scale-ups apply at once, as the HPA's default policy allows.
 */
final class KedaStandIn implements AutoCloseable {
    /** The Deployment's processes. */
    interface Target {
        int replicas();

        void scaleTo(int replicas);
    }

    /** One decision that changed the replica count. */
    record Change(int from, int to, Map<String, Long> metrics) {
        @Override
        public String toString() {
            return from + " -> " + to + " (lag " + metrics + ")";
        }
    }

    private final ScaledObject so;
    private final Supplier<Admin> admins;
    private final Target target;
    private final long pollMs;
    private final long scaleDownWindowMs;
    private final PrintStream out;
    private final List<Change> changes = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private final Thread thread;
    private volatile boolean stopped;
    private volatile Map<String, Long> lastMetrics = Map.of();

    KedaStandIn(
            ScaledObject so,
            Supplier<Admin> admins,
            Target target,
            Duration poll,
            Duration scaleDownWindow,
            PrintStream out) {
        this.so = so;
        this.admins = admins;
        this.target = target;
        this.pollMs = poll.toMillis();
        this.scaleDownWindowMs = scaleDownWindow.toMillis();
        this.out = out;
        this.thread = new Thread(this::loop, "keda-" + so.name());
        thread.setDaemon(true);
    }

    /** Polls once now (before the Deployment's pods consume), then every {@code pollMs}. */
    KedaStandIn start() {
        try (Admin admin = admins.get()) {
            step(admin, Long.MIN_VALUE);
        }
        thread.start();
        return this;
    }

    private void loop() {
        long lowerSince = Long.MIN_VALUE;
        try (Admin admin = admins.get()) {
            while (!stopped) {
                lowerSince = step(admin, lowerSince);
                Thread.sleep(pollMs);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            synchronized (errors) {
                errors.add(e.toString());
            }
        }
    }

    /** One poll; returns since when (ms) the HPA has wished for fewer replicas, else MIN_VALUE. */
    private long step(Admin admin, long lowerSince) {
        Map<KafkaTrigger, Long> metrics = new LinkedHashMap<>();
        Map<String, Long> byTopic = new LinkedHashMap<>();
        for (KafkaTrigger t : so.triggers()) {
            long m = KedaRule.metric(t, offsets(admin, t));
            metrics.put(t, m);
            byTopic.put(t.topic(), m);
        }
        lastMetrics = java.util.Collections.unmodifiableMap(byTopic);
        int current = target.replicas();
        int wanted = KedaRule.desired(so, metrics, current);
        long now = System.currentTimeMillis();
        if (wanted > current) {
            change(current, wanted, byTopic);
            return Long.MIN_VALUE;
        }
        if (wanted < current) {
            long since = lowerSince == Long.MIN_VALUE ? now : lowerSince;
            if (now - since >= scaleDownWindowMs) {
                change(current, wanted, byTopic);
                return Long.MIN_VALUE;
            }
            return since;
        }
        return Long.MIN_VALUE;
    }

    private void change(int from, int to, Map<String, Long> metrics) {
        Change c =
                new Change(
                        from,
                        to,
                        java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics)));
        synchronized (changes) {
            changes.add(c);
        }
        out.printf("  KEDA stand-in: %s %s%n", so.deployment(), c);
        target.scaleTo(to);
    }

    /** The topic's partitions: latest offsets and the trigger group's committed offsets. */
    static List<Offsets> offsets(Admin admin, KafkaTrigger t) {
        try {
            var partitions =
                    admin.describeTopics(List.of(t.topic()))
                            .allTopicNames()
                            .get()
                            .get(t.topic())
                            .partitions();
            Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
            partitions.forEach(
                    p ->
                            latest.put(
                                    new TopicPartition(t.topic(), p.partition()),
                                    OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get();
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(t.consumerGroup())
                            .partitionsToOffsetAndMetadata()
                            .get();
            List<Offsets> out = new ArrayList<>();
            for (TopicPartition tp : latest.keySet()) {
                OffsetAndMetadata c = committed.get(tp);
                out.add(new Offsets(ends.get(tp).offset(), c == null ? -1 : c.offset()));
            }
            return out;
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "KEDA stand-in: cannot read the offsets of " + t.topic() + ": " + e.getCause(),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Waits until the Deployment runs {@code replicas} processes after at least one change. */
    void awaitReplicas(int replicas, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (!changes().isEmpty() && target.replicas() == replicas) {
                return;
            }
            if (!errors().isEmpty()) {
                throw new IllegalStateException(errors().get(0));
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(
                "KEDA stand-in: "
                        + so.deployment()
                        + " not at "
                        + replicas
                        + " replicas within "
                        + timeout.toSeconds()
                        + " s (now "
                        + target.replicas()
                        + ", lag "
                        + lastMetrics
                        + ", changes "
                        + changes()
                        + ")");
    }

    List<Change> changes() {
        synchronized (changes) {
            return List.copyOf(changes);
        }
    }

    List<String> errors() {
        synchronized (errors) {
            return List.copyOf(errors);
        }
    }

    Map<String, Long> lastMetrics() {
        return lastMetrics;
    }

    ScaledObject scaledObject() {
        return so;
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        thread.interrupt();
        thread.join(10_000);
    }
}
