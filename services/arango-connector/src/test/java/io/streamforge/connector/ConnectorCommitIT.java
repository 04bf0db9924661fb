package io.streamforge.connector;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.coverage.CoverageKey;
import io.streamforge.domain.coverage.Gap;
import io.streamforge.domain.coverage.GapStatus;
import io.streamforge.domain.coverage.Received;
import io.streamforge.domain.coverage.Source;
import io.streamforge.kafka.DataMessage;
import io.streamforge.kafka.RecordCodec;
import io.streamforge.kafka.TelemetryEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * When the connector commits (in-process Kafka, embedded PostgreSQL): offsets only after the
 * database transaction of their records, with the end-of-stream state in their metadata; a crash
 * between the two leaves the offsets behind the rows and a restart gives the identical result;
 * coverage facts reach the ledger.
 */
class ConnectorCommitIT extends ConnectorItBase {
    static final long DAY = 19_900;

    static Map<TopicPartition, OffsetAndMetadata> committed(String group) throws Exception {
        try (Admin admin = h.kafka.admin()) {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        }
    }

    /**
     * Topic {@code q} with {@code candles} and p's markers; the env of consumer group {@code
     * group}.
     */
    static Map<String, String> ended(String q, String group, List<Candle> candles) {
        h.kafka.createTopic(q, 2);
        h.send(q, candles);
        h.markers(q, "p", 0, 1);
        Map<String, String> env = h.env(q, "p");
        env.put("GROUP_ID", group);
        return env;
    }

    @Test
    void aCrashBetweenTheDatabaseAndTheOffsetCommitIsHealedByARestart() throws Exception {
        String q = "loader-conn-it-crash-aaaaaa";
        String group = "connector-it-crash";
        Symbol s = Symbol.of("CRSUSDT");
        List<Candle> candles = ConnectorHarness.candles(s, DAY, 500);
        Map<String, String> env = ended(q, group, candles);
        env.put("MAX_POLL_RECORDS", "50");
        env.put("CONNECTOR_FAIL_AFTER_BATCHES", "1");

        assertThat(h.run(env)).isEqualTo(1);
        long stored = h.stores.marketData().count("candle", s);
        assertThat(stored).as("the first batch's transaction committed").isBetween(1L, 50L);
        assertThat(committed(group).values())
                .as("no offset committed for rows whose commit was not confirmed")
                .allMatch(om -> om == null);
        List<TelemetryEvent> events = h.events(q);
        assertThat(events.get(events.size() - 1).errorMessage())
                .contains("CONNECTOR_FAIL_AFTER_BATCHES");

        env.remove("CONNECTOR_FAIL_AFTER_BATCHES");
        assertThat(h.run(env)).isZero();
        TimeRange day =
                new TimeRange(DAY * ConnectorHarness.DAY_US, (DAY + 1) * ConnectorHarness.DAY_US);
        assertThat(h.stores.marketData().candles(s, Interval.M1, day)).isEqualTo(candles);
        assertThat(h.stores.marketData().count("candle", s)).isEqualTo(500);
        Map<TopicPartition, OffsetAndMetadata> after = committed(group);
        assertThat(after).hasSize(2);
        after.values()
                .forEach(
                        om ->
                                assertThat(om.metadata())
                                        .as("the end-of-stream state travels with the offset")
                                        .isEqualTo("eos:p"));
    }

    @Test
    void aRerunAfterEveryMarkerEndsAtOnceFromTheOffsetsMetadata() throws Exception {
        String group = "connector-it-resume";
        Symbol s = Symbol.of("RSMUSDT");
        Map<String, String> env =
                ended("loader-conn-it-resume-bbbbbb", group, ConnectorHarness.candles(s, DAY, 50));
        assertThat(h.run(env)).isZero();
        assertThat(committed(group).values()).allMatch(om -> "eos:p".equals(om.metadata()));

        assertThat(h.runAsync(env).get(60, java.util.concurrent.TimeUnit.SECONDS))
                .as("the markers are known from the offsets' metadata: no new marker needed")
                .isZero();
        assertThat(h.stores.marketData().count("candle", s)).isEqualTo(50);
    }

    @Test
    void coverageFactsReachTheLedgerAfterTheirRecords() {
        String q = "loader-conn-it-coverage-cccccc";
        Symbol s = Symbol.of("COVUSDT");
        h.kafka.createTopic(q, 2);
        List<Candle> candles = ConnectorHarness.candles(s, DAY, 30);
        CoverageKey key = CoverageKey.klines(s, Interval.M1);
        long start = candles.get(0).openTimeUs();
        TimeRange got = new TimeRange(start, start + 30 * 60_000_000L);
        TimeRange hole = new TimeRange(got.endUs(), got.endUs() + 60_000_000L);
        var facts =
                new DataMessage.Coverage(
                        "p",
                        List.of(new Received(key, got, Source.REST, q)),
                        List.of(Gap.missing(key, hole, "no kline", q)));
        h.send(q, candles);
        h.sendRaw(List.of(new ProducerRecord<>(q, s.value(), RecordCodec.encode(facts))));
        h.markers(q, "p", 0, 1);

        assertThat(h.run(h.env(q, "p"))).isZero();
        var ledger = h.stores.coverage();
        assertThat(ledger.received(key, got))
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.range()).isEqualTo(got);
                            assertThat(r.source()).isEqualTo(Source.REST);
                            assertThat(r.queueId()).isEqualTo(q);
                        });
        assertThat(ledger.gaps(key, hole, Set.of(GapStatus.MISSING)))
                .extracting(Gap::range)
                .containsExactly(hole);
        assertThat(h.stores.marketData().count("candle", s)).isEqualTo(30);
    }

    @Test
    void aStableTopicNamedApartFromTheQueueIsConsumedWithItsOwnDlq() {
        String q = "live-connector-it-dddddd";
        String topic = "live.kline";
        Symbol s = Symbol.of("LIVUSDT");
        List<Candle> candles = h.topicWithCandles(topic, s, DAY, 25);
        h.sendRaw(
                List.of(
                        new ProducerRecord<>(
                                topic, s.value(), "oops".getBytes(StandardCharsets.UTF_8))));
        h.markers(topic, "ws", 0, 1);
        Map<String, String> env = h.env(q, "ws");
        env.put("KAFKA_TOPIC", topic);

        assertThat(h.run(env)).isZero();
        TimeRange day =
                new TimeRange(DAY * ConnectorHarness.DAY_US, (DAY + 1) * ConnectorHarness.DAY_US);
        assertThat(h.stores.marketData().candles(s, Interval.M1, day)).isEqualTo(candles);
        assertThat(h.readAll("live.kline.dlq"))
                .singleElement()
                .satisfies(
                        r ->
                                assertThat(new String(r.value(), StandardCharsets.UTF_8))
                                        .isEqualTo("oops"));
        assertThat(h.events(q)).extracting(TelemetryEvent::status).endsWith("finished");
    }
}
