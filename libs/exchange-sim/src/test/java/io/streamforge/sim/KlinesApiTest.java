package io.streamforge.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Micros;
import io.streamforge.domain.Symbol;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KlinesApiTest {
    static final long NOW_US = Micros.of(Instant.parse("2024-03-01T12:34:56.789Z"));
    static final long NOW_MS = NOW_US / 1000;
    static final long MIN_MS = 60_000;
    static final Symbol BTC = Symbol.of("BTCUSDT");
    static ExchangeSimulator sim;
    static Http http;

    @BeforeAll
    static void start() {
        sim = ExchangeSimulator.start(SimConfig.defaults().withTimeSource(new TestClock(NOW_US)));
        http = new Http(sim.baseUrl());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void resetLimits() {
        sim.resetRateLimits();
    }

    static JsonNode klines(String query) {
        HttpResponse<String> r = http.get("/api/v3/klines?symbol=BTCUSDT&" + query);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Http.json(r);
    }

    @Test
    void klineRowsCarryTheModelCandlesAsBinanceArrays() {
        long start = (NOW_MS - 3 * 3_600_000L) / MIN_MS * MIN_MS;
        JsonNode rows = klines("interval=1m&startTime=" + start + "&limit=5");
        List<Candle> model =
                sim.model().klines(BTC, Interval.M1, start * 1000, (start + 5 * MIN_MS) * 1000);
        assertThat(rows).hasSize(5);
        for (int i = 0; i < 5; i++) {
            JsonNode row = rows.get(i);
            Candle c = model.get(i);
            assertThat(row).hasSize(12);
            assertThat(row.get(0).asLong()).isEqualTo(start + i * MIN_MS);
            assertThat(row.get(6).asLong()).isEqualTo(start + (i + 1) * MIN_MS - 1);
            assertThat(row.get(1).asText()).matches("\\d+\\.\\d{8}");
            assertThat(new java.math.BigDecimal(row.get(1).asText()))
                    .isEqualByComparingTo(c.open());
            assertThat(new java.math.BigDecimal(row.get(2).asText()))
                    .isEqualByComparingTo(c.high());
            assertThat(new java.math.BigDecimal(row.get(3).asText())).isEqualByComparingTo(c.low());
            assertThat(new java.math.BigDecimal(row.get(4).asText()))
                    .isEqualByComparingTo(c.close());
            assertThat(new java.math.BigDecimal(row.get(5).asText()))
                    .isEqualByComparingTo(c.volume());
            assertThat(new java.math.BigDecimal(row.get(7).asText()))
                    .isEqualByComparingTo(c.quoteVolume());
            assertThat(row.get(8).asLong()).isEqualTo(c.tradeCount());
            assertThat(row.get(11).asText()).isEqualTo("0");
        }
    }

    @Test
    void noStartNoEndGivesTheLatestIncludingTheOpenCandle() {
        JsonNode rows = klines("interval=1m&limit=5");
        assertThat(rows).hasSize(5);
        long currentOpen = NOW_MS / MIN_MS * MIN_MS;
        assertThat(rows.get(4).get(0).asLong()).isEqualTo(currentOpen);
        assertThat(rows.get(0).get(0).asLong()).isEqualTo(currentOpen - 4 * MIN_MS);
        Candle partial =
                sim.model()
                        .klinesAsOf(BTC, Interval.M1, currentOpen * 1000, NOW_US + 1, NOW_US)
                        .get(0);
        assertThat(rows.get(4).get(8).asLong()).isEqualTo(partial.tradeCount());
        assertThat(klines("interval=1h")).hasSize(500);
    }

    @Test
    void onlyStartGivesTheOldestFromIt() {
        long aligned = NOW_MS - 50 * MIN_MS - (NOW_MS % MIN_MS);
        JsonNode rows = klines("interval=1m&limit=3&startTime=" + (aligned + 1));
        assertThat(rows)
                .extracting(r -> r.get(0).asLong())
                .containsExactly(aligned + MIN_MS, aligned + 2 * MIN_MS, aligned + 3 * MIN_MS);
        JsonNode same = klines("interval=1m&limit=3&startTime=" + aligned);
        assertThat(same.get(0).get(0).asLong()).isEqualTo(aligned);
    }

    @Test
    void onlyEndGivesTheLatestUpToIt() {
        long end = NOW_MS - 7 * 86_400_000L + 12_345;
        JsonNode rows = klines("interval=1h&limit=4&endTime=" + end);
        long lastOpen = end / 3_600_000L * 3_600_000L;
        assertThat(rows)
                .extracting(r -> r.get(0).asLong())
                .containsExactly(
                        lastOpen - 3 * 3_600_000L,
                        lastOpen - 2 * 3_600_000L,
                        lastOpen - 3_600_000L,
                        lastOpen);
    }

    @Test
    void startAndEndGiveFromStartNotPastEnd() {
        long start = NOW_MS - 86_400_000L - (NOW_MS % MIN_MS);
        JsonNode all =
                klines("interval=1m&startTime=" + start + "&endTime=" + (start + 10 * MIN_MS));
        assertThat(all).hasSize(11);
        assertThat(all.get(10).get(0).asLong()).isEqualTo(start + 10 * MIN_MS);
        JsonNode limited =
                klines(
                        "interval=1m&limit=3&startTime="
                                + start
                                + "&endTime="
                                + (start + 10 * MIN_MS));
        assertThat(limited).hasSize(3);
        assertThat(limited.get(0).get(0).asLong()).isEqualTo(start);
        assertThat(klines("interval=1m&startTime=" + (start + MIN_MS) + "&endTime=" + start))
                .isEmpty();
    }

    @Test
    void dataAfterNowDoesNotExist() {
        assertThat(klines("interval=1m&startTime=" + (NOW_MS + 3_600_000L))).isEmpty();
        JsonNode rows = klines("interval=1m&startTime=" + (NOW_MS - 2 * MIN_MS));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).get(0).asLong()).isEqualTo(NOW_MS / MIN_MS * MIN_MS);
    }

    @Test
    void monthlyAndWeeklyKlinesAlignLikeBinance() {
        JsonNode months = klines("interval=1M&limit=2");
        assertThat(months)
                .extracting(r -> r.get(0).asLong())
                .containsExactly(
                        Instant.parse("2024-02-01T00:00:00Z").toEpochMilli(),
                        Instant.parse("2024-03-01T00:00:00Z").toEpochMilli());
        assertThat(months.get(0).get(6).asLong())
                .isEqualTo(Instant.parse("2024-03-01T00:00:00Z").toEpochMilli() - 1);
        JsonNode weeks = klines("interval=1w&limit=1");
        assertThat(weeks.get(0).get(0).asLong())
                .isEqualTo(Instant.parse("2024-02-26T00:00:00Z").toEpochMilli());
    }

    @Test
    void microsecondModeSwitchesTimestampsAndAcceptsMicrosecondInput() {
        long startUs = (NOW_MS - 3_600_000L) / MIN_MS * MIN_MS * 1000;
        HttpResponse<String> r =
                http.get(
                        "/api/v3/klines?symbol=BTCUSDT&interval=1m&limit=2&startTime=" + startUs,
                        "X-MBX-TIME-UNIT",
                        "MICROSECOND");
        JsonNode rows = Http.json(r);
        assertThat(rows.get(0).get(0).asLong()).isEqualTo(startUs);
        assertThat(rows.get(0).get(6).asLong()).isEqualTo(startUs + 60_000_000L - 1);
        JsonNode ms = klines("interval=1m&limit=2&startTime=" + startUs / 1000);
        assertThat(ms.get(0).get(0).asLong()).isEqualTo(startUs / 1000);
        assertThat(ms.get(0).get(4)).isEqualTo(rows.get(0).get(4));
    }

    @Test
    void uiKlinesServeTheSameRows() {
        String q = "?symbol=BTCUSDT&interval=5m&limit=7&endTime=" + (NOW_MS - 86_400_000L);
        assertThat(http.get("/api/v3/uiKlines" + q).body())
                .isEqualTo(http.get("/api/v3/klines" + q).body());
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherBytes() {
        String q = "/api/v3/klines?symbol=ETHUSDT&interval=15m&limit=50&endTime=" + NOW_MS;
        String mine = http.get(q).body();
        TestClock clock = new TestClock(NOW_US);
        try (ExchangeSimulator twin =
                        ExchangeSimulator.start(SimConfig.defaults().withTimeSource(clock));
                ExchangeSimulator other =
                        ExchangeSimulator.start(
                                SimConfig.defaults().withSeed(99).withTimeSource(clock))) {
            assertThat(new Http(twin.baseUrl()).get(q).body()).isEqualTo(mine);
            assertThat(new Http(other.baseUrl()).get(q).body()).isNotEqualTo(mine);
        }
    }
}
