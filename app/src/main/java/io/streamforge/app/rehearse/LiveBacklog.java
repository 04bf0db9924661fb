package io.streamforge.app.rehearse;

import io.streamforge.app.rehearse.RenderedChart.KafkaTrigger;
import io.streamforge.app.rehearse.RenderedChart.ScaledObject;
import io.streamforge.domain.Interval;
import io.streamforge.domain.MarketRecord;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import io.streamforge.embedded.EmbeddedKafkaBroker;
import io.streamforge.kafka.RecordCodec;
import io.streamforge.sim.MarketModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A backlog on a live topic, as a live connector outage would leave it: the simulator's records of
 * the hours before {@code endUs}, written to the first trigger topic whose stream the simulator
 * produces ({@code aggTrade} or {@code kline_<interval>}), keyed by symbol and encoded with the
 * loaders' codec, as the loader-ws Deployment writes them. Its size is chosen so that KEDA's rule
 * wants {@link #TARGET_REPLICAS} (or the ScaledObject's max when lower) — more than one, so the
 * scale-up shows, and few, so the 2-core machine can run them.
 */
final class LiveBacklog {
    static final int TARGET_REPLICAS = 3;
    private static final long HOUR_US = 3_600_000_000L;
    private static final int MAX_HOURS = 24 * 60;

    /** The backlog: topic, its stream's range and the replicas KEDA should want for it. */
    record Plan(KafkaTrigger trigger, TimeRange range, int replicas) {}

    private LiveBacklog() {}

    /**
     * The smallest whole number of hours before {@code endUs} whose records on one trigger's topic
     * make KEDA want {@code min(max, 3)} replicas; empty when the ScaledObject cannot go above one
     * replica, no trigger topic carries a stream the simulator produces, or the threshold needs
     * more than 60 days.
     */
    static Optional<Plan> plan(ScaledObject so, int symbols, int aggTradesPerDay, long endUs) {
        int replicas = Math.min(so.max(), TARGET_REPLICAS);
        if (replicas < 2) {
            return Optional.empty();
        }
        for (KafkaTrigger t : so.triggers()) {
            double perHour = perHour(stream(t.topic()), aggTradesPerDay) * symbols;
            if (perHour <= 0) {
                continue;
            }
            // more than (replicas - 1) thresholds, and beyond the HPA's 10 % tolerance at 1 pod
            long needed =
                    Math.max(
                            (replicas - 1) * t.lagThreshold() + 1,
                            t.lagThreshold() + t.lagThreshold() / 10 + 1);
            long hours = (long) Math.ceil(needed / perHour);
            if (hours > MAX_HOURS) {
                return Optional.empty();
            }
            return Optional.of(
                    new Plan(t, new TimeRange(endUs - hours * HOUR_US, endUs), replicas));
        }
        return Optional.empty();
    }

    /** {@code live.kline_1m} → {@code kline_1m}: the topic's stream, after the prefix. */
    static String stream(String topic) {
        return topic.substring(topic.lastIndexOf('.') + 1);
    }

    /** Records per symbol and hour the simulator produces for a stream; 0 for one it does not. */
    static double perHour(String stream, int aggTradesPerDay) {
        if (stream.equals("aggTrade")) {
            return aggTradesPerDay / 24.0;
        }
        if (stream.startsWith("kline_")) {
            Interval i = Interval.of(stream.substring("kline_".length()));
            return i.isCalendar() ? 0 : HOUR_US / (double) i.fixedUs();
        }
        return 0;
    }

    /** The simulator's records of the plan's stream and range for these symbols. */
    static List<MarketRecord> records(Plan plan, MarketModel model, List<Symbol> symbols) {
        String stream = stream(plan.trigger().topic());
        List<MarketRecord> out = new ArrayList<>();
        for (Symbol s : symbols) {
            TimeRange r = plan.range();
            out.addAll(
                    stream.equals("aggTrade")
                            ? model.aggTrades(s, r.startUs(), r.endUs())
                            : model.klines(
                                    s,
                                    Interval.of(stream.substring("kline_".length())),
                                    r.startUs(),
                                    r.endUs()));
        }
        return out;
    }

    /** Writes the records to the plan's topic as the broker's super user; returns how many. */
    static int produce(EmbeddedKafkaBroker kafka, Plan plan, List<MarketRecord> records) {
        awaitLeaders(kafka, plan.trigger().topic());
        Map<String, Object> p = superUser(kafka);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        // not idempotent: on a just-created partition the idempotent producer's batch could stay
        // unsent until the delivery timeout (seen in CI: "Expiring 57 record(s) for …-5"); one
        // request in flight keeps each key's order through retries, a retried duplicate is
        // harmless (the connector upserts on the record's key)
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (MarketRecord r : records) {
                sent.add(
                        producer.send(
                                new ProducerRecord<>(
                                        plan.trigger().topic(),
                                        r.symbol().value(),
                                        RecordCodec.encode(r))));
            }
            producer.flush();
            for (var f : sent) {
                f.get();
            }
            producer.close(Duration.ofSeconds(30));
            return records.size();
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "cannot write the backlog to " + plan.trigger().topic() + ": " + e.getCause(),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Waits (up to 60 s) until every partition of the topic has a leader. */
    static void awaitLeaders(EmbeddedKafkaBroker kafka, String topic) {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        try (var admin = kafka.admin()) {
            while (true) {
                try {
                    var parts =
                            admin.describeTopics(List.of(topic))
                                    .allTopicNames()
                                    .get()
                                    .get(topic)
                                    .partitions();
                    if (parts.stream().allMatch(i -> i.leader() != null && !i.leader().isEmpty())) {
                        return;
                    }
                } catch (ExecutionException notYet) {
                    // the topic's metadata is not there yet
                }
                if (System.nanoTime() > end) {
                    throw new IllegalStateException("no leader for every partition of " + topic);
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Client properties of the broker's super user (no ACL applies to it). */
    static Map<String, Object> superUser(EmbeddedKafkaBroker kafka) {
        return kafka.security()
                .map(
                        s ->
                                s.clientProperties(
                                        kafka.bootstrapServers(), s.adminUser(), s.adminPassword()))
                .orElseGet(
                        () -> new HashMap<>(Map.of("bootstrap.servers", kafka.bootstrapServers())));
    }
}
