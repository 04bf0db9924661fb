package io.streamforge.app.rehearse;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamforge.app.rehearse.KedaRule.Offsets;
import io.streamforge.app.rehearse.RenderedChart.KafkaTrigger;
import io.streamforge.app.rehearse.RenderedChart.ScaledObject;
import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import io.streamforge.domain.MarketRecord;
import io.streamforge.domain.Symbol;
import io.streamforge.embedded.EmbeddedKafkaBroker;
import io.streamforge.sim.MarketModel;
import io.streamforge.sim.SimConfig;
import io.streamforge.testkit.Fixtures;
import io.streamforge.testkit.InMemoryMarketDataStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rehearsal's KEDA stand-in and live data check on a real in-process Kafka broker: a backlog
 * written with the loaders' codec scales a target up at the first poll, a real consumer group that
 * drains and commits brings it back to one after the scale-down window; the live topics' last
 * record per key is read back and compared with a store, which must be exact (the in-memory store
 * is the honest fake of the market-data port; the rehearsal opens the connector's real store).
 */
class LiveKedaIT {
    private static final List<Symbol> SYMBOLS = List.of(Symbol.of("BTCUSDT"), Symbol.of("ETHUSDT"));
    private static final long END_US = 1_714_521_600_000_000L; // 2024-05-01T00:00Z
    private static EmbeddedKafkaBroker kafka;
    private static MarketModel model;

    @BeforeAll
    static void start(@TempDir Path dir) {
        kafka = EmbeddedKafkaBroker.start(dir.resolve("kafka"));
        model =
                new MarketModel(
                        SimConfig.defaults().withSymbols(SYMBOLS).withAggTradesPerDay(1440));
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    /** A Deployment's replica count, as the stand-in sets it. */
    private static final class CountingTarget implements KedaStandIn.Target {
        final AtomicInteger replicas = new AtomicInteger(1);

        @Override
        public int replicas() {
            return replicas.get();
        }

        @Override
        public void scaleTo(int n) {
            replicas.set(n);
        }
    }

    @Test
    void aBacklogScalesUpAtTheFirstPollAndADrainedGroupScalesBackToOne() throws Exception {
        String topic = "keda.aggTrade";
        kafka.createTopic(topic, 6);
        KafkaTrigger t = new KafkaTrigger(topic, "keda-group", 1000, 10, true, false);
        ScaledObject so = new ScaledObject("so", "connector", 1, 6, 30, 300, List.of(t));
        LiveBacklog.Plan plan = LiveBacklog.plan(so, SYMBOLS.size(), 1440, END_US).orElseThrow();
        List<MarketRecord> records = LiveBacklog.records(plan, model, SYMBOLS);
        assertThat(LiveBacklog.produce(kafka, plan, records)).isEqualTo(records.size());
        try (var admin = kafka.admin()) {
            assertThat(KedaStandIn.offsets(admin, t).stream().mapToLong(Offsets::latest).sum())
                    .isEqualTo(records.size());
        }
        CountingTarget target = new CountingTarget();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (KedaStandIn keda =
                new KedaStandIn(
                        so,
                        kafka::admin,
                        target,
                        Duration.ofMillis(200),
                        Duration.ofSeconds(1),
                        new PrintStream(out, true, StandardCharsets.UTF_8))) {
            keda.start();
            assertThat(target.replicas()).as("the first poll saw the whole backlog").isEqualTo(3);
            drain(topic, "keda-group", records.size());
            keda.awaitReplicas(1, Duration.ofSeconds(120));
            assertThat(keda.changes().get(0).toString()).startsWith("1 -> 3 (lag {" + topic + "=");
            assertThat(keda.changes()).last().satisfies(c -> assertThat(c.to()).isEqualTo(1));
            assertThat(keda.errors()).isEmpty();
        }
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("KEDA stand-in: connector 1 -> 3");
    }

    @Test
    void theLiveTopicsLastRecordPerKeyMustBeExactlyInTheStore() {
        String trades = "check.aggTrade";
        String klines = "check.kline_1m";
        kafka.createTopic(trades, 3);
        kafka.createTopic(klines, 3);
        KafkaTrigger t = new KafkaTrigger(trades, "g", 100, 10, true, false);
        ScaledObject so = new ScaledObject("so", "d", 1, 6, 30, 300, List.of(t));
        LiveBacklog.Plan plan = LiveBacklog.plan(so, SYMBOLS.size(), 1440, END_US).orElseThrow();
        List<MarketRecord> aggTrades = LiveBacklog.records(plan, model, SYMBOLS);
        LiveBacklog.produce(kafka, plan, aggTrades);
        Candle first =
                model.klines(SYMBOLS.get(0), Interval.M1, END_US, END_US + 60_000_000L).get(0);
        Candle updated =
                Fixtures.withClose(first, first.close().add(BigDecimal.ONE).toPlainString());
        KafkaTrigger kt = new KafkaTrigger(klines, "g", 100, 10, true, false);
        LiveBacklog.produce(
                kafka, new LiveBacklog.Plan(kt, plan.range(), 2), List.of(first, updated));

        Map<String, MarketRecord> expected =
                LiveDataCheck.topicRecords(kafka, List.of(trades, klines));
        assertThat(expected).hasSize(aggTrades.size() + 1);
        assertThat(expected.get(first.key())).as("a kline's last update wins").isEqualTo(updated);

        InMemoryMarketDataStore store = new InMemoryMarketDataStore();
        store.upsert(new ArrayList<>(expected.values()));
        assertThat(LiveDataCheck.compare(store, expected)).isEmpty();

        store.upsert(List.of(first)); // the stale version
        assertThat(LiveDataCheck.compare(store, expected))
                .containsExactly(
                        "kline 1m BTCUSDT 2024-05-01: 1 stored, the live topics have 1 (or they differ)");
        store.upsert(List.of(updated, withOpen(first, first.openTimeUs() + 60_000_000L)));
        assertThat(LiveDataCheck.compare(store, expected))
                .as("a record the topics do not have on that day")
                .containsExactly(
                        "kline 1m BTCUSDT 2024-05-01: 2 stored, the live topics have 1 (or they differ)");

        InMemoryMarketDataStore missing = new InMemoryMarketDataStore();
        missing.upsert(aggTrades.subList(1, aggTrades.size()));
        missing.upsert(List.of(updated));
        assertThat(LiveDataCheck.compare(missing, expected))
                .singleElement()
                .asString()
                .startsWith("aggTrade " + aggTrades.get(0).symbol() + " ")
                .contains("stored, the live topics have");
    }

    private static Candle withOpen(Candle c, long openUs) {
        return new Candle(
                c.symbol(),
                c.interval(),
                openUs,
                openUs + 59_999_999L,
                c.open(),
                c.high(),
                c.low(),
                c.close(),
                c.volume(),
                c.quoteVolume(),
                c.tradeCount(),
                c.takerBuyBaseVolume(),
                c.takerBuyQuoteVolume());
    }

    /** A real member of the group reads every record and commits, as the live connector does. */
    private static void drain(String topic, String group, int records) {
        Properties p = new Properties();
        p.putAll(LiveBacklog.superUser(kafka));
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, byte[]> c =
                new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(List.of(topic));
            int read = 0;
            long end = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (read < records && System.nanoTime() < end) {
                read += c.poll(Duration.ofMillis(500)).count();
                c.commitSync();
            }
            assertThat(read).isEqualTo(records);
        }
    }
}
