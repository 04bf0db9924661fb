package io.streamforge.loader.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamforge.embedded.EmbeddedKafkaBroker;
import io.streamforge.kafka.KafkaClients;
import io.streamforge.kafka.KafkaSettings;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code streamforge_ws_event_lag_seconds}: from the exchange event time set by the sending thread
 * to the broker's acknowledgement, measured on a real in-process broker with a fixed clock (so the
 * recorded lag is exact, not timed).
 */
class AckTimingProducerIT {
    private static final String TOPIC = "ack-timing";
    private static EmbeddedKafkaBroker kafka;

    @BeforeAll
    static void start() {
        kafka = EmbeddedKafkaBroker.start();
        kafka.createTopic(TOPIC, 1);
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    @Test
    void eachAcknowledgedRecordRecordsItsLagAndUntimedOnesAreSkipped() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Timer lag = registry.timer("streamforge_ws_event_lag_seconds");
        long nowUs = 1_700_000_000_000_000L;
        try (AckTimingProducer p =
                new AckTimingProducer(
                        KafkaClients.producer(
                                KafkaSettings.plaintext(kafka.bootstrapServers()), "ack-it"),
                        lag,
                        () -> nowUs)) {
            AtomicReference<RecordMetadata> seen = new AtomicReference<>();
            p.send(new ProducerRecord<>(TOPIC, "k", new byte[] {1})).get(60, TimeUnit.SECONDS);
            assertThat(lag.count()).as("no event time set: not timed").isZero();

            p.eventTime(nowUs - 2_500_000L);
            RecordMetadata md =
                    p.send(new ProducerRecord<>(TOPIC, "k", new byte[] {2}), (m, e) -> seen.set(m))
                            .get(60, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (seen.get() == null && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(seen.get()).as("the caller's callback still runs").isNotNull();
            assertThat(seen.get().offset()).isEqualTo(md.offset()).isEqualTo(1);
            assertThat(lag.count()).isEqualTo(1);
            assertThat(lag.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(2_500.0);

            p.eventTime(
                    nowUs + 1_000_000L); // an event "from the future" (clock skew): 0, not negative
            p.send(new ProducerRecord<>(TOPIC, "k", new byte[] {3})).get(60, TimeUnit.SECONDS);
            assertThat(lag.count()).isEqualTo(2);
            assertThat(lag.max(TimeUnit.MILLISECONDS)).isEqualTo(2_500.0);
            assertThat(lag.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(2_500.0);
            assertThat(p.partitionsFor(TOPIC)).hasSize(1);
            assertThat(p.metrics()).isNotEmpty();
            p.flush();
        }
    }

    @Test
    void aFailedSendIsNotTimedAndTheFailureReachesTheCaller() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Timer lag = registry.timer("lag");
        AtomicReference<Exception> error = new AtomicReference<>();
        try (AckTimingProducer p =
                new AckTimingProducer(
                        KafkaClients.producer(
                                KafkaSettings.plaintext(kafka.bootstrapServers()), "ack-it-2"),
                        lag,
                        () -> 10_000_000L)) {
            p.eventTime(1L);
            byte[] tooLarge = new byte[20 * 1024 * 1024]; // over max.request.size
            assertThatThrownBy(
                            () ->
                                    p.send(
                                                    new ProducerRecord<>(TOPIC, "k", tooLarge),
                                                    (m, e) -> error.set(e))
                                            .get(60, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class);
            assertThat(error.get()).isNotNull();
            assertThat(lag.count()).isZero();
        }
    }
}
