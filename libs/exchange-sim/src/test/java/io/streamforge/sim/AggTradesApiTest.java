package io.streamforge.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamforge.domain.AggTrade;
import io.streamforge.domain.Symbol;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AggTradesApiTest {
    static final long NOW_US = KlinesApiTest.NOW_US;
    static final long NOW_MS = KlinesApiTest.NOW_MS;
    static final Symbol ETH = Symbol.of("ETHUSDT");
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

    static JsonNode aggTrades(String query, String... headers) {
        HttpResponse<String> r = http.get("/api/v3/aggTrades?symbol=ETHUSDT&" + query, headers);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("X-MBX-USED-WEIGHT-1M")).isPresent();
        return Http.json(r);
    }

    @Test
    void startAndEndGiveAllTradesOfTheInclusiveWindow() {
        long start = NOW_MS - 2 * 3_600_000L;
        long end = start + 3_600_000L;
        JsonNode rows = aggTrades("startTime=" + start + "&endTime=" + end + "&limit=1000");
        List<AggTrade> expected = sim.model().aggTrades(ETH, start * 1000, (end + 1) * 1000);
        assertThat(rows).hasSize(expected.size());
        for (int i = 0; i < rows.size(); i++) {
            JsonNode o = rows.get(i);
            AggTrade t = expected.get(i);
            assertThat(o.get("a").asLong()).isEqualTo(t.aggId());
            assertThat(o.get("p").asText()).matches("\\d+\\.\\d{8}");
            assertThat(new BigDecimal(o.get("p").asText())).isEqualByComparingTo(t.price());
            assertThat(new BigDecimal(o.get("q").asText())).isEqualByComparingTo(t.qty());
            assertThat(o.get("f").asLong()).isEqualTo(t.firstTradeId());
            assertThat(o.get("l").asLong()).isEqualTo(t.lastTradeId());
            assertThat(o.get("T").asLong()).isEqualTo(t.timeUs() / 1000).isBetween(start, end);
            assertThat(o.get("m").asBoolean()).isEqualTo(t.buyerMaker());
            assertThat(o.get("M").isBoolean()).isTrue();
        }
    }

    @Test
    void windowLongerThanAnHourIsRejected() {
        long start = NOW_MS - 3 * 3_600_000L;
        HttpResponse<String> r =
                http.get(
                        "/api/v3/aggTrades?symbol=ETHUSDT&startTime="
                                + start
                                + "&endTime="
                                + (start + 3_600_001L));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body())
                .isEqualTo(
                        "{\"code\":-1127,\"msg\":\"More than 1 hours between startTime and endTime.\"}");
    }

    @Test
    void fromIdGivesIdsFromItInclusive() {
        long fromId = sim.model().firstAggIdAtOrAfter(ETH, NOW_US - 86_400_000_000L);
        JsonNode rows = aggTrades("fromId=" + fromId + "&limit=7");
        assertThat(rows).hasSize(7);
        for (int i = 0; i < 7; i++) {
            assertThat(rows.get(i).get("a").asLong()).isEqualTo(fromId + i);
        }
        JsonNode future = aggTrades("fromId=" + (fromId + 10_000_000L));
        assertThat(future).isEmpty();
    }

    @Test
    void noParametersGiveTheMostRecentTradesBeforeNow() {
        JsonNode rows = aggTrades("limit=20");
        assertThat(rows).hasSize(20);
        long last = rows.get(19).get("T").asLong();
        assertThat(last).isLessThanOrEqualTo(NOW_MS);
        long nextId = sim.model().firstAggIdAtOrAfter(ETH, NOW_US);
        assertThat(rows.get(19).get("a").asLong()).isEqualTo(nextId - 1);
        assertThat(aggTrades("")).hasSize(500);
    }

    @Test
    void onlyStartOrOnlyEnd() {
        long start = NOW_MS - 5 * 3_600_000L;
        JsonNode fromStart = aggTrades("startTime=" + start + "&limit=3");
        assertThat(fromStart.get(0).get("T").asLong()).isGreaterThanOrEqualTo(start);
        assertThat(fromStart.get(0).get("a").asLong())
                .isEqualTo(sim.model().firstAggIdAtOrAfter(ETH, start * 1000));
        JsonNode upToEnd = aggTrades("endTime=" + start + "&limit=3");
        assertThat(upToEnd).hasSize(3);
        assertThat(upToEnd.get(2).get("T").asLong()).isLessThanOrEqualTo(start);
        assertThat(upToEnd.get(2).get("a").asLong() + 1)
                .isEqualTo(fromStart.get(0).get("a").asLong());
    }

    @Test
    void microsecondMode() {
        long start = NOW_MS - 3_600_000L;
        JsonNode us =
                aggTrades("startTime=" + start + "&limit=3", "X-MBX-TIME-UNIT", "MICROSECOND");
        JsonNode ms = aggTrades("startTime=" + start + "&limit=3");
        assertThat(us.get(0).get("T").asLong() / 1000).isEqualTo(ms.get(0).get("T").asLong());
        assertThat(us.get(0).get("T").asLong()).isGreaterThan(1_000_000_000_000_000L);
        JsonNode usInput = aggTrades("startTime=" + start * 1000 + "&limit=3");
        assertThat(usInput).isEqualTo(ms);
    }

    @Test
    void fromIdWithTimesIsABadCombination() {
        HttpResponse<String> r = http.get("/api/v3/aggTrades?symbol=ETHUSDT&fromId=5&startTime=1");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body())
                .isEqualTo(
                        "{\"code\":-1128,\"msg\":\"Combination of optional parameters invalid.\"}");
    }
}
