package io.streamforge.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Micros;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A server enforcing the weight limit per minute must never answer 429 to a budgeted client. */
class BudgetSimulationTest {
    private static final long T0_MS = Instant.parse("2020-01-01T00:00:00Z").toEpochMilli();

    private FakeClock clock;
    private FakeBinance fake;

    @BeforeEach
    void start() throws Exception {
        clock = new FakeClock(Instant.parse("2024-06-01T00:00:00Z").toEpochMilli());
        fake = new FakeBinance(clock);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private List<Candle> load(BinanceClientConfig config, long candles) {
        BinanceRestClient c =
                new BinanceRestClient(
                        config,
                        new WeightBudget(config.effectiveWeightLimit()),
                        clock,
                        clock,
                        null);
        TimeRange range =
                new TimeRange(Micros.fromMs(T0_MS), Micros.fromMs(T0_MS + candles * 60_000L));
        return c.klines(Symbol.of("ETHBTC"), Interval.M1, range);
    }

    @Test
    void defaultLimitOf6000PerMinuteIsNeverExceeded() {
        fake.enforcedLimit = 6000;
        BinanceClientConfig config = BinanceClientConfig.defaults(fake.baseUrl());
        BinanceRestClient c =
                new BinanceRestClient(
                        config,
                        new WeightBudget(config.effectiveWeightLimit()),
                        clock,
                        clock,
                        null);
        long t0 = clock.nowMs();
        for (int i = 0; i < 600; i++) { // 600 x weight 20 = 12000: two minutes' worth
            assertThat(c.tradingSymbols()).hasSize(2);
        }
        assertThat(fake.answered429()).isZero();
        assertThat(fake.maxWindowUsed()).isLessThanOrEqualTo(5700); // 6000 x 0.95
        assertThat(c.counters().budgetWaits()).isEqualTo(2);
        assertThat(clock.nowMs() - t0).isBetween(120_000L, 180_000L);
    }

    @Test
    void pagingLoadUnderATightLimitIsPaced() {
        fake.enforcedLimit = 20;
        BinanceClientConfig config =
                BinanceClientConfig.defaults(fake.baseUrl()).withWeightLimit(20, 0.95);
        long t0 = clock.nowMs();
        List<Candle> all = load(config, 40_000); // 40 requests x 2 = 80 weight, 18 per minute
        assertThat(all).hasSize(40_000);
        assertThat(fake.answered429()).isZero();
        assertThat(fake.maxWindowUsed()).isLessThanOrEqualTo(19);
        assertThat(clock.nowMs() - t0).isGreaterThanOrEqualTo(4 * 60_000L);
    }

    @Test
    void headerFromOtherUsersOfTheIpIsAuthoritative() {
        fake.enforcedLimit = 600;
        fake.externalWeightPerMinute = 400; // another process on the same IP, each minute
        BinanceClientConfig config =
                BinanceClientConfig.defaults(fake.baseUrl()).withWeightLimit(600, 0.9);
        long candles = 200_000; // 200 requests, 400 weight: needs several minutes at ~140/min
        List<Candle> all = load(config, candles);
        assertThat(all).hasSize((int) candles);
        assertThat(fake.answered429()).isZero();
        assertThat(fake.maxWindowUsed()).isLessThanOrEqualTo(540);
        long minutes =
                (clock.nowMs() - Instant.parse("2024-06-01T00:00:00Z").toEpochMilli()) / 60_000;
        assertThat(minutes).isGreaterThanOrEqualTo(2);
    }

    @Test
    void withoutBudgetHeadroomTheServerWouldHaveSaid429() {
        // control experiment: the same load against a lower server limit than the client assumes
        fake.enforcedLimit = 30;
        BinanceClientConfig config =
                BinanceClientConfig.defaults(fake.baseUrl())
                        .withWeightLimit(60, 1.0)
                        .withRetries(10, 10, 10);
        List<Candle> all = load(config, 40_000);
        assertThat(all).hasSize(40_000);
        assertThat(fake.answered429()).isPositive(); // recovered by honouring Retry-After
    }
}
