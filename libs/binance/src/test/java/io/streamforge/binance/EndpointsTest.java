package io.streamforge.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamforge.binance.FakeBinance.Reply;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.Trade;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EndpointsTest {
    private FakeClock clock;
    private FakeBinance fake;
    private BinanceRestClient client;
    private final List<String> weights = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        clock = new FakeClock(Instant.parse("2024-06-01T00:00:00Z").toEpochMilli());
        fake = new FakeBinance(clock);
        BinanceClientConfig config = BinanceClientConfig.defaults(fake.baseUrl());
        ClientListener l =
                new ClientListener() {
                    @Override
                    public void onRequest(String endpoint, int status, long used, long latencyNs) {
                        weights.add(endpoint + "=" + used);
                    }
                };
        client =
                new BinanceRestClient(
                        config, new WeightBudget(config.effectiveWeightLimit()), clock, clock, l);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void tradingSymbolsSkipsSymbolsOnBreak() {
        assertThat(client.tradingSymbols())
                .containsExactly(Symbol.of("BTCUSDT"), Symbol.of("ETHBTC"));
        assertThat(weights).containsExactly("/api/v3/exchangeInfo=20");
    }

    @Test
    void serverTimeAndPing() {
        client.ping();
        assertThat(client.serverTimeMs()).isEqualTo(clock.nowMs());
        assertThat(weights).containsExactly("/api/v3/ping=1", "/api/v3/time=2");
        assertThat(client.budget().usedWeight(clock.nowMs())).isEqualTo(2);
    }

    @Test
    void recentAndHistoricalTrades() {
        String body =
                "[{\"id\":17,\"price\":\"2.50\",\"qty\":\"4\",\"quoteQty\":\"10.00\","
                        + "\"time\":1717200000123,\"isBuyerMaker\":true,\"isBestMatch\":true}]";
        fake.script("/api/v3/trades", new Reply(200, body, java.util.Map.of()));
        fake.script("/api/v3/historicalTrades", new Reply(200, body, java.util.Map.of()));
        Trade t = client.recentTrades(Symbol.of("ETHBTC"), 1).get(0);
        assertThat(t.tradeId()).isEqualTo(17);
        assertThat(t.quoteQty()).isEqualTo(new BigDecimal("10"));
        assertThat(t.timeUs()).isEqualTo(1_717_200_000_123_000L);
        assertThat(client.historicalTrades(Symbol.of("ETHBTC"), 17, 500)).containsExactly(t);
        assertThat(fake.requests("/api/v3/historicalTrades").get(0).query())
                .containsEntry("fromId", "17")
                .containsEntry("limit", "500");
        assertThatThrownBy(() -> client.recentTrades(Symbol.of("ETHBTC"), 1001))
                .hasMessageContaining("limit");
        assertThatThrownBy(() -> client.historicalTrades(Symbol.of("ETHBTC"), -1, 10))
                .hasMessageContaining("fromId");
    }

    @Test
    void invalidIntervalFromTheServerIsPermanent() {
        fake.script("/api/v3/ping", Reply.error(400, -1120, "Invalid interval."));
        assertThatThrownBy(client::ping)
                .isInstanceOf(BinanceApiException.class)
                .hasMessageContaining("-1120");
        assertThat(fake.requests).hasSize(1);
    }
}
