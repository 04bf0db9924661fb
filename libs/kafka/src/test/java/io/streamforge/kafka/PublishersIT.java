package io.streamforge.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.TransientException;
import io.streamforge.domain.coverage.CoverageKey;
import io.streamforge.domain.coverage.Received;
import io.streamforge.domain.coverage.Source;
import io.streamforge.embedded.EmbeddedKafkaBroker;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The loaders' data publisher and the connector's DLQ publisher on a real in-process broker:
 * records keyed by symbol, coverage on its symbol's partition, one end-of-stream marker per
 * partition with the count, send failures surfacing on the next call, DLQ headers.
 */
class PublishersIT {
    private static final Interval M1 = Interval.of("1m");
    private static EmbeddedKafkaBroker kafka;
    private static KafkaSettings settings;

    @BeforeAll
    static void start() {
        kafka = EmbeddedKafkaBroker.start();
        settings = KafkaSettings.plaintext(kafka.bootstrapServers());
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    private static Candle candle(String symbol, long minute) {
        BigDecimal p = BigDecimal.valueOf(10 + minute);
        long open = minute * 60_000_000L;
        return new Candle(
                Symbol.of(symbol),
                M1,
                open,
                M1.closeTimeOf(open),
                p,
                p,
                p,
                p,
                BigDecimal.ONE,
                p,
                1,
                BigDecimal.ZERO,
                BigDecimal.ZERO);
    }

    private static List<ConsumerRecord<String, byte[]>> readAll(String topic, int partitions) {
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c =
                KafkaClients.consumer(settings, null, "publishers-it")) {
            List<TopicPartition> tps = new ArrayList<>();
            for (int p = 0; p < partitions; p++) {
                tps.add(new TopicPartition(topic, p));
            }
            c.assign(tps);
            c.seekToBeginning(tps);
            Map<TopicPartition, Long> end = c.endOffsets(tps);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (tps.stream().anyMatch(tp -> c.position(tp) < end.get(tp))
                    && System.nanoTime() < deadline) {
                c.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }

    @Test
    void recordsAreKeyedBySymbolAndEveryPartitionGetsAnEndOfStreamMarker() {
        String topic = "publisher-data";
        kafka.createTopic(topic, 3);
        try (KafkaProducer<String, byte[]> producer = KafkaClients.producer(settings, "p1")) {
            DataPublisher pub = new DataPublisher(producer, topic, "loader-x__q", () -> 123L);
            List<Candle> sent = new ArrayList<>();
            for (String s : List.of("BTCUSDT", "ETHUSDT", "SOLUSDT", "BNBUSDT")) {
                for (int m = 0; m < 5; m++) {
                    sent.add(candle(s, m));
                }
            }
            pub.send(sent);
            Symbol btc = Symbol.of("BTCUSDT");
            pub.sendCoverage(
                    btc,
                    List.of(
                            new Received(
                                    CoverageKey.klines(btc, M1),
                                    new TimeRange(0, 300_000_000L),
                                    Source.REST,
                                    "q")),
                    List.of());
            pub.sendCoverage(btc, List.of(), List.of()); // nothing to say: nothing sent
            pub.finish();
            assertThat(pub.sent()).isEqualTo(20);
        }
        List<ConsumerRecord<String, byte[]>> records = readAll(topic, 3);
        Map<String, Integer> partitionOf = new TreeMap<>();
        List<DataMessage.EndOfStream> markers = new ArrayList<>();
        int coverage = 0;
        for (ConsumerRecord<String, byte[]> r : records) {
            DataMessage m = RecordCodec.decode(r.value());
            if (m instanceof DataMessage.Data d) {
                assertThat(r.key()).isEqualTo(d.record().symbol().value());
                Integer before = partitionOf.put(r.key(), r.partition());
                assertThat(before == null || before == r.partition()).as(r.key()).isTrue();
            } else if (m instanceof DataMessage.EndOfStream eos) {
                assertThat(r.key()).isEqualTo("__eos__");
                assertThat(eos.partition()).isEqualTo(r.partition());
                markers.add(eos);
            } else if (m instanceof DataMessage.Coverage cov) {
                coverage++;
                assertThat(cov.producer()).isEqualTo("loader-x__q");
                assertThat(r.partition())
                        .as("coverage follows its symbol's records")
                        .isEqualTo(partitionOf.get("BTCUSDT"));
            }
        }
        assertThat(partitionOf).hasSize(4);
        assertThat(coverage).isEqualTo(1);
        assertThat(markers)
                .hasSize(3)
                .allSatisfy(
                        eos -> {
                            assertThat(eos.producer()).isEqualTo("loader-x__q");
                            assertThat(eos.recordsSent()).isEqualTo(20);
                            assertThat(eos.sentAtUs()).isEqualTo(123);
                        });
        assertThat(markers)
                .extracting(DataMessage.EndOfStream::partition)
                .containsExactlyInAnyOrder(0, 1, 2);
    }

    @Test
    void aFailedSendSurfacesOnTheNextCallAndOnFinishAsTransient() {
        String topic = "publisher-fail";
        kafka.createTopic(topic, 1);
        Map<String, Object> props = settings.clientProperties();
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 100); // a candle is larger
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            DataPublisher pub = new DataPublisher(producer, topic, "loader-y__q", () -> 0L);
            pub.send(List.of(candle("BTCUSDT", 0)));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            Throwable thrown = null;
            while (thrown == null && System.nanoTime() < deadline) {
                try {
                    pub.send(List.of());
                    Thread.onSpinWait();
                } catch (TransientException e) {
                    thrown = e;
                }
            }
            assertThat(thrown)
                    .hasMessage("Kafka send failed")
                    .hasCauseInstanceOf(RecordTooLargeException.class);
            assertThatThrownBy(pub::finish).isInstanceOf(TransientException.class);
        }
    }

    @Test
    void anIllegalTopicNameIsRefusedAtOnce() {
        try (KafkaProducer<String, byte[]> producer = KafkaClients.producer(settings, "p3")) {
            assertThatThrownBy(() -> new DataPublisher(producer, "bad topic!", "x", () -> 0L))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void rejectedMessagesGoToTheDlqUnchangedWithReasonAndSource() {
        String topic = "publisher-dlq-src";
        kafka.createTopic(topic, 2);
        kafka.createTopic(Topics.dlq(topic), 1);
        byte[] bad = "{\"kind\":\"candle\"".getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<String, byte[]> producer = KafkaClients.producer(settings, "p4")) {
            DlqPublisher dlq = new DlqPublisher(producer);
            ConsumerRecord<String, byte[]> rejected =
                    new ConsumerRecord<>(topic, 1, 42L, "BTCUSDT", bad);
            DlqPublisher.await(dlq.publish(rejected, "malformed JSON: object not closed"));
            dlq.flush();
        }
        List<ConsumerRecord<String, byte[]>> out = readAll(Topics.dlq(topic), 1);
        assertThat(out)
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.key()).isEqualTo("BTCUSDT");
                            assertThat(r.value()).isEqualTo(bad);
                            assertThat(header(r, DlqPublisher.REASON))
                                    .isEqualTo("malformed JSON: object not closed");
                            assertThat(header(r, DlqPublisher.SOURCE_TOPIC)).isEqualTo(topic);
                            assertThat(header(r, DlqPublisher.SOURCE_PARTITION)).isEqualTo("1");
                            assertThat(header(r, DlqPublisher.SOURCE_OFFSET)).isEqualTo("42");
                        });
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        return new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
