package io.streamforge.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamforge.domain.Micros;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Streams over a real WebSocket with an injected clock advanced by the test. */
class StreamsTest {
    static final long START_US = Micros.of(Instant.parse("2024-03-01T09:00:00Z"));
    static ExchangeSimulator sim;
    static TestClock clock;

    @BeforeAll
    static void start() {
        clock = new TestClock(START_US);
        sim =
                ExchangeSimulator.start(
                        SimConfig.defaults()
                                .withSymbols("BTCUSDT", "ETHUSDT")
                                .withTimeSource(clock));
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    /** Advances the clock in {@code stepUs} steps up to {@code untilUs}, letting the hub tick. */
    static void advance(TestClock clock, long untilUs, long stepUs) throws InterruptedException {
        while (clock.nowUs() < untilUs) {
            clock.set(Math.min(untilUs, clock.nowUs() + stepUs));
            Thread.sleep(60);
        }
    }

    @Test
    void wsAggTradesEqualRestAggTradesIncludingInvalidatedOnes() throws Exception {
        sim.faults().invalidAggTrades(0.1);
        try (Ws ws = Ws.connect(sim.wsBaseUrl() + "/ws/ethusdt@aggTrade")) {
            Thread.sleep(150);
            long from = clock.nowUs();
            long to = from + 3_600_000_000L;
            advance(clock, to, 300_000_000L);
            long lastId =
                    sim.model().firstAggIdAtOrAfter(io.streamforge.domain.Symbol.of("ETHUSDT"), to)
                            - 1;
            List<JsonNode> events = ws.until(n -> n.get("a").asLong() == lastId, 5);
            JsonNode rest =
                    Http.json(
                            new Http(sim.baseUrl())
                                    .get(
                                            "/api/v3/aggTrades?symbol=ETHUSDT&fromId="
                                                    + events.get(0).get("a").asLong()
                                                    + "&limit=1000"));
            assertThat(events).hasSizeGreaterThan(50);
            int invalid = 0;
            for (int i = 0; i < events.size(); i++) {
                JsonNode e = events.get(i);
                JsonNode r = rest.get(i);
                assertThat(e.get("e").asText()).isEqualTo("aggTrade");
                assertThat(e.get("s").asText()).isEqualTo("ETHUSDT");
                for (String f : List.of("a", "p", "q", "f", "l", "T", "m", "M")) {
                    assertThat(e.get(f)).as(f).isEqualTo(r.get(f));
                }
                if (e.get("f").asLong() == -1) {
                    invalid++;
                    assertThat(e.get("p").asText()).isEqualTo("0.00000000");
                }
            }
            assertThat(invalid).isPositive();
            assertThat(events.get(0).get("T").asLong()).isGreaterThanOrEqualTo(from / 1000);
        } finally {
            sim.faults().invalidAggTrades(0);
        }
    }

    @Test
    void combinedStreamMessagesHaveTheRecordedRealShape() throws Exception {
        java.nio.file.Path real =
                RealData.websocket("cryptofeed_binance_kline_aggTrade_messages.jsonl");
        java.util.Map<String, JsonNode> realByEvent = new java.util.HashMap<>();
        for (String line : java.nio.file.Files.readAllLines(real)) {
            JsonNode raw = Ws.json(Ws.json(line).get("raw").asText());
            if (raw.has("stream") && raw.get("stream").asText().contains("@")) {
                realByEvent.putIfAbsent(raw.get("data").get("e").asText(), raw);
            }
        }
        java.nio.file.Path rec = RealData.websocket("cryptofeed_BINANCE.ws.1.0.txt");
        for (String line : java.nio.file.Files.readAllLines(rec)) {
            int i = line.indexOf(": {");
            if (i > 0 && line.contains("depthUpdate")) {
                realByEvent.putIfAbsent("depthUpdate", Ws.json(line.substring(i + 2)));
                break;
            }
        }
        assertThat(realByEvent).containsKeys("aggTrade", "kline", "depthUpdate");
        String streams = "btcusdt@aggTrade/btcusdt@kline_1m/btcusdt@depth@100ms";
        try (Ws ws = Ws.connect(sim.wsBaseUrl() + "/stream?streams=" + streams)) {
            Thread.sleep(150);
            advance(clock, clock.nowUs() + 130_000_000L, 10_000_000L);
            java.util.Map<String, JsonNode> ours = new java.util.HashMap<>();
            ws.until(
                    n -> {
                        ours.putIfAbsent(n.get("data").get("e").asText(), n);
                        return ours.size() == 3;
                    },
                    5);
            for (String e : List.of("aggTrade", "kline", "depthUpdate")) {
                JsonNode mine = ours.get(e);
                JsonNode theirs = realByEvent.get(e);
                assertThat(fields(mine)).as(e).isEqualTo(fields(theirs));
                assertThat(fields(mine.get("data"))).as(e).isEqualTo(fields(theirs.get("data")));
                assertThat(mine.get("stream").asText()).startsWith("btcusdt@");
            }
            assertThat(fields(ours.get("kline").get("data").get("k")))
                    .isEqualTo(fields(realByEvent.get("kline").get("data").get("k")));
        }
    }

    static List<String> fields(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void replayClockDeliversHoursOfEventsInSecondsInMicroseconds() throws Exception {
        ReplayClock fast = ReplayClock.startingAtUs(START_US, 3_600); // an hour per second
        try (ExchangeSimulator replay =
                        ExchangeSimulator.start(
                                SimConfig.defaults().withSymbols("BTCUSDT").withTimeSource(fast));
                Ws ws =
                        Ws.connect(
                                replay.wsBaseUrl()
                                        + "/stream?streams=btcusdt@aggTrade/btcusdt@kline_1m"
                                        + "&timeUnit=MICROSECOND")) {
            long[] closed = {0};
            long[] aggs = {0};
            ws.until(
                    n -> {
                        JsonNode d = n.get("data");
                        if (d.has("k")) {
                            closed[0] += d.get("k").get("x").asBoolean() ? 1 : 0;
                            assertThat(d.get("k").get("t").asLong())
                                    .isGreaterThan(1_000_000_000_000_000L);
                        } else {
                            aggs[0]++;
                            assertThat(d.get("T").asLong()).isGreaterThan(1_000_000_000_000_000L);
                        }
                        return closed[0] >= 30;
                    },
                    20);
            assertThat(aggs[0]).isGreaterThanOrEqualTo(30);
        }
    }
}
