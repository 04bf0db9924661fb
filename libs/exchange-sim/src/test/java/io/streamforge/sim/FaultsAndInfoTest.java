package io.streamforge.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultsAndInfoTest {
    static final long NOW_US = KlinesApiTest.NOW_US;
    ExchangeSimulator sim;
    Http http;

    @BeforeEach
    void start() {
        sim = ExchangeSimulator.start(SimConfig.defaults().withTimeSource(new TestClock(NOW_US)));
        http = new Http(sim.baseUrl());
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void pingTimeAndExchangeInfo() {
        assertThat(sim.baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+");
        HttpResponse<String> ping = http.get("/api/v3/ping");
        assertThat(ping.statusCode()).isEqualTo(200);
        assertThat(ping.body()).isEqualTo("{}");
        assertThat(http.get("/api/v3/time").body())
                .isEqualTo("{\"serverTime\":" + NOW_US / 1000 + "}");
        assertThat(http.get("/api/v3/time", "X-MBX-TIME-UNIT", "MICROSECOND").body())
                .isEqualTo("{\"serverTime\":" + NOW_US + "}");
        JsonNode info = Http.json(http.get("/api/v3/exchangeInfo"));
        assertThat(info.get("symbols")).hasSize(8);
        JsonNode btc = info.get("symbols").get(0);
        assertThat(btc.get("symbol").asText()).isEqualTo("BTCUSDT");
        assertThat(btc.get("status").asText()).isEqualTo("TRADING");
        assertThat(btc.get("baseAsset").asText()).isEqualTo("BTC");
        assertThat(btc.get("quoteAsset").asText()).isEqualTo("USDT");
        assertThat(btc.get("filters").get(0).get("tickSize").asText()).isEqualTo("0.01000000");
        assertThat(btc.get("filters").get(1).get("stepSize").asText()).isEqualTo("0.00001000");
        JsonNode weight = info.get("rateLimits").get(0);
        assertThat(weight.get("rateLimitType").asText()).isEqualTo("REQUEST_WEIGHT");
        assertThat(weight.get("limit").asInt()).isEqualTo(6000);
        JsonNode one = Http.json(http.get("/api/v3/exchangeInfo?symbol=ETHUSDT"));
        assertThat(one.get("symbols")).hasSize(1);
        JsonNode two =
                Http.json(
                        http.get("/api/v3/exchangeInfo?symbols=%5B%22ETHUSDT%22,%22SOLUSDT%22%5D"));
        assertThat(two.get("symbols"))
                .extracting(s -> s.get("symbol").asText())
                .containsExactly("ETHUSDT", "SOLUSDT");
        assertThat(sim.stats().endpoint("/api/v3/exchangeInfo").weight()).isEqualTo(60);
    }

    @Test
    void injectedServerErrorsFollowTheConfiguredRate() {
        sim.faults().errorRate(1.0);
        HttpResponse<String> r = http.get("/api/v3/ping");
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.body())
                .isEqualTo(
                        "{\"code\":-1008,\"msg\":\"Server is currently overloaded with"
                                + " other requests. Please try again in a few minutes.\"}");
        sim.faults().errorRate(0.3).errorStatus(502);
        int failed = 0;
        for (int i = 0; i < 200; i++) {
            int status = http.get("/api/v3/ping").statusCode();
            assertThat(status).isIn(200, 502);
            failed += status == 502 ? 1 : 0;
        }
        assertThat(failed).isBetween(35, 85);
        assertThat(sim.stats().endpoint("/api/v3/ping").serverErrors()).isEqualTo(failed + 1);
        sim.faults().clear();
        assertThat(http.get("/api/v3/ping").statusCode()).isEqualTo(200);
    }

    @Test
    void adminEndpointSwitchesFaultsAtRunTime() {
        HttpResponse<String> r =
                http.post("/sim/faults", "{\"latencyMs\":150,\"weightLimitPerMinute\":1234}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Http.json(r).get("latencyMs").asLong()).isEqualTo(150);
        assertThat(sim.faults().weightLimitPerMinute()).isEqualTo(1234);
        long t0 = System.nanoTime();
        JsonNode info = Http.json(http.get("/api/v3/exchangeInfo"));
        assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(150);
        assertThat(info.get("rateLimits").get(0).get("limit").asInt()).isEqualTo(1234);
        HttpResponse<String> bad = http.post("/sim/faults", "{\"errorRate\":2}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("errorRate must be in [0, 1], got 2.0");
        assertThat(http.post("/sim/faults", "[1]").statusCode()).isEqualTo(400);
        assertThat(Http.json(http.get("/sim/faults")).get("weightLimitPerMinute").asInt())
                .isEqualTo(1234);
    }

    @Test
    void faultSettersRejectBadValues() {
        assertThatThrownBy(() -> sim.faults().errorStatus(404)).hasMessageContaining("errorStatus");
        assertThatThrownBy(() -> sim.faults().latencyMs(-1)).hasMessageContaining("latencyMs");
        assertThatThrownBy(() -> sim.faults().weightLimitPerMinute(0))
                .hasMessageContaining("weightLimitPerMinute must be positive");
    }
}
