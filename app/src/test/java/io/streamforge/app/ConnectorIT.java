package io.streamforge.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamforge.connector.ConnectorWorker;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.port.TimeSource;
import io.streamforge.kafka.DataMessage;
import io.streamforge.kafka.DlqPublisher;
import io.streamforge.kafka.KafkaClients;
import io.streamforge.kafka.KafkaSettings;
import io.streamforge.kafka.RecordCodec;
import io.streamforge.kafka.Topics;
import io.streamforge.loader.candles.CandlesLoader;
import io.streamforge.loader.trades.TradesLoader;
import io.streamforge.runtime.StopSignal;
import io.streamforge.runtime.WorkerRunner;
import io.streamforge.sim.SimConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The workers run directly (no queue-manager): crash/restart, DLQ, rate limits. */
class ConnectorIT {
    static final Symbol BTC = Symbol.of("BTCUSDT");
    static final Symbol ETH = Symbol.of("ETHUSDT");
    static LocalPlatform platform;
    static Map<String, String> base;

    @BeforeAll
    static void start() throws Exception {
        platform =
                PlatformFixture.start(
                        SimConfig.defaults().withSymbols(List.of(BTC, ETH)), Map.of());
        Path pw = Files.createTempFile("pg", "pw");
        Files.writeString(pw, platform.stores() == null ? "" : "");
        base =
                Map.of(
                        "KAFKA_BOOTSTRAP_SERVERS",
                        platform.kafka().bootstrapServers(),
                        "POSTGRES_JDBC_URL",
                        jdbcUrl(),
                        "POSTGRES_USER",
                        "postgres",
                        "BINANCE_BASE_URL",
                        platform.exchangeUrl(),
                        "HTTP_PORT",
                        "0",
                        "HTTP_HOST",
                        "127.0.0.1");
    }

    static String jdbcUrl() {
        return ConnectorITJdbc.url(platform);
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    static int run(
            String service,
            io.streamforge.runtime.Worker.Factory f,
            boolean symbols,
            Map<String, String> env) {
        Map<String, String> all = new HashMap<>(base);
        all.putAll(env);
        return WorkerRunner.run(service, all, symbols, f, new StopSignal(), TimeSource.system());
    }

    @Test
    void connectorKilledMidLoadAndRestartedGivesTheExactSameResult() {
        String q = "loader-crash-test-2024-05-01-aaaaaa";
        String days = "2024-05-01:2024-05-02";
        Map<String, String> loader =
                Map.of(
                        "QUEUE_ID",
                        q,
                        "SYMBOLS",
                        "BTCUSDT,ETHUSDT",
                        "TIME_RANGE",
                        days,
                        "KAFKA_TOPIC",
                        q);
        assertThat(
                        run(
                                CandlesLoader.SERVICE,
                                CandlesLoader::create,
                                true,
                                with(loader, "TELEMETRY_ID", "loader-api-candles__aaaaaa")))
                .isZero();
        assertThat(
                        run(
                                TradesLoader.SERVICE,
                                TradesLoader::create,
                                true,
                                with(loader, "TELEMETRY_ID", "loader-api-trades__aaaaaa")))
                .isZero();
        Map<String, String> connector =
                Map.of(
                        "QUEUE_ID",
                        q,
                        "KAFKA_TOPIC",
                        q,
                        "TELEMETRY_ID",
                        "arango-connector__aaaaaa",
                        "EXPECTED_PRODUCERS",
                        "loader-api-candles__aaaaaa,loader-api-trades__aaaaaa",
                        "POLL_MS",
                        "200");
        assertThat(
                        run(
                                ConnectorWorker.SERVICE,
                                ConnectorWorker::create,
                                false,
                                with(connector, "CONNECTOR_FAIL_AFTER_BATCHES", "2")))
                .isEqualTo(1);
        var store = platform.stores().marketData();
        long partial = store.count("candle", BTC) + store.count("agg_trade", BTC);
        assertThat(run(ConnectorWorker.SERVICE, ConnectorWorker::create, false, connector))
                .isZero();
        TimeRange range = TimeRange.parseDays(days);
        var model = platform.simulator().model();
        for (Symbol s : List.of(BTC, ETH)) {
            assertThat(store.candles(s, Interval.M1, range))
                    .isEqualTo(model.klines(s, Interval.M1, range.startUs(), range.endUs()));
            assertThat(store.aggTrades(s, range))
                    .isEqualTo(model.aggTrades(s, range.startUs(), range.endUs()));
        }
        assertThat(store.count("candle", BTC) + store.count("agg_trade", BTC))
                .isGreaterThanOrEqualTo(partial);
    }

    @Test
    void malformedRecordsGoToTheDlqAndTheConnectorGoesOn() throws Exception {
        String q = "loader-dlq-test-2024-01-01-bbbbbb";
        platform.kafka().createTopic(q, 2);
        var settings = KafkaSettings.plaintext(platform.kafka().bootstrapServers());
        var good =
                platform.simulator()
                        .model()
                        .klines(
                                ETH,
                                Interval.M1,
                                1_704_067_200_000_000L,
                                1_704_067_200_000_000L + 600_000_000L);
        try (KafkaProducer<String, byte[]> p = KafkaClients.producer(settings, "dlq-test")) {
            for (var c : good) {
                p.send(new ProducerRecord<>(q, "ETHUSDT", RecordCodec.encode(c)));
            }
            p.send(
                    new ProducerRecord<>(
                            q,
                            "ETHUSDT",
                            "{\"v\":1,\"kind\":\"candle\",\"symbol\":\"ETHUSDT\"}"
                                    .getBytes(StandardCharsets.UTF_8)));
            p.send(new ProducerRecord<>(q, "ETHUSDT", "not json".getBytes(StandardCharsets.UTF_8)));
            for (int part = 0; part < 2; part++) {
                p.send(
                        new ProducerRecord<>(
                                q,
                                part,
                                "__eos__",
                                RecordCodec.encode(
                                        new DataMessage.EndOfStream("p1", part, 12, 1))));
            }
            p.flush();
        }
        int code =
                run(
                        ConnectorWorker.SERVICE,
                        ConnectorWorker::create,
                        false,
                        Map.of(
                                "QUEUE_ID",
                                q,
                                "KAFKA_TOPIC",
                                q,
                                "EXPECTED_PRODUCERS",
                                "p1",
                                "TOPIC_PARTITIONS",
                                "2"));
        assertThat(code).isZero();
        TimeRange r =
                new TimeRange(good.get(0).openTimeUs(), good.get(good.size() - 1).openTimeUs() + 1);
        assertThat(platform.stores().marketData().candles(ETH, Interval.M1, r)).isEqualTo(good);
        List<ConsumerRecord<String, byte[]>> dlq = readAll(settings, Topics.dlq(q), 2);
        assertThat(dlq).hasSize(2);
        assertThat(
                        new String(
                                dlq.get(0).headers().lastHeader(DlqPublisher.REASON).value(),
                                StandardCharsets.UTF_8))
                .contains("missing");
        assertThat(new String(dlq.get(1).value(), StandardCharsets.UTF_8)).isEqualTo("not json");
    }

    @Test
    void badConnectorConfigurationExitsWith2() {
        assertThat(
                        WorkerRunner.run(
                                ConnectorWorker.SERVICE,
                                Map.of("QUEUE_ID", "q"),
                                false,
                                ConnectorWorker::create,
                                new StopSignal(),
                                TimeSource.system()))
                .isEqualTo(2);
    }

    static List<ConsumerRecord<String, byte[]>> readAll(
            KafkaSettings s, String topic, int expected) {
        try (KafkaConsumer<String, byte[]> c =
                KafkaClients.consumer(s, "dlq-reader-" + topic, "dlq-reader")) {
            c.subscribe(List.of(topic));
            List<ConsumerRecord<String, byte[]>> out = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (out.size() < expected && System.nanoTime() < deadline) {
                c.poll(Duration.ofMillis(200)).forEach(out::add);
            }
            return out;
        }
    }

    static Map<String, String> with(Map<String, String> m, String k, String v) {
        Map<String, String> out = new HashMap<>(m);
        out.put(k, v);
        return out;
    }
}
