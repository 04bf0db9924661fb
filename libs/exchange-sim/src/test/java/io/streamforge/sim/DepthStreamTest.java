package io.streamforge.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamforge.domain.Micros;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Binance's official local-book procedure, run against the simulator, reproduces its book. */
class DepthStreamTest {
    static final long START_US = Micros.of(Instant.parse("2024-03-01T09:59:30Z"));
    static ExchangeSimulator sim;
    static TestClock clock;
    static Http http;

    @BeforeAll
    static void start() {
        clock = new TestClock(START_US);
        sim =
                ExchangeSimulator.start(
                        SimConfig.defaults().withSymbols("BTCUSDT").withTimeSource(clock));
        http = new Http(sim.baseUrl());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    /** A local book: price → qty (BigDecimal keys compare by value). */
    static final class LocalBook {
        final Map<BigDecimal, BigDecimal> bids = new TreeMap<>(Comparator.reverseOrder());
        final Map<BigDecimal, BigDecimal> asks = new TreeMap<>();
        long id;

        static LocalBook of(JsonNode snapshot) {
            LocalBook b = new LocalBook();
            b.id = snapshot.get("lastUpdateId").asLong();
            put(b.bids, snapshot.get("bids"));
            put(b.asks, snapshot.get("asks"));
            return b;
        }

        /** The update procedure; false when an event was missed (U > id + 1). */
        boolean apply(JsonNode e) {
            if (e.get("u").asLong() < id) {
                return true;
            }
            if (e.get("U").asLong() > id + 1) {
                return false;
            }
            put(bids, e.get("b"));
            put(asks, e.get("a"));
            id = e.get("u").asLong();
            return true;
        }

        private static void put(Map<BigDecimal, BigDecimal> side, JsonNode levels) {
            for (JsonNode l : levels) {
                BigDecimal p = new BigDecimal(l.get(0).asText());
                BigDecimal q = new BigDecimal(l.get(1).asText());
                if (q.signum() == 0) {
                    side.remove(p);
                } else {
                    side.put(p, q);
                }
            }
        }
    }

    @Test
    void officialProcedureReproducesTheBookAcrossAResetAndDetectsAGap() throws Exception {
        try (Ws ws = Ws.connect(sim.wsBaseUrl() + "/ws/btcusdt@depth@100ms")) {
            Thread.sleep(150);
            clock.advanceUs(1_000_000L);
            JsonNode first = ws.nextJson(5);
            JsonNode snap = Http.json(http.get("/api/v3/depth?symbol=BTCUSDT&limit=5000"));
            assertThat(snap.get("lastUpdateId").asLong())
                    .isGreaterThanOrEqualTo(first.get("U").asLong());
            List<JsonNode> buffered = new ArrayList<>(List.of(first));
            LocalBook book = LocalBook.of(snap);
            long end = clock.nowUs() + 60_000_000L; // crosses the 10:00:00 reset
            StreamsTest.advance(clock, end, 1_500_000L);
            long lastId = end / 100_000L;
            buffered.addAll(ws.until(n -> n.get("u").asLong() == lastId, 10));
            buffered.removeIf(e -> e.get("u").asLong() <= book.id);
            JsonNode head = buffered.get(0);
            assertThat(head.get("U").asLong()).isLessThanOrEqualTo(book.id + 1);
            assertThat(head.get("u").asLong()).isGreaterThanOrEqualTo(book.id + 1);
            for (JsonNode e : buffered) {
                assertThat(book.apply(e)).isTrue();
                assertThat(e.get("e").asText()).isEqualTo("depthUpdate");
            }
            JsonNode now = Http.json(http.get("/api/v3/depth?symbol=BTCUSDT&limit=5000"));
            assertThat(now.get("lastUpdateId").asLong()).isEqualTo(book.id);
            assertThat(LocalBook.of(now).bids).isEqualTo(book.bids);
            assertThat(LocalBook.of(now).asks).isEqualTo(book.asks);
            assertThat(book.bids.keySet().iterator().next())
                    .isLessThan(book.asks.keySet().iterator().next());

            sim.faults().depthSequenceGap();
            StreamsTest.advance(clock, clock.nowUs() + 1_000_000L, 500_000L);
            List<JsonNode> after =
                    ws.until(n -> n.get("u").asLong() == clock.nowUs() / 100_000L, 5);
            assertThat(after.get(0).get("U").asLong()).isGreaterThan(book.id + 1);
            assertThat(book.apply(after.get(0))).isFalse();
        }
    }

    @Test
    void partialDepthIsTheTopOfTheBookInMicroseconds() throws Exception {
        try (Ws ws =
                Ws.connect(
                        sim.wsBaseUrl() + "/stream?streams=btcusdt@depth5&timeUnit=MICROSECOND")) {
            Thread.sleep(150);
            clock.advanceUs(2_000_000L);
            JsonNode m = ws.nextJson(5);
            assertThat(m.get("stream").asText()).isEqualTo("btcusdt@depth5");
            JsonNode d = m.get("data");
            assertThat(d.get("bids")).hasSize(5);
            assertThat(d.get("asks")).hasSize(5);
            JsonNode rest = Http.json(http.get("/api/v3/depth?symbol=BTCUSDT&limit=5"));
            long id = d.get("lastUpdateId").asLong();
            assertThat(id % 10).isZero();
            if (rest.get("lastUpdateId").asLong() == id) {
                assertThat(d.get("bids")).isEqualTo(rest.get("bids"));
            }
        }
    }
}
