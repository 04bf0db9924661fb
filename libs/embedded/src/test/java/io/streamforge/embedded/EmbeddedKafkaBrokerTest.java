package io.streamforge.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerTest {
    @TempDir static Path dir;
    static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.start(dir);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void producesAndConsumesARecord() throws Exception {
        assertThat(broker.createTopic("sf.test.roundtrip", 3)).isTrue();
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>("sf.test.roundtrip", "k1", "hello")).get();
            producer.send(new ProducerRecord<>("sf.test.roundtrip", "k2", "world")).get();
        }
        List<ConsumerRecord<String, String>> got = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer("g1")) {
            consumer.subscribe(List.of("sf.test.roundtrip"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (got.size() < 2 && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(got::add);
            }
        }
        assertThat(got)
                .extracting(ConsumerRecord::value)
                .containsExactlyInAnyOrder("hello", "world");
        assertThat(got).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("k1", "k2");
    }

    @Test
    void createTopicSetsPartitionsAndReportsExisting() throws Exception {
        assertThat(broker.createTopic("sf.test.parts", 4)).isTrue();
        assertThat(broker.createTopic("sf.test.parts", 4)).isFalse();
        try (var admin = broker.admin()) {
            var description =
                    admin.describeTopics(Set.of("sf.test.parts"))
                            .allTopicNames()
                            .get()
                            .get("sf.test.parts");
            assertThat(description.partitions()).hasSize(4);
            assertThat(description.partitions().get(0).replicas()).hasSize(1);
        }
    }

    @Test
    void topicsAreNotAutoCreated() throws Exception {
        try (KafkaProducer<String, String> producer = producer(Map.of("max.block.ms", 1500))) {
            assertThatThrownBy(
                            () -> producer.send(new ProducerRecord<>("sf.test.absent", "v")).get())
                    .hasMessageContaining("sf.test.absent");
        }
        try (var admin = broker.admin()) {
            assertThat(admin.listTopics().names().get()).doesNotContain("sf.test.absent");
        }
    }

    @Test
    void rejectsBadTopicArguments() {
        assertThatThrownBy(() -> broker.createTopic(" ", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("topic name");
        assertThatThrownBy(() -> broker.createTopic("sf.test.zero", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("partitions");
    }

    @Test
    void keepsLogsInTheGivenFolder() {
        assertThat(broker.bootstrapServers()).matches("localhost:\\d+");
        assertThat(Files.exists(dir.resolve("kafka-logs").resolve("meta.properties"))).isTrue();
    }

    private static KafkaProducer<String, String> producer() {
        return producer(Map.of());
    }

    private static KafkaProducer<String, String> producer(Map<String, Object> extra) {
        var cfg = new java.util.HashMap<String, Object>(extra);
        cfg.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        cfg.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(cfg, new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(String group) {
        return new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        broker.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        group,
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new StringDeserializer(),
                new StringDeserializer());
    }
}
