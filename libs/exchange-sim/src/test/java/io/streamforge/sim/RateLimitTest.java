package io.streamforge.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RateLimitTest {
    /** 10 s into a minute, so the 429 Retry-After is 50 s. */
    static final long NOW_US = 1_709_296_450_000_000L;

    TestClock clock = new TestClock(NOW_US);
    ExchangeSimulator sim;
    Http http;

    @BeforeEach
    void start() {
        sim =
                ExchangeSimulator.start(
                        SimConfig.defaults()
                                .withTimeSource(clock)
                                .withWeightLimitPerMinute(10)
                                .withRequestsBeforeBan(2)
                                .withBanTimeScale(0.001));
        http = new Http(sim.baseUrl());
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    HttpResponse<String> klines() {
        return http.get("/api/v3/klines?symbol=BTCUSDT&interval=1h&limit=2");
    }

    static String header(HttpResponse<String> r, String name) {
        return r.headers().firstValue(name).orElse(null);
    }

    @Test
    void weightIsCountedPerEndpointAndReportedInHeaders() {
        assertThat(header(http.get("/api/v3/ping"), "X-MBX-USED-WEIGHT-1M")).isEqualTo("1");
        assertThat(header(http.get("/api/v3/time"), "x-mbx-used-weight-1m")).isEqualTo("2");
        assertThat(header(klines(), "X-MBX-USED-WEIGHT-1M")).isEqualTo("4");
        HttpResponse<String> agg = http.get("/api/v3/aggTrades?symbol=BTCUSDT&limit=1");
        assertThat(header(agg, "X-MBX-USED-WEIGHT-1M")).isEqualTo("8");
        assertThat(header(agg, "X-MBX-USED-WEIGHT")).isEqualTo("8");
        clock.advanceUs(50_000_000L);
        assertThat(header(http.get("/api/v3/ping"), "X-MBX-USED-WEIGHT-1M")).isEqualTo("1");
        assertThat(sim.stats().endpoint("/api/v3/aggTrades").weight()).isEqualTo(4);
    }

    @Test
    void overTheLimitGives429ThenPersistentAbuseGivesEscalating418() {
        for (int i = 1; i <= 5; i++) {
            assertThat(klines().statusCode()).isEqualTo(200);
        }
        HttpResponse<String> limited = klines();
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(header(limited, "Retry-After")).isEqualTo("50");
        assertThat(limited.body())
                .isEqualTo(
                        "{\"code\":-1003,\"msg\":\"Too much request weight used; current limit is 10"
                                + " request weight per 1 MINUTE. Please use WebSocket Streams for live updates"
                                + " to avoid polling the API.\"}");
        assertThat(klines().statusCode()).isEqualTo(429);
        assertThat(klines().statusCode()).isEqualTo(429);
        HttpResponse<String> banned = klines();
        assertThat(banned.statusCode()).isEqualTo(418);
        long until = NOW_US / 1000 + 120;
        assertThat(banned.body())
                .isEqualTo(
                        "{\"code\":-1003,\"msg\":\"Way too much request weight used; IP banned until "
                                + until
                                + ". Please use WebSocket Streams for live updates to avoid bans.\"}");
        assertThat(header(banned, "Retry-After")).isEqualTo("1");
        assertThat(http.get("/api/v3/ping").statusCode()).isEqualTo(418);

        clock.advanceUs(121_000L);
        for (int i = 0; i < 2; i++) {
            assertThat(klines().statusCode()).isEqualTo(429);
        }
        HttpResponse<String> again = klines();
        assertThat(again.statusCode()).isEqualTo(418);
        assertThat(again.body()).contains("IP banned until " + (NOW_US / 1000 + 121 + 240) + ".");

        clock.advanceUs(60_000_000L);
        HttpResponse<String> fresh = klines();
        assertThat(fresh.statusCode()).isEqualTo(200);
        assertThat(header(fresh, "X-MBX-USED-WEIGHT-1M")).isEqualTo("2");
        SimStats.Counts k = sim.stats().endpoint("/api/v3/klines");
        assertThat(k.tooManyRequests()).isEqualTo(5);
        assertThat(k.banned()).isEqualTo(2);
        assertThat(k.ok()).isEqualTo(6);
        assertThat(sim.stats().banned()).isEqualTo(3);
    }

    @Test
    void realBanDurationsScaleFromTwoMinutesToThreeDays() {
        RateLimiter real = new RateLimiter(0, 1.0);
        long now = NOW_US;
        long[] expectedMinutes = {2, 4, 8, 16, 32};
        for (long minutes : expectedMinutes) {
            assertThat(real.admit("ip", 11, 10, now).status()).isEqualTo(429);
            RateLimiter.Decision ban = real.admit("ip", 1, 10, now);
            assertThat(ban.status()).isEqualTo(418);
            assertThat(ban.bannedUntilUs() - now).isEqualTo(minutes * 60_000_000L);
            assertThat(ban.retryAfterSeconds()).isEqualTo(minutes * 60);
            now = ban.bannedUntilUs() + 60_000_000L;
        }
        for (int i = 0; i < 20; i++) {
            real.admit("ip", 11, 10, now);
            RateLimiter.Decision ban = real.admit("ip", 1, 10, now);
            assertThat(ban.bannedUntilUs() - now).isLessThanOrEqualTo(RateLimiter.MAX_BAN_US);
            now = ban.bannedUntilUs() + 60_000_000L;
        }
        real.admit("ip", 11, 10, now);
        assertThat(real.admit("ip", 1, 10, now).retryAfterSeconds()).isEqualTo(3 * 86_400);
        assertThat(real.admit("other", 1, 10, now).status()).isEqualTo(200);
    }
}
