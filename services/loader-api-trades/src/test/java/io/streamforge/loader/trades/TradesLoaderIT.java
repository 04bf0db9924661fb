package io.streamforge.loader.trades;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamforge.domain.AggTrade;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.coverage.CoverageKey;
import io.streamforge.domain.coverage.Received;
import io.streamforge.kafka.DataMessage;
import io.streamforge.kafka.TelemetryEvent;
import io.streamforge.runtime.StopSignal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The aggTrades worker against the exchange simulator (loopback) and an in-process Kafka broker:
 * every aggTrade of a range on the data topic once, ids contiguous, end-of-stream markers last;
 * millisecond vs microsecond time units; a stop mid-load.
 */
class TradesLoaderIT extends TradesItBase {
    @Test
    void everyAggTradeLandsOnceWithContiguousIdsAndMarkersLast() {
        String q = "loader-trades-it-2024-02-01-aaaaaa";
        String days = "2024-02-01:2024-02-01";
        Map<String, String> env = TradesHarness.env(kafka, sim, q, "BTCUSDT,SOLUSDT", days);
        assertThat(TradesHarness.run(env, new StopSignal())).isZero();

        List<TradesHarness.Message> out = TradesHarness.data(kafka, q);
        long total = 0;
        for (Symbol s : List.of(BTC, SOL)) {
            List<AggTrade> got = trades(out, s);
            assertThat(got).as(s.value()).isEqualTo(model(s, days));
            assertThat(got).hasSize(sim.model().aggTradesPerDay());
            for (int i = 1; i < got.size(); i++) {
                assertThat(got.get(i).aggId()).isEqualTo(got.get(i - 1).aggId() + 1);
            }
            total += got.size();
        }
        Set<String> keys = new HashSet<>();
        out.stream()
                .filter(m -> m.body() instanceof DataMessage.Data)
                .forEach(
                        m ->
                                assertThat(keys.add(((DataMessage.Data) m.body()).record().key()))
                                        .as("no aggTrade twice")
                                        .isTrue());
        for (int p = 0; p < 3; p++) {
            int part = p;
            List<DataMessage> onPart =
                    out.stream().filter(m -> m.partition() == part).map(m -> m.body()).toList();
            assertThat(onPart.get(onPart.size() - 1))
                    .isEqualTo(eosOf(onPart, TradesLoader.SERVICE + "__" + q, part, total));
        }
        List<Received> received = new ArrayList<>();
        out.stream()
                .filter(m -> m.body() instanceof DataMessage.Coverage)
                .map(m -> (DataMessage.Coverage) m.body())
                .forEach(
                        c -> {
                            assertThat(c.gaps()).isEmpty();
                            received.addAll(c.received());
                        });
        assertThat(received)
                .extracting(Received::key)
                .containsOnly(CoverageKey.aggTrades(BTC), CoverageKey.aggTrades(SOL));

        List<TelemetryEvent> events = TradesHarness.events(kafka, q);
        assertThat(events.get(0).status()).isEqualTo("started");
        assertThat(events.get(events.size() - 1).status()).isEqualTo("finished");
        assertThat(events.get(events.size() - 1).recordsWritten()).isEqualTo(total);
    }

    /** The one marker of the partition, checked for producer and count; fails when absent. */
    static DataMessage.EndOfStream eosOf(
            List<DataMessage> onPart, String producer, int partition, long records) {
        List<DataMessage.EndOfStream> markers =
                onPart.stream()
                        .filter(DataMessage.EndOfStream.class::isInstance)
                        .map(DataMessage.EndOfStream.class::cast)
                        .toList();
        assertThat(markers).hasSize(1);
        DataMessage.EndOfStream eos = markers.get(0);
        assertThat(eos.producer()).isEqualTo(producer);
        assertThat(eos.partition()).isEqualTo(partition);
        assertThat(eos.recordsSent()).isEqualTo(records);
        return eos;
    }

    @Test
    void millisecondUnitKeepsIdsAndTruncatesTimesToTheMillisecond() {
        String days = "2024-02-02:2024-02-02";
        List<AggTrade> exact = model(BTC, days);
        assertThat(exact)
                .as("the model has sub-millisecond times, so the units differ")
                .anyMatch(a -> a.timeUs() % 1_000 != 0);
        String q = "loader-trades-it-2024-02-02-bbbbbb";
        Map<String, String> env = TradesHarness.env(kafka, sim, q, "BTCUSDT", days);
        env.put("BINANCE_TIME_UNIT", "MILLISECOND");
        assertThat(TradesHarness.run(env, new StopSignal())).isZero();
        List<AggTrade> got = trades(TradesHarness.data(kafka, q), BTC);
        assertThat(got).hasSameSizeAs(exact);
        for (int i = 0; i < got.size(); i++) {
            AggTrade want = exact.get(i);
            assertThat(got.get(i).aggId()).isEqualTo(want.aggId());
            assertThat(got.get(i).price()).isEqualTo(want.price());
            assertThat(got.get(i).timeUs()).isEqualTo(want.timeUs() - want.timeUs() % 1_000);
        }
    }

    @Test
    void aStopMidLoadEndsInterruptedWithoutEndOfStreamMarkers() throws Exception {
        String q = "loader-trades-it-2023-01-01-cccccc";
        sim.faults().latencyMs(50);
        StopSignal stop = new StopSignal();
        Map<String, String> env =
                TradesHarness.env(kafka, sim, q, "BTCUSDT", "2023-01-01:2023-12-31");
        CompletableFuture<Integer> run =
                CompletableFuture.supplyAsync(() -> TradesHarness.run(env, stop));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (TradesHarness.events(kafka, q).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        stop.stop("test");
        assertThat(run.get(60, TimeUnit.SECONDS)).isZero();
        List<TelemetryEvent> events = TradesHarness.events(kafka, q);
        assertThat(events.get(events.size() - 1).status()).isEqualTo("interrupted");
        List<TradesHarness.Message> out = TradesHarness.data(kafka, q);
        assertThat(out).noneMatch(m -> m.body() instanceof DataMessage.EndOfStream);
        assertThat(trades(out, BTC).size())
                .as("a year was not loaded")
                .isLessThan(365 * sim.model().aggTradesPerDay());
    }

    @Test
    void a5xxBurstIsRetriedWithoutLosingOrRepeatingAnId() {
        String q = "loader-trades-it-2024-02-12-iiiiii";
        String days = "2024-02-12:2024-02-12";
        sim.faults().errorRate(0.4).errorStatus(500);
        long errorsBefore = sim.stats().endpoint("/api/v3/aggTrades").serverErrors();
        Map<String, String> env = TradesHarness.env(kafka, sim, q, "SOLUSDT", days);
        env.put("BINANCE_MAX_RETRIES", "12");
        assertThat(TradesHarness.run(env, new StopSignal())).isZero();
        assertThat(sim.stats().endpoint("/api/v3/aggTrades").serverErrors())
                .isGreaterThan(errorsBefore);
        assertThat(trades(TradesHarness.data(kafka, q), SOL)).isEqualTo(model(SOL, days));
    }

    @Test
    void anUnknownSymbolEndsInErrorTelemetryWithTheExchangesCode() {
        String q = "loader-trades-it-2024-02-12-jjjjjj";
        Map<String, String> env =
                TradesHarness.env(kafka, sim, q, "NOPEUSDT", "2024-02-12:2024-02-12");
        assertThat(TradesHarness.run(env, new StopSignal())).isEqualTo(1);
        List<TelemetryEvent> events = TradesHarness.events(kafka, q);
        TelemetryEvent last = events.get(events.size() - 1);
        assertThat(last.status()).isEqualTo("error");
        assertThat(last.errorMessage()).contains("HTTP 400").contains("-1121");
        assertThat(TradesHarness.data(kafka, q))
                .noneMatch(m -> m.body() instanceof DataMessage.EndOfStream);
    }

    @Test
    void kafkaTopicNamesTheDataTopicApartFromTheQueue() {
        String q = "loader-trades-it-2024-02-14-kkkkkk";
        String topic = "backfill.agg_trades";
        String days = "2024-02-14:2024-02-14";
        Map<String, String> env = TradesHarness.env(kafka, sim, q, "BTCUSDT", days);
        env.put("KAFKA_TOPIC", topic);
        env.put("TOPIC_PARTITIONS", "1");
        assertThat(TradesHarness.run(env, new StopSignal())).isZero();
        List<TradesHarness.Message> out = TradesHarness.data(kafka, topic);
        assertThat(trades(out, BTC)).isEqualTo(model(BTC, days));
        assertThat(out.get(out.size() - 1).body())
                .isEqualTo(
                        eosOf(
                                out.stream().map(TradesHarness.Message::body).toList(),
                                TradesLoader.SERVICE + "__" + q,
                                0,
                                model(BTC, days).size()));
        assertThat(TradesHarness.events(kafka, q))
                .extracting(TelemetryEvent::status)
                .endsWith("finished");
    }
}
