package io.streamforge.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamforge.domain.AggTrade;
import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.Trade;
import io.streamforge.domain.port.MarketDataStore;
import io.streamforge.kafka.DlqPublisher;
import io.streamforge.kafka.RecordCodec;
import io.streamforge.kafka.TelemetryEvent;
import io.streamforge.kafka.Topics;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * The connector with {@code DB_KIND=postgres} between an in-process Kafka broker and an embedded
 * PostgreSQL: exact upserts, finishing on every expected producer's markers, idempotent redelivery,
 * the DLQ, and offsets committed only after the database commit. Each test has its own topic and
 * symbol, so they share the servers without seeing each other's rows.
 */
class ConnectorPostgresIT extends ConnectorItBase {
    static final long DAY = 19_800; // 2024-03-18

    static MarketDataStore store() {
        return h.stores.marketData();
    }

    static TimeRange days(int n) {
        return new TimeRange(DAY * ConnectorHarness.DAY_US, (DAY + n) * ConnectorHarness.DAY_US);
    }

    @Test
    void recordsAreUpsertedExactlyAndItFinishesOnEveryProducersMarkers() {
        String q = "loader-conn-it-exact-aaaaaa";
        Symbol s = Symbol.of("EXAUSDT");
        List<Candle> candles = h.topicWithCandles(q, s, DAY, 300);
        List<AggTrade> trades = ConnectorHarness.aggTrades(s, DAY, 1_000, 200);
        h.send(q, trades);
        List<Trade> singles = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            BigDecimal px = new BigDecimal("64000.5").add(BigDecimal.valueOf(i));
            BigDecimal qty = new BigDecimal("0.001");
            singles.add(
                    new Trade(
                            s,
                            7_000 + i,
                            px,
                            qty,
                            px.multiply(qty),
                            DAY * 86_400_000_000L + i * 1_000_001L,
                            i % 3 == 0,
                            true));
        }
        h.send(q, singles); // the kind loader-ws publishes
        h.markers(q, "p-candles", 0, 1);
        h.markers(q, "p-trades", 0, 1);

        assertThat(h.run(h.env(q, "p-candles,p-trades"))).isZero();
        assertThat(store().trades(s, days(1))).isEqualTo(singles);
        assertThat(store().count("trade", s)).isEqualTo(40);
        assertThat(store().candles(s, Interval.M1, days(1))).isEqualTo(candles);
        assertThat(store().aggTrades(s, days(1))).isEqualTo(trades);
        assertThat(store().count("candle", s)).isEqualTo(300);
        assertThat(store().count("agg_trade", s)).isEqualTo(200);
        assertThat(store().candles(s, Interval.M1, days(1)).get(7).open())
                .isEqualTo(new BigDecimal("0.00001241"));
        List<TelemetryEvent> events = h.events(q);
        assertThat(events.get(0).status()).isEqualTo("started");
        TelemetryEvent last = events.get(events.size() - 1);
        assertThat(last.status()).isEqualTo("finished");
        assertThat(last.recordsWritten()).isEqualTo(540);
        assertThat(last.target()).isEqualTo(ConnectorWorker.SERVICE);
    }

    @Test
    void itKeepsConsumingUntilTheLastExpectedMarkerArrives() throws Exception {
        String q = "loader-conn-it-markers-bbbbbb";
        Symbol s = Symbol.of("MRKUSDT");
        List<Candle> candles = h.topicWithCandles(q, s, DAY, 120);
        h.markers(q, "p1", 0, 1);
        h.markers(q, "p2", 0);
        CompletableFuture<Integer> run = h.runAsync(h.env(q, "p1,p2"));
        ConnectorHarness.await("all rows stored", () -> store().count("candle", s) == 120);
        assertThatThrownBy(() -> run.get(3, TimeUnit.SECONDS))
                .as("p2 has not ended partition 1 yet")
                .isInstanceOf(TimeoutException.class);

        List<Candle> late = ConnectorHarness.candles(s, DAY + 1, 60);
        h.send(q, late);
        h.markers(q, "p2", 1);
        assertThat(run.get(60, TimeUnit.SECONDS)).isZero();
        assertThat(store().count("candle", s)).isEqualTo(180);
        List<Candle> all = new ArrayList<>(candles);
        all.addAll(late);
        assertThat(store().candles(s, Interval.M1, days(2))).isEqualTo(all);
    }

    @Test
    void redeliveryAndAFullRerunLeaveNoDuplicatesAndTheLaterVersionWins() {
        String q = "loader-conn-it-dupes-cccccc";
        Symbol s = Symbol.of("DUPUSDT");
        List<Candle> candles = h.topicWithCandles(q, s, DAY, 100);
        List<AggTrade> trades = ConnectorHarness.aggTrades(s, DAY, 5_000, 50);
        h.send(q, trades);
        h.send(q, candles); // a loader retry delivers the same records again
        h.send(q, trades);
        Candle c = candles.get(5);
        BigDecimal close = c.high();
        Candle corrected =
                new Candle(
                        s,
                        c.interval(),
                        c.openTimeUs(),
                        c.closeTimeUs(),
                        c.open(),
                        c.high(),
                        c.low(),
                        close,
                        c.volume().add(BigDecimal.ONE),
                        c.quoteVolume(),
                        c.tradeCount() + 1,
                        c.takerBuyBaseVolume(),
                        c.takerBuyQuoteVolume());
        h.send(q, List.of(corrected));
        h.markers(q, "p", 0, 1);
        List<Candle> want = new ArrayList<>(candles);
        want.set(5, corrected);

        assertThat(h.run(h.env(q, "p"))).isZero();
        assertThat(store().count("candle", s)).isEqualTo(100);
        assertThat(store().count("agg_trade", s)).isEqualTo(50);
        assertThat(store().candles(s, Interval.M1, days(1))).isEqualTo(want);

        Map<String, String> rerun = h.env(q, "p");
        rerun.put("GROUP_ID", "connector-it-rerun");
        assertThat(h.run(rerun)).isZero();
        assertThat(store().count("candle", s)).isEqualTo(100);
        assertThat(store().count("agg_trade", s)).isEqualTo(50);
        assertThat(store().candles(s, Interval.M1, days(1))).isEqualTo(want);
        assertThat(store().aggTrades(s, days(1))).isEqualTo(trades);
    }

    @Test
    void malformedRecordsGoToTheDlqWithAReasonAndTheConnectorGoesOn() {
        String q = "loader-conn-it-dlq-dddddd";
        Symbol s = Symbol.of("DLQUSDT");
        h.kafka.createTopic(q, 2);
        List<Candle> good = ConnectorHarness.candles(s, DAY, 40);
        Candle g = good.get(0);
        Candle inverted =
                new Candle(
                        s,
                        Interval.M1,
                        g.openTimeUs() + ConnectorHarness.DAY_US,
                        g.closeTimeUs() + ConnectorHarness.DAY_US,
                        g.open(),
                        g.low(),
                        g.high(),
                        g.close(),
                        g.volume(),
                        g.quoteVolume(),
                        1,
                        g.takerBuyBaseVolume(),
                        g.takerBuyQuoteVolume());
        String missingField = "{\"v\":1,\"kind\":\"candle\",\"symbol\":\"DLQUSDT\"}";
        String numberDecimal =
                new String(RecordCodec.encode(good.get(1)), StandardCharsets.UTF_8)
                        .replaceFirst("\"volume\":\"[0-9.]+\"", "\"volume\":1.5");
        List<ProducerRecord<String, byte[]>> bad = new ArrayList<>();
        for (byte[] v :
                List.of(
                        "not json".getBytes(StandardCharsets.UTF_8),
                        missingField.getBytes(StandardCharsets.UTF_8),
                        numberDecimal.getBytes(StandardCharsets.UTF_8),
                        RecordCodec.encode(inverted),
                        "{\"v\":1,\"kind\":\"quote\"}".getBytes(StandardCharsets.UTF_8))) {
            bad.add(new ProducerRecord<>(q, 0, "DLQUSDT", v));
        }
        h.send(q, good.subList(0, 20));
        h.sendRaw(bad);
        h.send(q, good.subList(20, 40));
        h.markers(q, "p", 0, 1);

        assertThat(h.run(h.env(q, "p"))).isZero();
        assertThat(store().candles(s, Interval.M1, days(2))).isEqualTo(good);
        List<ConsumerRecord<String, byte[]>> dlq = h.readAll(Topics.dlq(q));
        assertThat(dlq).hasSize(5);
        assertThat(dlq).extracting(r -> header(r, DlqPublisher.SOURCE_TOPIC)).containsOnly(q);
        assertThat(dlq)
                .extracting(r -> header(r, DlqPublisher.REASON))
                .satisfiesExactly(
                        r -> assertThat(r).startsWith("malformed JSON"),
                        r -> assertThat(r).contains("missing"),
                        r -> assertThat(r).contains("volume").contains("strings"),
                        r -> assertThat(r).contains("high < low"),
                        r -> assertThat(r).contains("kind").contains("quote"));
        assertThat(new String(dlq.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("not json");
    }

    @Test
    void anUnreachableDatabaseEndsInErrorTelemetryThatNamesItButNotThePassword() throws Exception {
        String q = "loader-conn-it-nodb-eeeeee";
        h.kafka.createTopic(q, 2);
        java.nio.file.Path pw = java.nio.file.Files.createTempFile("pg-password", ".txt");
        java.nio.file.Files.writeString(pw, "s3cret-pw\n");
        int closedPort;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            closedPort = free.getLocalPort();
        }
        Map<String, String> env = h.env(q, "p");
        env.put("POSTGRES_JDBC_URL", "jdbc:postgresql://127.0.0.1:" + closedPort + "/postgres");
        env.put("POSTGRES_PASSWORD_FILE", pw.toString());

        assertThat(h.run(env)).isEqualTo(1);
        List<TelemetryEvent> events = h.events(q);
        TelemetryEvent last = events.get(events.size() - 1);
        assertThat(last.status()).isEqualTo("error");
        assertThat(last.errorMessage())
                .contains("cannot connect to PostgreSQL")
                .contains(String.valueOf(closedPort))
                .doesNotContain("s3cret-pw");
    }

    static String header(ConsumerRecord<String, byte[]> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
