package io.streamforge.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamforge.domain.AggTrade;
import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Micros;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** depth, uiKlines, aggTrades by fromId, and klines paging for every interval. */
class RestCompletionTest {
    private static final Symbol BTC = Symbol.of("BTCUSDT");

    private FakeClock clock;
    private FakeBinance fake;
    private BinanceRestClient client;

    @BeforeEach
    void start() throws Exception {
        clock = new FakeClock(Instant.parse("2024-06-01T00:00:10Z").toEpochMilli());
        fake = new FakeBinance(clock);
        client = clientWithLimit(6000);
    }

    private BinanceRestClient clientWithLimit(int limit) {
        BinanceClientConfig c =
                BinanceClientConfig.defaults(fake.baseUrl()).withWeightLimit(limit, 0.95);
        return new BinanceRestClient(
                c, new WeightBudget(c.effectiveWeightLimit()), clock, clock, null);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void depthParsesExactLevelsAndSendsTheLimit() {
        fake.depthBody =
                "{\"lastUpdateId\":1027024,\"bids\":[[\"4.00000000\",\"431.00000000\"]],"
                        + "\"asks\":[[\"4.00000200\",\"12.00000000\"],[\"4.1\",\"0.0010\"]]}";
        DepthSnapshot d = client.depth(BTC, 100);
        assertThat(d.lastUpdateId()).isEqualTo(1027024L);
        assertThat(d.bids()).containsExactly(PriceLevel.parse("4", "431"));
        assertThat(d.asks().get(0).price()).isEqualTo(new BigDecimal("4.000002"));
        assertThat(d.asks().get(1).qty()).isEqualTo(new BigDecimal("0.001"));
        assertThat(fake.requests("/api/v3/depth").get(0).query())
                .containsEntry("symbol", "BTCUSDT")
                .containsEntry("limit", "100");
    }

    @Test
    void depthWeightDependsOnTheLimitAndIsBudgeted() {
        // allowance floor(300 * 0.95) = 285: one 5000-level snapshot (250) fits, a second must wait
        BinanceRestClient small = clientWithLimit(300);
        small.depth(BTC, 5000);
        assertThat(small.budget().usedWeight(clock.nowMs())).isEqualTo(250);
        small.depth(BTC, 10);
        assertThat(clock.sleepsMs).isEmpty();
        small.depth(BTC, 5000);
        assertThat(clock.sleepsMs).hasSize(1);
        assertThat(fake.answered429()).isZero();
    }

    @Test
    void depthRejectsBadLimitsAndBadBodies() {
        assertThatThrownBy(() -> client.depth(BTC, 0)).hasMessageContaining("depth limit");
        assertThatThrownBy(() -> client.depth(BTC, 5001)).hasMessageContaining("1..5000");
        fake.depthBody = "{\"bids\":[],\"asks\":[]}";
        assertThatThrownBy(() -> client.depth(BTC, 5))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("lastUpdateId");
        fake.depthBody = "{\"lastUpdateId\":5,\"bids\":[[\"x\",\"1\"]],\"asks\":[]}";
        assertThatThrownBy(() -> client.depth(BTC, 5))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("bids[0]")
                .hasMessageContaining("price");
    }

    @Test
    void realRecordedDepthSnapshot() throws Exception {
        fake.depthBody =
                Files.readString(Shared.realdata("rest/nautilus_http_spot_market_depth.json"));
        DepthSnapshot d = client.depth(BTC, 10);
        assertThat(d.lastUpdateId()).isEqualTo(14527958487L);
        assertThat(d.bids().get(0)).isEqualTo(PriceLevel.parse("60650.00000000", "0.00213000"));
        for (int i = 1; i < d.bids().size(); i++) {
            assertThat(d.bids().get(i).price()).isLessThan(d.bids().get(i - 1).price());
        }
        assertThat(d.asks().get(0).price()).isGreaterThan(d.bids().get(0).price());
    }

    @Test
    void uiKlinesUseTheirOwnPathAndPageLikeKlines() {
        long t0 = Instant.parse("2024-03-01T00:00:00Z").toEpochMilli() * 1000;
        List<Candle> cs =
                client.uiKlines(BTC, Interval.M1, new TimeRange(t0, t0 + 1500 * 60_000_000L));
        assertThat(cs).hasSize(1500);
        assertThat(fake.requests("/api/v3/uiKlines")).hasSize(2);
        assertThat(fake.requests("/api/v3/klines")).isEmpty();
    }

    @Test
    void aggTradesFromIdIsOnePageFromThatId() {
        List<FakeBinance.AggRow> rows = new ArrayList<>();
        for (long id = 100; id < 300; id++) {
            rows.add(new FakeBinance.AggRow(id, 1_700_000_000_000L + id, false));
        }
        fake.aggRows = rows;
        List<AggTrade> page = client.aggTradesFrom(BTC, 150, 20);
        assertThat(page).extracting(AggTrade::aggId).startsWith(150L).endsWith(169L).hasSize(20);
        assertThat(fake.requests("/api/v3/aggTrades").get(0).query())
                .containsEntry("fromId", "150")
                .containsEntry("limit", "20")
                .doesNotContainKey("startTime");
        assertThatThrownBy(() -> client.aggTradesFrom(BTC, -1, 10)).hasMessageContaining("fromId");
        assertThatThrownBy(() -> client.aggTradesFrom(BTC, 1, 1001)).hasMessageContaining("limit");
    }

    @ParameterizedTest
    @EnumSource(Interval.class)
    void everyIntervalPagesWithoutGapsOrDuplicates(Interval interval) {
        int expected = interval.isCalendar() ? 30 : 2500;
        long start =
                Micros.fromMs(Instant.parse("2019-03-01T00:00:00Z").toEpochMilli())
                        + 7_500_000L; // unaligned for every interval
        long firstOpen = interval.nextOpenTime(interval.openTimeOf(start));
        long end = firstOpen;
        for (int i = 0; i < expected; i++) {
            end = interval.nextOpenTime(end);
        }
        List<Candle> all = client.klines(BTC, interval, new TimeRange(start, end));
        assertThat(all).hasSize(expected);
        assertThat(all.get(0).openTimeUs()).isEqualTo(firstOpen);
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i).openTimeUs())
                    .as("%s candle %d", interval.code(), i)
                    .isEqualTo(interval.nextOpenTime(all.get(i - 1).openTimeUs()));
        }
        assertThat(fake.requests("/api/v3/klines")).hasSize((expected + 999) / 1000);
    }
}
