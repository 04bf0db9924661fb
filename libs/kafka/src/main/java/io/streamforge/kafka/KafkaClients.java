package io.streamforge.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Producer, consumer and admin factories with the project's defaults. */
public final class KafkaClients {
    private KafkaClients() {}

    /** Idempotent producer, acks=all, lz4, batching tuned for throughput. */
    public static KafkaProducer<String, byte[]> producer(KafkaSettings s, String clientId) {
        Map<String, Object> p = s.clientProperties();
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * Consumer that starts at {@code earliest} when its group has no committed offset and never
     * auto-commits: offsets are committed by the caller after the work is durable.
     */
    public static KafkaConsumer<String, byte[]> consumer(
            KafkaSettings s, String groupId, String clientId) {
        return consumer(s, groupId, clientId, Map.of());
    }

    /** As {@link #consumer(KafkaSettings, String, String)}, with consumer settings overridden. */
    public static KafkaConsumer<String, byte[]> consumer(
            KafkaSettings s, String groupId, String clientId, Map<String, Object> overrides) {
        Map<String, Object> p = s.clientProperties();
        if (groupId != null) {
            p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        }
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        p.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 64 * 1024);
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.putAll(overrides);
        return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    }

    public static Admin admin(KafkaSettings s) {
        return Admin.create(s.clientProperties());
    }

    /**
     * Creates the topics that do not exist yet (existing ones are left as they are), then waits
     * until every partition of each has a leader: a producer that writes to a partition created a
     * moment ago (by this call or by another process) can otherwise get NOT_LEADER_OR_FOLLOWER, and
     * the idempotent producer's retry then ran into OutOfOrderSequence until its delivery timeout
     * (seen on a loaded CI machine: the loader failed after 120 s).
     */
    public static void ensureTopics(
            KafkaSettings s, Collection<NewTopic> topics, Duration timeout) {
        long deadlineNs = System.nanoTime() + timeout.toNanos();
        try (Admin admin = admin(s)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing =
                    topics.stream()
                            .filter(t -> !existing.contains(t.name()))
                            .collect(Collectors.toList());
            if (!missing.isEmpty()) {
                try {
                    admin.createTopics(missing)
                            .all()
                            .get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            awaitLeaders(admin, topics.stream().map(NewTopic::name).toList(), deadlineNs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (Exception e) {
            throw new io.streamforge.domain.TransientException(
                    "cannot create topics: " + e.getMessage(), e);
        }
    }

    /** Polls until every partition of {@code names} has a leader, or throws at the deadline. */
    private static void awaitLeaders(Admin admin, List<String> names, long deadlineNs)
            throws Exception {
        long pauseMs = 20;
        while (true) {
            String waiting = null;
            try {
                for (var d : admin.describeTopics(names).allTopicNames().get().values()) {
                    if (d.partitions().isEmpty()
                            || d.partitions().stream().anyMatch(p -> p.leader() == null)) {
                        waiting = d.name();
                        break;
                    }
                }
            } catch (ExecutionException e) {
                if (!(e.getCause()
                        instanceof
                        org.apache.kafka.common.errors.UnknownTopicOrPartitionException)) {
                    throw e;
                }
                waiting = String.join(",", names); // created, not yet in the metadata
            }
            if (waiting == null) {
                return;
            }
            if (System.nanoTime() > deadlineNs) {
                throw new java.util.concurrent.TimeoutException(
                        "topic " + waiting + " has a partition without a leader");
            }
            Thread.sleep(pauseMs);
            pauseMs = Math.min(pauseMs * 2, 500);
        }
    }

    public static NewTopic topic(String name, int partitions) {
        return new NewTopic(name, partitions, (short) -1);
    }
}
