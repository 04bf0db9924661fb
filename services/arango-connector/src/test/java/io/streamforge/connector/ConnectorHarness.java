package io.streamforge.connector;

import io.streamforge.domain.AggTrade;
import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import io.streamforge.domain.MarketRecord;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.port.TimeSource;
import io.streamforge.embedded.EmbeddedKafkaBroker;
import io.streamforge.embedded.EmbeddedPostgresServer;
import io.streamforge.kafka.DataMessage;
import io.streamforge.kafka.KafkaClients;
import io.streamforge.kafka.KafkaSettings;
import io.streamforge.kafka.RecordCodec;
import io.streamforge.kafka.TelemetryCodec;
import io.streamforge.kafka.TelemetryEvent;
import io.streamforge.kafka.Topics;
import io.streamforge.runtime.StopSignal;
import io.streamforge.runtime.WorkerRunner;
import io.streamforge.store.postgres.PostgresStores;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The real parts the connector needs, in this JVM: a Kafka broker (KRaft) and an embedded
 * PostgreSQL; runs the worker as {@code main()} does ({@link WorkerRunner#run}), writes the data
 * topic as the loaders do (records keyed by symbol, markers per partition) and reads back the
 * store, the DLQ and the telemetry.
 */
final class ConnectorHarness implements AutoCloseable {
    static final long DAY_US = 86_400_000_000L;
    final EmbeddedKafkaBroker kafka;
    final EmbeddedPostgresServer postgres;
    final PostgresStores stores;

    ConnectorHarness() {
        kafka = EmbeddedKafkaBroker.start();
        kafka.createTopic(Topics.EVENTS, 1);
        kafka.createTopic(Topics.CONTROL, 1);
        postgres = EmbeddedPostgresServer.start();
        stores = PostgresStores.open(postgres.jdbcUrl(), postgres.user(), postgres.password());
    }

    /** The connector's environment for topic {@code q} (2 partitions), PostgreSQL sink. */
    Map<String, String> env(String q, String expectedProducers) {
        Map<String, String> env = new HashMap<>();
        env.put("QUEUE_ID", q);
        env.put("KAFKA_TOPIC", q);
        env.put("TOPIC_PARTITIONS", "2");
        env.put("EXPECTED_PRODUCERS", expectedProducers);
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("DB_KIND", "postgres");
        env.put("POSTGRES_JDBC_URL", postgres.jdbcUrl());
        env.put("POSTGRES_USER", postgres.user());
        env.put("POLL_MS", "100");
        env.put("HTTP_PORT", "0");
        return env;
    }

    /**
     * Runs the connector to its end; a connector that does not end within 3 minutes is stopped and
     * the test fails (instead of hanging).
     */
    int run(Map<String, String> env) {
        StopSignal stop = new StopSignal();
        CompletableFuture<Integer> run = runAsync(env, stop);
        try {
            return run.get(3, TimeUnit.MINUTES);
        } catch (TimeoutException e) {
            stop.stop("test timeout");
            throw new AssertionError("the connector did not end within 3 minutes", e);
        } catch (InterruptedException | ExecutionException e) {
            throw new AssertionError(e);
        }
    }

    CompletableFuture<Integer> runAsync(Map<String, String> env) {
        return runAsync(env, new StopSignal());
    }

    private static CompletableFuture<Integer> runAsync(Map<String, String> env, StopSignal stop) {
        return CompletableFuture.supplyAsync(
                () ->
                        WorkerRunner.run(
                                ConnectorWorker.SERVICE,
                                env,
                                false,
                                ConnectorWorker::create,
                                stop,
                                TimeSource.system()),
                r -> new Thread(r, "connector-under-test").start());
    }

    /** Creates topic {@code q} (2 partitions) and sends {@code n} candles of {@code s} to it. */
    List<Candle> topicWithCandles(String q, Symbol s, long day, int n) {
        kafka.createTopic(q, 2);
        List<Candle> candles = candles(s, day, n);
        send(q, candles);
        return candles;
    }

    /** Sends the records keyed by symbol (the loaders' partitioning), in order. */
    void send(String topic, List<? extends MarketRecord> records) {
        List<ProducerRecord<String, byte[]>> out = new ArrayList<>();
        records.forEach(
                r ->
                        out.add(
                                new ProducerRecord<>(
                                        topic, r.symbol().value(), RecordCodec.encode(r))));
        sendRaw(out);
    }

    /** One end-of-stream marker of {@code producer} on each of the given partitions. */
    void markers(String topic, String producer, int... partitions) {
        List<ProducerRecord<String, byte[]>> out = new ArrayList<>();
        for (int p : partitions) {
            byte[] eos = RecordCodec.encode(new DataMessage.EndOfStream(producer, p, 0, 0));
            out.add(new ProducerRecord<>(topic, p, "__eos__", eos));
        }
        sendRaw(out);
    }

    void sendRaw(List<ProducerRecord<String, byte[]>> records) {
        try (KafkaProducer<String, byte[]> p =
                KafkaClients.producer(
                        KafkaSettings.plaintext(kafka.bootstrapServers()), "connector-it")) {
            records.forEach(p::send);
            p.flush();
        }
    }

    /** Every record on {@code topic} now, from the beginning, all partitions. */
    List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        try (KafkaConsumer<String, byte[]> c =
                KafkaClients.consumer(
                        KafkaSettings.plaintext(kafka.bootstrapServers()), null, "connector-it")) {
            List<TopicPartition> parts =
                    c.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                            .map(p -> new TopicPartition(topic, p.partition()))
                            .toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
            await(
                    "read " + topic,
                    () -> {
                        c.poll(Duration.ofMillis(100)).forEach(out::add);
                        return parts.stream().allMatch(p -> c.position(p) >= end.get(p));
                    });
            return out;
        }
    }

    List<TelemetryEvent> events(String queueId) {
        return readAll(Topics.EVENTS).stream()
                .map(r -> TelemetryCodec.decodeEvent(r.value()))
                .filter(e -> e.queueId().equals(queueId))
                .toList();
    }

    /** Polls {@code condition} every 100 ms for up to 60 s (the machine may be loaded). */
    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 60 s: " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** {@code n} one-minute candles of {@code s} from UTC day {@code day} (days since 1970). */
    static List<Candle> candles(Symbol s, long day, int n) {
        List<Candle> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long open = day * DAY_US + i * 60_000_000L;
            BigDecimal px = new BigDecimal("0.00001234").add(new BigDecimal(i).movePointLeft(8));
            out.add(
                    new Candle(
                            s,
                            Interval.M1,
                            open,
                            open + 59_999_999L,
                            px,
                            px.add(px),
                            px,
                            px,
                            new BigDecimal("1234567.12345678"),
                            new BigDecimal("15.2346"),
                            i,
                            new BigDecimal("0.1"),
                            new BigDecimal("0.00000001")));
        }
        return out;
    }

    /**
     * {@code n} aggTrades of {@code s} with ids from {@code firstId}, 1 s apart from {@code day}.
     */
    static List<AggTrade> aggTrades(Symbol s, long day, long firstId, int n) {
        List<AggTrade> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(
                    new AggTrade(
                            s,
                            firstId + i,
                            new BigDecimal("64123.01").add(BigDecimal.valueOf(i)),
                            new BigDecimal("0.00042"),
                            10 * (firstId + i),
                            10 * (firstId + i) + 3,
                            day * DAY_US + i * 1_000_000L + 123,
                            i % 2 == 0,
                            true));
        }
        return out;
    }

    @Override
    public void close() {
        stores.close();
        postgres.close();
        kafka.close();
    }
}
