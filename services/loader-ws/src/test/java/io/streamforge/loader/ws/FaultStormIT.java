package io.streamforge.loader.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamforge.domain.AggTrade;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import io.streamforge.embedded.EmbeddedKafkaBroker;
import io.streamforge.kafka.DataMessage;
import io.streamforge.kafka.RecordCodec;
import io.streamforge.kafka.TelemetryEvent;
import io.streamforge.kafka.Topics;
import io.streamforge.sim.ExchangeSimulator;
import io.streamforge.sim.SimConfig;
import io.streamforge.sim.StreamLimits;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The proof of the Ingestion issue: the real loader (WorkerRunner, embedded Kafka) against the
 * exchange simulator over loopback, replaying 600× while the test drops WebSockets every 2.5 s,
 * sends one serverShutdown and one forced rotation, fails 20 % of REST calls with 503, and the
 * replayed period holds a 20-minute maintenance window (90–110 min into the replay) and invalidated
 * aggTrades. Every aggTrade id the model has between the first and the last published id must be on
 * the topic exactly once and equal to the model's record; the maintenance window must be reported
 * as an expected gap.
 */
class FaultStormIT {
    static final List<Symbol> SYMBOLS =
            List.of(Symbol.of("BTCUSDT"), Symbol.of("ETHUSDT"), Symbol.of("SOLUSDT"));
    static final long START_US = Instant.parse("2024-01-15T00:00:00Z").toEpochMilli() * 1000;
    static final long MIN_US = 60_000_000L;
    static final TimeRange MAINTENANCE =
            new TimeRange(START_US + 90 * MIN_US, START_US + 110 * MIN_US);

    @Test
    void everyIdExactlyOnceThroughAFaultStorm() throws Exception {
        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start()) {
            kafka.createTopic(Topics.EVENTS, 1);
            kafka.createTopic(Topics.CONTROL, 1);
            storm(kafka);
        }
    }

    void storm(EmbeddedKafkaBroker kafka) throws Exception {
        SimClock clock = new SimClock(START_US, 600);
        try (ExchangeSimulator sim =
                ExchangeSimulator.start(
                        SimConfig.defaults()
                                .withSeed(11)
                                .withSymbols(SYMBOLS)
                                .withAggTradesPerDay(14_400)
                                .withTimeSource(clock)
                                .withStreams(StreamLimits.defaults().withTimeScale(0.05)))) {
            sim.faults().maintenance(List.of(MAINTENANCE)).invalidAggTrades(0.02);
            Map<String, String> env =
                    LoaderRun.env(
                            kafka,
                            "q-storm",
                            "BTCUSDT,ETHUSDT,SOLUSDT",
                            sim.wsBaseUrl(),
                            sim.baseUrl());
            env.put("RUN_FOR_MS", "16000");
            env.put("GAP_SILENCE_MS", "300000");
            env.put("CONNECTION_LIFETIME_MS", "6000");
            env.put("ROTATION_STAGGER_MS", "0");
            CompletableFuture<Integer> run = LoaderRun.start(env, clock);

            Thread.sleep(1_500);
            sim.faults().errorRate(0.2).dropWebSocketsEveryMs(2_500);
            Thread.sleep(2_000);
            sim.faults().serverShutdown(500); // planned: announced, closed 500 ms later
            Thread.sleep(4_000);
            sim.faults().rotateWebSocketsNow();
            assertThat(run.get(60, TimeUnit.SECONDS)).isZero();
            sim.faults().clear();

            Map<Symbol, List<AggTrade>> published =
                    readAggTrades(kafka.bootstrapServers(), "q-storm");
            List<TelemetryEvent> events = KafkaRead.telemetry(kafka.bootstrapServers(), "q-storm");
            int invalidated = 0;
            for (Symbol s : SYMBOLS) {
                List<AggTrade> got = published.get(s);
                assertThat(got).as(s + " published").isNotEmpty();
                long first = got.get(0).aggId();
                long last = got.get(got.size() - 1).aggId();
                List<AggTrade> expected = new ArrayList<>();
                for (long id = first; id <= last; id += 1000) {
                    expected.addAll(
                            sim.model()
                                    .aggTradesFromId(s, id, (int) Math.min(1000, last - id + 1)));
                }
                // exactly once, in order, and equal to the exchange's records (flags included)
                assertThat(got).as(s + " ids " + first + ".." + last).isEqualTo(expected);
                assertThat(got.get(0).timeUs()).isLessThan(MAINTENANCE.startUs());
                assertThat(got.get(got.size() - 1).timeUs()).isGreaterThan(MAINTENANCE.endUs());
                assertThat(got).noneMatch(t -> MAINTENANCE.contains(t.timeUs()));
                invalidated += (int) got.stream().filter(AggTrade::invalidated).count();
                assertThat(events)
                        .as(s + " expected gap over the maintenance window")
                        .anySatisfy(
                                e -> {
                                    assertThat(e.status()).isEqualTo("gap");
                                    assertThat(e.extra())
                                            .containsEntry("symbol", s.value())
                                            .containsEntry("stream", s.lower() + "@aggTrade");
                                    assertThat((String) e.extra().get("reason"))
                                            .startsWith("expected");
                                    assertThat(((Number) e.extra().get("from_us")).longValue())
                                            .isLessThan(MAINTENANCE.startUs());
                                    assertThat(((Number) e.extra().get("to_us")).longValue())
                                            .isGreaterThanOrEqualTo(MAINTENANCE.endUs());
                                    assertThat(((Number) e.extra().get("to_id")).longValue())
                                            .isEqualTo(
                                                    ((Number) e.extra().get("from_id")).longValue()
                                                            + 1);
                                });
            }
            assertThat(invalidated).as("invalidated aggTrades kept and flagged").isPositive();
            assertThat(events)
                    .filteredOn(e -> e.status().equals("gap"))
                    .allSatisfy(
                            e ->
                                    assertThat((String) e.extra().get("reason"))
                                            .startsWith("expected"))
                    .hasSize(SYMBOLS.size());
            TelemetryEvent finished = events.get(events.size() - 1);
            assertThat(finished.status()).isEqualTo("finished");
            assertThat(((Number) finished.extra().get("reconnects")).longValue())
                    .isGreaterThanOrEqualTo(3);
            assertThat(((Number) finished.extra().get("backfilled")).longValue()).isPositive();
            assertThat(events).anySatisfy(e -> assertThat(e.message()).contains("dropped:"));
            assertThat(sim.webSocketRateLimitDrops()).isZero();
            assertThat(sim.stats().total().serverErrors())
                    .as("REST faults were injected")
                    .isPositive();
            System.out.println(
                    "fault storm: " + finished.extra() + ", records " + finished.recordsWritten());
        }
    }

    /** aggTrades per symbol in topic order, read until the end-of-stream markers. */
    static Map<Symbol, List<AggTrade>> readAggTrades(String bootstrap, String topic) {
        List<ConsumerRecord<String, byte[]>> recs =
                KafkaRead.all(
                        bootstrap,
                        topic,
                        rs -> rs.stream().filter(r -> r.key().equals("__eos__")).count() == 3,
                        0);
        Map<Symbol, List<AggTrade>> out = new TreeMap<>();
        for (ConsumerRecord<String, byte[]> r : recs) {
            if (RecordCodec.decode(r.value()) instanceof DataMessage.Data d
                    && d.record() instanceof AggTrade a) {
                out.computeIfAbsent(a.symbol(), k -> new ArrayList<>()).add(a);
            }
        }
        return out;
    }
}
