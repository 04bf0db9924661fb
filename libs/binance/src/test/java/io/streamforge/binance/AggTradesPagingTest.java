package io.streamforge.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamforge.binance.FakeBinance.AggRow;
import io.streamforge.domain.AggTrade;
import io.streamforge.domain.Micros;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AggTradesPagingTest {
    private static final Symbol XRP = Symbol.of("xrpeth");
    private static final long T0_MS = Instant.parse("2024-03-01T00:00:00Z").toEpochMilli();
    private static final long HOUR_MS = 3_600_000L;
    private static final long FIRST_ID = 5_000;

    private FakeClock clock;
    private FakeBinance fake;
    private BinanceRestClient client;

    @BeforeEach
    void start() throws Exception {
        clock = new FakeClock(Instant.parse("2024-06-01T00:00:00Z").toEpochMilli());
        fake = new FakeBinance(clock);
        BinanceClientConfig config = BinanceClientConfig.defaults(fake.baseUrl());
        client =
                new BinanceRestClient(
                        config,
                        new WeightBudget(config.effectiveWeightLimit()),
                        clock,
                        clock,
                        null);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    /** 3500 trades every 700 ms from T0 + 3h10m; trade FIRST_ID+7 is an invalidated duplicate. */
    private void tradesAfterAGap() {
        List<AggRow> rows = new ArrayList<>();
        long t = T0_MS + 3 * HOUR_MS + 600_000;
        for (int i = 0; i < 3500; i++) {
            rows.add(new AggRow(FIRST_ID + i, t + i * 700L, i == 7));
        }
        fake.aggRows = rows;
    }

    @Test
    void widensHourByHourThenPagesByIdWithoutGapsOrDuplicates() {
        tradesAfterAGap();
        long endMs = T0_MS + 3 * HOUR_MS + 600_000 + 2_999 * 700L; // excludes the trade at endMs
        TimeRange range = new TimeRange(Micros.fromMs(T0_MS), Micros.fromMs(endMs));
        List<List<AggTrade>> pages = new ArrayList<>();
        client.aggTrades(XRP, range, pages::add);

        List<AggTrade> all = pages.stream().flatMap(List::stream).toList();
        assertThat(all).hasSize(2999);
        for (int i = 0; i < all.size(); i++) {
            assertThat(all.get(i).aggId()).as("id at %d", i).isEqualTo(FIRST_ID + i);
        }
        assertThat(all.get(7).invalidated()).isTrue();
        assertThat(all.get(8).invalidated()).isFalse();
        assertThat(all).allSatisfy(t -> assertThat(range.contains(t.timeUs())).isTrue());

        List<FakeBinance.Req> reqs = fake.requests("/api/v3/aggTrades");
        // 4 hourly windows (3 empty) + fromId pages 6000, 7000 (trade at end found in 7000's page)
        assertThat(reqs).hasSize(6);
        for (int h = 0; h < 4; h++) {
            var q = reqs.get(h).query();
            long s = Long.parseLong(q.get("startTime"));
            long e = Long.parseLong(q.get("endTime"));
            assertThat(s).isEqualTo(T0_MS + h * HOUR_MS);
            assertThat(e - s).isLessThan(HOUR_MS);
        }
        assertThat(reqs.get(4).query()).containsEntry("fromId", Long.toString(FIRST_ID + 1000));
        assertThat(reqs.get(5).query()).containsEntry("fromId", Long.toString(FIRST_ID + 2000));
    }

    @Test
    void trimsTheStartInsideTheFirstPage() {
        tradesAfterAGap();
        long startMs = T0_MS + 3 * HOUR_MS + 600_000 + 10 * 700L + 1; // after trade #10
        TimeRange range = new TimeRange(Micros.fromMs(startMs), Micros.fromMs(startMs + 70_000));
        List<AggTrade> all = client.aggTrades(XRP, range);
        assertThat(all).extracting(AggTrade::aggId).first().isEqualTo(FIRST_ID + 11);
        assertThat(all).hasSize(100); // trades #11..#110
        assertThat(fake.requests("/api/v3/aggTrades")).hasSize(1);
    }

    @Test
    void stopsAtTheLiveEdgeWhenTheExchangeHasNoMore() {
        tradesAfterAGap();
        TimeRange range =
                new TimeRange(
                        Micros.fromMs(T0_MS + 3 * HOUR_MS), Micros.fromMs(T0_MS + 48 * HOUR_MS));
        List<AggTrade> all = client.aggTrades(XRP, range);
        assertThat(all).hasSize(3500);
        assertThat(all.get(3499).aggId()).isEqualTo(FIRST_ID + 3499);
        // 1 window + fromId 6000, 7000, 8000 (the last returns 500 < limit: done)
        assertThat(fake.requests("/api/v3/aggTrades")).hasSize(4);
    }

    @Test
    void aServerIgnoringFromIdIsReportedInsteadOfLoopingOrDroppingData() {
        StringBuilder page = new StringBuilder("[");
        for (int i = 1; i <= 1000; i++) {
            page.append(i == 1 ? "" : ",")
                    .append("{\"a\":")
                    .append(i)
                    .append(",\"p\":\"1\",\"q\":\"1\",\"f\":1,\"l\":1,\"T\":")
                    .append(T0_MS + i)
                    .append(",\"m\":true,\"M\":true}");
        }
        String body = page.append(']').toString();
        fake.script("/api/v3/aggTrades", FakeBinance.Reply.ok(body), FakeBinance.Reply.ok(body));
        List<AggTrade> got = new ArrayList<>();
        TimeRange range = new TimeRange(Micros.fromMs(T0_MS), Micros.fromMs(T0_MS + HOUR_MS));
        assertThatThrownBy(() -> client.aggTrades(XRP, range, got::addAll))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("no progress");
        assertThat(got).hasSize(1000);
        assertThat(fake.requests("/api/v3/aggTrades").get(1).query())
                .containsEntry("fromId", "1001");
    }

    @Test
    void rangeWithoutTradesQueriesEachHourOnceAndEmitsNothing() {
        tradesAfterAGap();
        List<List<AggTrade>> pages = new ArrayList<>();
        client.aggTrades(
                XRP,
                new TimeRange(Micros.fromMs(T0_MS), Micros.fromMs(T0_MS + 2 * HOUR_MS + 1)),
                pages::add);
        assertThat(pages).isEmpty();
        assertThat(fake.requests("/api/v3/aggTrades")).hasSize(3);
    }
}
