package io.streamforge.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Micros;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KlinesPagingTest {
    private static final Symbol BTC = Symbol.of("btcusdt");
    private static final long T0_MS = Instant.parse("2024-03-01T00:00:00Z").toEpochMilli();

    private FakeClock clock;
    private FakeBinance fake;
    private BinanceRestClient client;

    @BeforeEach
    void start() throws Exception {
        clock = new FakeClock(Instant.parse("2024-06-01T00:00:00Z").toEpochMilli());
        fake = new FakeBinance(clock);
        client = client(BinanceClientConfig.defaults(fake.baseUrl()));
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private BinanceRestClient client(BinanceClientConfig config) {
        return new BinanceRestClient(
                config, new WeightBudget(config.effectiveWeightLimit()), clock, clock, null);
    }

    @Test
    void pagesAndTrimsExactlyToAnUnalignedRange() {
        // start 30 s into a minute, end 10 s into a minute: 2500 whole candles in between
        long startUs = Micros.fromMs(T0_MS + 30_000);
        long endUs = Micros.fromMs(T0_MS + 2_501 * 60_000L + 10_000);
        List<List<Candle>> pages = new ArrayList<>();
        client.klines(BTC, Interval.M1, new TimeRange(startUs, endUs), pages::add);

        List<Candle> all = pages.stream().flatMap(List::stream).toList();
        assertThat(all).hasSize(2501);
        assertThat(all.get(0).openTimeUs()).isEqualTo(Micros.fromMs(T0_MS + 60_000));
        assertThat(all.get(all.size() - 1).openTimeUs())
                .isEqualTo(Micros.fromMs(T0_MS + 2_501 * 60_000L));
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i).openTimeUs() - all.get(i - 1).openTimeUs())
                    .as("consecutive, no duplicates, no gaps at %d", i)
                    .isEqualTo(60_000_000L);
        }
        assertThat(all).allSatisfy(c -> assertThat(c.openTimeUs()).isBetween(startUs, endUs - 1));
        assertThat(pages).allSatisfy(p -> assertThat(p.size()).isBetween(1, 1000));
        assertThat(fake.requests("/api/v3/klines")).hasSize(3);
        var q = fake.requests("/api/v3/klines").get(1).query();
        assertThat(q).containsEntry("limit", "1000").containsEntry("interval", "1m");
        assertThat(q).containsEntry("symbol", "BTCUSDT");
        assertThat(Long.parseLong(q.get("startTime"))).isEqualTo(T0_MS + 1001 * 60_000L);
    }

    @Test
    void exactMultipleOfPageSizeNeedsNoExtraPageBeyondTheRange() {
        TimeRange range =
                new TimeRange(Micros.fromMs(T0_MS), Micros.fromMs(T0_MS + 2000 * 60_000L));
        List<Candle> all = client.klines(BTC, Interval.M1, range);
        assertThat(all).hasSize(2000);
        assertThat(fake.requests("/api/v3/klines")).hasSize(2);
    }

    @Test
    void overlappingServerPagesAreDeduplicated() {
        fake.klineOverlap = 3; // server repeats 3 candles before startTime on every page
        TimeRange range =
                new TimeRange(Micros.fromMs(T0_MS), Micros.fromMs(T0_MS + 1500 * 3_600_000L));
        List<Candle> all = client.klines(BTC, Interval.H1, range);
        assertThat(all).hasSize(1500);
        assertThat(all.stream().map(Candle::openTimeUs).distinct().count()).isEqualTo(1500);
        assertThat(all.get(0).openTimeUs()).isEqualTo(range.startUs());
    }

    @Test
    void stopsWhenTheExchangeHasNoMoreData() {
        fake.klinesToMs = T0_MS + 1200 * 60_000L; // nothing from here on
        TimeRange range =
                new TimeRange(Micros.fromMs(T0_MS), Micros.fromMs(T0_MS + 5000 * 60_000L));
        List<Candle> all = client.klines(BTC, Interval.M1, range);
        assertThat(all).hasSize(1200);
        assertThat(fake.requests("/api/v3/klines")).hasSize(2);
    }

    @Test
    void rangeBeforeListingYieldsNothing() {
        fake.klinesFromMs = T0_MS + 365L * 86_400_000L;
        List<List<Candle>> pages = new ArrayList<>();
        client.klines(BTC, Interval.D1, TimeRange.parseDays("2024-03-01:2024-03-31"), pages::add);
        assertThat(pages).isEmpty();
        assertThat(fake.requests("/api/v3/klines")).hasSize(1);
    }

    @Test
    void calendarMonthsAcrossALeapYear() {
        TimeRange range = TimeRange.parseDays("2023-11-15:2024-12-31");
        List<Candle> all = client.klines(BTC, Interval.MO1, range);
        assertThat(all)
                .extracting(c -> Micros.toDate(c.openTimeUs()))
                .containsExactly(
                        java.util.stream.IntStream.range(0, 13)
                                .mapToObj(i -> LocalDate.of(2023, 12, 1).plusMonths(i))
                                .toArray(LocalDate[]::new));
        Candle feb = all.get(2);
        assertThat(feb.closeTimeUs()).isEqualTo(Micros.of(LocalDate.of(2024, 3, 1)) - 1_000L);
    }

    @Test
    void microsecondModeSendsHeaderAndKeepsSubMillisecondBounds() {
        BinanceRestClient us =
                client(BinanceClientConfig.defaults(fake.baseUrl()).withMicroseconds(true));
        long startUs = Micros.fromMs(T0_MS) + 1; // 1 µs after an open time: that candle is out
        List<Candle> all =
                us.klines(BTC, Interval.M5, new TimeRange(startUs, startUs + 3 * 300_000_000L));
        assertThat(all)
                .extracting(Candle::openTimeUs)
                .containsExactly(
                        Micros.fromMs(T0_MS) + 300_000_000L,
                        Micros.fromMs(T0_MS) + 600_000_000L,
                        Micros.fromMs(T0_MS) + 900_000_000L);
        FakeBinance.Req req = fake.requests("/api/v3/klines").get(0);
        assertThat(req.timeUnit()).isEqualTo("us");
        assertThat(req.query()).containsEntry("startTime", Long.toString(startUs));
    }

    @Test
    void rejectsNullArgumentsWithTheirName() {
        TimeRange range = new TimeRange(0, 1);
        assertThatThrownBy(() -> client.klines(null, Interval.M1, range, p -> {}))
                .hasMessageContaining("symbol");
        assertThatThrownBy(() -> client.klines(BTC, null, range, p -> {}))
                .hasMessageContaining("interval");
        assertThatThrownBy(() -> client.klines(BTC, Interval.M1, null, p -> {}))
                .hasMessageContaining("range");
        assertThat(fake.requests).isEmpty();
    }
}
