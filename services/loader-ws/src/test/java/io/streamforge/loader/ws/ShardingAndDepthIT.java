package io.streamforge.loader.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamforge.binance.BinanceClientConfig;
import io.streamforge.binance.BinanceRestClient;
import io.streamforge.binance.DepthSnapshot;
import io.streamforge.binance.PriceLevel;
import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import io.streamforge.domain.MarketRecord;
import io.streamforge.domain.Symbol;
import io.streamforge.embedded.EmbeddedKafkaBroker;
import io.streamforge.kafka.DataMessage;
import io.streamforge.kafka.Json;
import io.streamforge.kafka.RecordCodec;
import io.streamforge.kafka.TelemetryEvent;
import io.streamforge.kafka.Topics;
import io.streamforge.sim.ExchangeSimulator;
import io.streamforge.sim.SimConfig;
import io.streamforge.sim.StreamLimits;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sharding with paced SUBSCRIBEs, closed klines, and depth books against the simulator. */
class ShardingAndDepthIT {
    static final long START_US = Instant.parse("2024-01-15T00:00:00Z").toEpochMilli() * 1000;
    static EmbeddedKafkaBroker kafka;

    @BeforeAll
    static void kafka() {
        kafka = EmbeddedKafkaBroker.start();
        kafka.createTopic(Topics.EVENTS, 1);
        kafka.createTopic(Topics.CONTROL, 1);
    }

    @AfterAll
    static void stop() {
        if (kafka != null) kafka.close();
    }

    @Test
    void fiveSymbolsTimesTwoStreamsInFourPacedConnections() throws Exception {
        List<String> names = List.of("BTCUSDT", "ETHUSDT", "SOLUSDT", "XRPUSDT", "ADAUSDT");
        SimClock clock = new SimClock(START_US, 600);
        try (ExchangeSimulator sim =
                ExchangeSimulator.start(
                        SimConfig.defaults()
                                .withSeed(5)
                                .withSymbols(names.toArray(String[]::new))
                                .withTimeSource(clock))) {
            Map<String, String> env =
                    LoaderRun.env(
                            kafka,
                            "q-shards",
                            String.join(",", names),
                            sim.wsBaseUrl(),
                            sim.baseUrl());
            env.put("STREAMS", "aggTrade,kline_1m");
            env.put("STREAMS_PER_CONNECTION", "3");
            env.put("STREAMS_PER_SUBSCRIBE", "1"); // 3 SUBSCRIBEs per connection, paced at 3/s
            env.put("RUN_FOR_MS", "6000");
            CompletableFuture<Integer> run = LoaderRun.start(env, clock);
            int maxConnections = 0;
            while (!run.isDone()) {
                maxConnections = Math.max(maxConnections, sim.webSocketConnections());
                Thread.sleep(50);
            }
            assertThat(run.get(30, TimeUnit.SECONDS)).isZero();
            assertThat(maxConnections).isEqualTo(4);
            assertThat(sim.webSocketRateLimitDrops()).as("no 1008 for > 5 msg/s").isZero();

            Map<String, List<MarketRecord>> byStream = new TreeMap<>();
            for (ConsumerRecord<String, byte[]> r : readData("q-shards")) {
                if (RecordCodec.decode(r.value()) instanceof DataMessage.Data d) {
                    byStream.computeIfAbsent(
                                    d.record().symbol() + "/" + d.record().kind(),
                                    k -> new ArrayList<>())
                            .add(d.record());
                }
            }
            assertThat(byStream).hasSize(10);
            for (String n : names) {
                Symbol s = Symbol.of(n);
                List<Candle> got =
                        byStream.get(s + "/candle").stream().map(Candle.class::cast).toList();
                Candle first = got.get(0);
                Candle last = got.get(got.size() - 1);
                // closed candles only, each once, equal to the exchange's 1m klines
                assertThat(got)
                        .isEqualTo(
                                sim.model()
                                        .klines(
                                                s,
                                                Interval.M1,
                                                first.openTimeUs(),
                                                last.openTimeUs() + 1));
                assertThat(got.size()).isGreaterThan(10);
            }
            List<TelemetryEvent> events = KafkaRead.telemetry(kafka.bootstrapServers(), "q-shards");
            TelemetryEvent finished = events.get(events.size() - 1);
            assertThat(finished.status()).isEqualTo("finished");
            assertThat(finished.extra()).containsEntry("reconnects", 0).containsEntry("gaps", 0);
        }
    }

    @Test
    void depthBookOnTheTopicEqualsTheExchangeBookAndAGapRebuildsIt() throws Exception {
        SimClock clock = new SimClock(START_US, 30);
        try (ExchangeSimulator sim =
                ExchangeSimulator.start(
                        SimConfig.defaults()
                                .withSeed(9)
                                .withSymbols("BTCUSDT", "ETHUSDT")
                                .withTimeSource(clock)
                                .withStreams(StreamLimits.defaults().withTimeScale(0.05)))) {
            Map<String, String> env =
                    LoaderRun.env(
                            kafka, "q-depth", "BTCUSDT,ETHUSDT", sim.wsBaseUrl(), sim.baseUrl());
            env.put("STREAMS", "depth");
            env.put("DEPTH_SNAPSHOT_LIMIT", "5000");
            env.put("RUN_FOR_MS", "7000");
            CompletableFuture<Integer> run = LoaderRun.start(env, clock);
            Thread.sleep(3_500);
            sim.faults().depthSequenceGap();
            Thread.sleep(1_500);
            clock.freeze();
            assertThat(run.get(30, TimeUnit.SECONDS)).isZero();

            List<ConsumerRecord<String, byte[]>> recs =
                    KafkaRead.all(kafka.bootstrapServers(), "q-depth.depth", rs -> false, 1_500);
            BinanceRestClient rest =
                    new BinanceRestClient(
                            BinanceClientConfig.defaults(sim.baseUrl()).withMicroseconds(true));
            for (String n : List.of("BTCUSDT", "ETHUSDT")) {
                List<JsonNode> msgs = new ArrayList<>();
                for (var r : recs) if (r.key().equals(n)) msgs.add(Json.MAPPER.readTree(r.value()));
                assertThat(msgs)
                        .anySatisfy(
                                m -> {
                                    assertThat(m.get("type").asText()).isEqualTo("snapshot");
                                    assertThat(m.get("reason").asText()).startsWith("gap");
                                });
                DepthSnapshot expected = rest.depth(Symbol.of(n), 5000);
                Book book = Book.replay(msgs);
                assertThat(book.lastUpdateId).isEqualTo(expected.lastUpdateId());
                assertThat(book.bids()).isEqualTo(expected.bids());
                assertThat(book.asks()).isEqualTo(expected.asks());
            }
        }
    }

    static List<ConsumerRecord<String, byte[]>> readData(String topic) {
        return KafkaRead.all(
                kafka.bootstrapServers(),
                topic,
                rs -> rs.stream().filter(r -> r.key().equals("__eos__")).count() == 3,
                0);
    }

    /** A consumer of the depth topic: the latest snapshot plus the deltas after it. */
    static final class Book {
        final TreeMap<BigDecimal, BigDecimal> bids = new TreeMap<>(Comparator.reverseOrder());
        final TreeMap<BigDecimal, BigDecimal> asks = new TreeMap<>();
        long lastUpdateId = -1;

        static Book replay(List<JsonNode> msgs) {
            Book b = new Book();
            for (JsonNode m : msgs) {
                if (m.get("type").asText().equals("snapshot")) {
                    b.bids.clear();
                    b.asks.clear();
                    b.lastUpdateId = m.get("last_update_id").asLong();
                } else {
                    assertThat(m.get("first_update_id").asLong())
                            .isLessThanOrEqualTo(b.lastUpdateId + 1);
                    b.lastUpdateId = m.get("final_update_id").asLong();
                }
                apply(b.bids, m.get("bids"));
                apply(b.asks, m.get("asks"));
            }
            return b;
        }

        static void apply(TreeMap<BigDecimal, BigDecimal> side, JsonNode levels) {
            for (JsonNode l : levels) {
                PriceLevel p = PriceLevel.parse(l.get(0).asText(), l.get(1).asText());
                if (p.removes()) side.remove(p.price());
                else side.put(p.price(), p.qty());
            }
        }

        List<PriceLevel> bids() {
            return bids.entrySet().stream()
                    .map(e -> new PriceLevel(e.getKey(), e.getValue()))
                    .toList();
        }

        List<PriceLevel> asks() {
            return asks.entrySet().stream()
                    .map(e -> new PriceLevel(e.getKey(), e.getValue()))
                    .toList();
        }
    }
}
