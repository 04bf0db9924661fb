package io.streamforge.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.streamforge.binance.FakeBinance.Reply;
import io.streamforge.domain.Interval;
import io.streamforge.domain.PermanentException;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.TransientException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ErrorHandlingTest {
    private static final Symbol BTC = Symbol.of("BTCUSDT");
    private static final String TIME = "/api/v3/time";
    private static final String KLINES = "/api/v3/klines";

    private FakeClock clock;
    private FakeBinance fake;
    private BinanceClientConfig config;
    private WeightBudget budget;
    private final List<String> events = new ArrayList<>();
    private final ClientListener recorder =
            new ClientListener() {
                @Override
                public void onRateLimited(int httpStatus, long retryAfterMs) {
                    events.add("rate-limited " + httpStatus + " " + retryAfterMs);
                }

                @Override
                public void onRequest(String endpoint, int status, long used, long latencyNs) {
                    events.add("request " + endpoint + " " + status);
                }
            };

    @BeforeEach
    void start() throws Exception {
        clock = new FakeClock(Instant.parse("2024-06-01T00:00:10Z").toEpochMilli());
        fake = new FakeBinance(clock);
        config = BinanceClientConfig.defaults(fake.baseUrl()).withRetries(3, 100, 1_000);
        budget = new WeightBudget(config.effectiveWeightLimit());
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private BinanceRestClient client() {
        return new BinanceRestClient(config, budget, clock, clock, recorder);
    }

    @Test
    void after429NothingIsSentBeforeRetryAfterElapsed() {
        fake.script(
                TIME, Reply.error(429, -1003, "Too many requests.").withHeader("Retry-After", "7"));
        long t0 = clock.nowMs();
        BinanceRestClient c = client();
        assertThat(c.serverTimeMs()).isEqualTo(t0 + 7_000);

        assertThat(fake.requests).hasSize(2);
        assertThat(fake.requests.get(1).clockMs() - fake.requests.get(0).clockMs())
                .isGreaterThanOrEqualTo(7_000);
        assertThat(c.counters().rateLimited()).isEqualTo(1);
        assertThat(c.counters().retries()).isEqualTo(1);
        assertThat(events).contains("rate-limited 429 7000");
        assertThat(budget.rateLimitBlocks()).isEqualTo(1);
    }

    @Test
    void a429BlocksEveryClientSharingTheBudget() {
        BinanceRestClient b = client();
        fake.script(TIME, Reply.error(429, -1003, "limit").withHeader("Retry-After", "30"));
        config = config.withRetries(0, 100, 1_000);
        BinanceRestClient noRetry = new BinanceRestClient(config, budget, clock, clock, null);
        long t0 = clock.nowMs();
        assertThatThrownBy(noRetry::serverTimeMs).isInstanceOf(RateLimitedException.class);
        b.ping(); // another client of the same IP must wait too
        assertThat(fake.requests.get(1).clockMs()).isGreaterThanOrEqualTo(t0 + 30_000);
        assertThat(b.counters().budgetWaits()).isEqualTo(1);
        assertThat(b.counters().budgetWaitMs()).isGreaterThanOrEqualTo(30_000);
    }

    @Test
    void a418BanIsHonouredAndCountedSeparately() {
        fake.script(
                TIME,
                Reply.error(418, -1003, "Way too much request weight used; IP banned until x.")
                        .withHeader("Retry-After", "120"));
        long t0 = clock.nowMs();
        BinanceRestClient c = client();
        c.serverTimeMs();
        assertThat(fake.requests.get(1).clockMs()).isGreaterThanOrEqualTo(t0 + 120_000);
        assertThat(c.counters().banned()).isEqualTo(1);
        assertThat(c.counters().rateLimited()).isZero();
    }

    @Test
    void aBanWithoutRetryAfterUsesTheBannedUntilTimeOfTheMessage() {
        long until = clock.nowMs() + 90_000;
        fake.script(
                TIME,
                Reply.error(
                        418,
                        -1003,
                        "Way too much request weight used; IP banned until "
                                + until
                                + ". Please use the websocket for live updates to avoid bans."));
        client().serverTimeMs();
        assertThat(fake.requests.get(1).clockMs()).isGreaterThanOrEqualTo(until);
        assertThat(events).contains("rate-limited 418 90000");
    }

    @Test
    void a429WithoutRetryAfterWaitsForTheNextMinute() {
        fake.script(TIME, Reply.error(429, -1003, "Too many requests."));
        client().serverTimeMs(); // the clock starts 10 s into a minute
        assertThat(fake.requests.get(1).clockMs() - fake.requests.get(0).clockMs())
                .isEqualTo(50_000);
    }

    @Test
    void aBanLongerThanTheClientMayWaitFailsFastWithoutSending() {
        fake.script(TIME, Reply.error(418, -1003, "IP banned").withHeader("Retry-After", "86400"));
        BinanceRestClient c = client();
        RateLimitedException e = catchThrowableOfType(RateLimitedException.class, c::serverTimeMs);
        assertThat(e).isInstanceOf(TransientException.class);
        assertThat(e.getMessage()).contains("blocked").contains("maxRateLimitWaitMs");
        assertThat(e.retryAfterMs()).isEqualTo(86_400_000L);
        assertThatThrownBy(c::ping).isInstanceOf(RateLimitedException.class);
        assertThat(fake.requests).hasSize(1);
    }

    @Test
    void serverErrorsAreRetriedWithBackoffThenSucceed() {
        fake.script(TIME, Reply.error(502, 0, "bad gateway"), Reply.error(503, -1008, "busy"));
        BinanceRestClient c = client();
        c.serverTimeMs();
        assertThat(fake.requests).hasSize(3);
        assertThat(c.counters().retries()).isEqualTo(2);
        assertThat(clock.sleepsMs).hasSize(2);
        assertThat(clock.sleepsMs.get(0)).isBetween(50L, 100L);
        assertThat(clock.sleepsMs.get(1)).isBetween(100L, 200L);
    }

    @Test
    void transientErrorsAreRetriedExactlyMaxRetriesTimes() {
        for (int i = 0; i < 10; i++) {
            fake.script(TIME, Reply.error(500, 0, "boom"));
        }
        BinanceRestClient c = client();
        BinanceTransientException e =
                catchThrowableOfType(BinanceTransientException.class, c::serverTimeMs);
        assertThat(e.httpStatus()).isEqualTo(500);
        assertThat(fake.requests).hasSize(4); // 1 + maxRetries 3
        assertThat(clock.sleepsMs).allSatisfy(ms -> assertThat(ms).isLessThanOrEqualTo(1_000L));
    }

    @Test
    void backendTimeoutCodeIsTransient() {
        fake.script(TIME, Reply.error(400, -1007, "Timeout waiting for response from backend."));
        client().serverTimeMs();
        assertThat(fake.requests).hasSize(2);
    }

    @Test
    void permanentErrorsAreNotRetriedAndCarryCodeAndMessage() {
        fake.script(KLINES, Reply.error(400, -1121, "Invalid symbol."));
        BinanceRestClient c = client();
        BinanceApiException e =
                catchThrowableOfType(
                        BinanceApiException.class,
                        () -> c.klines(BTC, Interval.M1, new TimeRange(0, 60_000_000L)));
        assertThat(e).isInstanceOf(PermanentException.class);
        assertThat(e.code()).isEqualTo(-1121);
        assertThat(e.httpStatus()).isEqualTo(400);
        assertThat(e.binanceMessage()).isEqualTo("Invalid symbol.");
        assertThat(e.getMessage()).contains("/api/v3/klines").contains("-1121");
        assertThat(fake.requests).hasSize(1);
        assertThat(clock.sleepsMs).isEmpty();
    }

    @Test
    void errorWithoutJsonBodyStillNamesTheStatus() {
        fake.script(TIME, new Reply(403, "<html>WAF</html>", java.util.Map.of()));
        BinanceApiException e =
                catchThrowableOfType(BinanceApiException.class, client()::serverTimeMs);
        assertThat(e.httpStatus()).isEqualTo(403);
        assertThat(e.code()).isZero();
        assertThat(e.getMessage()).contains("HTTP 403").contains("WAF");
    }

    @Test
    void malformedJsonIsPermanentWithAClearMessage() {
        fake.script(KLINES, Reply.ok("[[1,\"2\",\"3\""));
        BinanceRestClient c = client();
        assertThatThrownBy(() -> c.klines(BTC, Interval.M1, new TimeRange(0, 60_000_000L)))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("/api/v3/klines")
                .hasMessageContaining("malformed JSON");
        assertThat(fake.requests).hasSize(1);
    }

    @Test
    void timeoutsAreTransientAndRetried() {
        config = config.withRequestTimeoutMs(150).withRetries(1, 10, 10);
        fake.delayMs = 600;
        BinanceRestClient c = client();
        BinanceTransientException e =
                catchThrowableOfType(BinanceTransientException.class, c::ping);
        assertThat(e.httpStatus()).isEqualTo(-1);
        assertThat(e.getMessage()).contains("timed out");
        assertThat(c.counters().requests()).isEqualTo(2);
        assertThat(c.counters().failedRequests()).isEqualTo(2);
    }

    @Test
    void connectionRefusedIsTransient() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        config = BinanceClientConfig.defaults("http://127.0.0.1:" + port).withRetries(2, 10, 20);
        BinanceRestClient c = client();
        assertThatThrownBy(c::ping)
                .isInstanceOf(BinanceTransientException.class)
                .hasMessageContaining("I/O error");
        assertThat(c.counters().requests()).isEqualTo(3);
    }

    @Test
    void usedWeightHeaderIsReadCaseInsensitively() {
        BinanceRestClient c = client();
        c.ping();
        c.ping();
        assertThat(c.counters().lastUsedWeight()).isEqualTo(2);
        assertThat(events).containsExactly("request /api/v3/ping 200", "request /api/v3/ping 200");
    }
}
