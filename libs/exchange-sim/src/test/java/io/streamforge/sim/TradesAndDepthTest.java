package io.streamforge.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamforge.domain.AggTrade;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.Trade;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TradesAndDepthTest {
    static final long NOW_US = KlinesApiTest.NOW_US;
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

    @Test
    void singleTradesExpandTheirAggTradesExactly() {
        MarketModel m = sim.model();
        List<AggTrade> aggs = m.aggTrades(BTC, NOW_US - 7_200_000_000L, NOW_US - 3_600_000_000L);
        long first = aggs.get(0).firstTradeId();
        int n = (int) (aggs.get(aggs.size() - 1).lastTradeId() - first + 1);
        List<Trade> trades = m.tradesFromId(BTC, first, n);
        assertThat(trades).hasSize(n);
        int t = 0;
        for (AggTrade a : aggs) {
            BigDecimal qty = BigDecimal.ZERO;
            for (long id = a.firstTradeId(); id <= a.lastTradeId(); id++, t++) {
                Trade x = trades.get(t);
                assertThat(x.tradeId()).isEqualTo(id);
                assertThat(x.price()).isEqualTo(a.price());
                assertThat(x.timeUs()).isEqualTo(a.timeUs());
                assertThat(x.buyerMaker()).isEqualTo(a.buyerMaker());
                assertThat(x.qty().signum()).isPositive();
                assertThat(x.quoteQty()).isEqualByComparingTo(x.price().multiply(x.qty()));
                qty = qty.add(x.qty());
            }
            assertThat(qty).isEqualByComparingTo(a.qty());
        }
        List<Trade> mid = m.tradesFromId(BTC, first + 1, 3);
        assertThat(mid).extracting(Trade::tradeId).containsExactly(first + 1, first + 2, first + 3);
    }

    @Test
    void recentTradesEndJustBeforeNow() {
        HttpResponse<String> r = http.get("/api/v3/trades?symbol=BTCUSDT&limit=30");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("X-MBX-USED-WEIGHT-1M")).hasValue("25");
        JsonNode rows = Http.json(r);
        assertThat(rows).hasSize(30);
        long nextId = sim.model().firstTradeIdAtOrAfter(BTC, NOW_US);
        assertThat(rows.get(29).get("id").asLong()).isEqualTo(nextId - 1);
        assertThat(rows.get(29).get("time").asLong()).isLessThanOrEqualTo(NOW_US / 1000);
        for (int i = 1; i < 30; i++) {
            assertThat(rows.get(i).get("id").asLong())
                    .isEqualTo(rows.get(i - 1).get("id").asLong() + 1);
        }
    }

    @Test
    void historicalTradesFromIdAndNotPastNow() {
        long from = sim.model().firstTradeIdAtOrAfter(BTC, NOW_US - 86_400_000_000L);
        JsonNode rows =
                Http.json(
                        http.get("/api/v3/historicalTrades?symbol=BTCUSDT&limit=5&fromId=" + from));
        assertThat(rows)
                .extracting(x -> x.get("id").asLong())
                .containsExactly(from, from + 1, from + 2, from + 3, from + 4);
        long next = sim.model().firstTradeIdAtOrAfter(BTC, NOW_US);
        JsonNode last =
                Http.json(
                        http.get(
                                "/api/v3/historicalTrades?symbol=BTCUSDT&limit=5&fromId="
                                        + (next - 2)));
        assertThat(last).hasSize(2);
        assertThat(Http.json(http.get("/api/v3/historicalTrades?symbol=BTCUSDT&fromId=" + next)))
                .isEmpty();
        assertThat(
                        Http.json(http.get("/api/v3/historicalTrades?symbol=BTCUSDT&limit=3"))
                                .get(2)
                                .get("id")
                                .asLong())
                .isEqualTo(next - 1);
    }

    @Test
    void depthIsAConsistentBookWithLimitBasedWeight() {
        HttpResponse<String> r = http.get("/api/v3/depth?symbol=BTCUSDT&limit=20");
        assertThat(r.headers().firstValue("X-MBX-USED-WEIGHT-1M")).hasValue("5");
        JsonNode book = Http.json(r);
        assertThat(book.get("lastUpdateId").asLong()).isEqualTo(NOW_US / 100_000);
        JsonNode bids = book.get("bids");
        JsonNode asks = book.get("asks");
        assertThat(bids).hasSize(20);
        assertThat(asks).hasSize(20);
        BigDecimal bestBid = new BigDecimal(bids.get(0).get(0).asText());
        BigDecimal bestAsk = new BigDecimal(asks.get(0).get(0).asText());
        assertThat(bestAsk).isGreaterThan(bestBid); // the evolving book is never crossed
        for (int i = 1; i < 20; i++) {
            assertThat(new BigDecimal(bids.get(i).get(0).asText()))
                    .isLessThan(new BigDecimal(bids.get(i - 1).get(0).asText()));
            assertThat(new BigDecimal(asks.get(i).get(0).asText()))
                    .isGreaterThan(new BigDecimal(asks.get(i - 1).get(0).asText()));
        }
        sim.resetRateLimits();
        HttpResponse<String> big = http.get("/api/v3/depth?symbol=BTCUSDT&limit=600");
        assertThat(big.headers().firstValue("X-MBX-USED-WEIGHT-1M")).hasValue("50");
        assertThat(Http.json(http.get("/api/v3/depth?symbol=BTCUSDT")).get("bids")).hasSize(100);
        HttpResponse<String> bad = http.get("/api/v3/depth?symbol=BTCUSDT&limit=0");
        assertThat(bad.body())
                .isEqualTo(
                        "{\"code\":-1130,\"msg\":\"Data sent for parameter 'limit' is not valid.\"}");
    }
}
