package io.streamforge.visualizer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import io.streamforge.indicators.CandleAggregation;
import io.streamforge.indicators.GapPolicy;
import io.streamforge.indicators.Indicators;
import io.streamforge.sim.MarketModel;
import io.streamforge.sim.SimConfig;
import io.streamforge.testkit.InMemoryGraphStore;
import io.streamforge.testkit.InMemoryIndicatorStore;
import io.streamforge.testkit.InMemoryMarketDataStore;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/chart} over real HTTP: 30 days of 1m candles of the simulator's market model (43,200)
 * are never sent as such — the server resamples them (libs/indicators) to at most {@code
 * max_points} and computes the indicators on the shown series. The candles sit in testkit's
 * in-memory store: reading them from PostgreSQL is VisualizerApiIT's part, this test is about the
 * resampling and the indicators over the port.
 */
class ChartApiIT {
    static final Symbol BTC = Symbol.of("BTCUSDT");
    static final TimeRange MONTH = TimeRange.parseDays("2024-05-01:2024-05-30");
    static List<Candle> stored;
    static VisualizerServer server;
    static String base;

    @BeforeAll
    static void start() {
        MarketModel model = new MarketModel(SimConfig.defaults().withSymbols(List.of(BTC)));
        stored = model.klines(BTC, Interval.M1, MONTH.startUs(), MONTH.endUs());
        InMemoryMarketDataStore market = new InMemoryMarketDataStore();
        market.upsert(stored);
        server =
                new VisualizerServer(
                        new VisualizerServer.Ports(
                                market,
                                new InMemoryIndicatorStore(),
                                new InMemoryGraphStore(),
                                new QueueRelayIT.NoModels()),
                        "http://127.0.0.1:9",
                        null,
                        "127.0.0.1",
                        0);
        base = "http://127.0.0.1:" + server.port() + "/api/chart?symbol=BTCUSDT&interval=1m";
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aMonthOfMinutesIsResampledOnTheServerToAtMostMaxPoints() throws Exception {
        JsonNode c = Http.get(base + "&from=2024-05-01&to=2024-05-30").json();
        assertThat(stored).hasSize(30 * 1440);
        assertThat(c.get("source_count").asInt()).isEqualTo(stored.size());
        assertThat(c.get("aggregated").asBoolean()).isTrue();
        // 30 days: 30m = 1,440 candles is the finest interval within the default 2,000 points
        assertThat(c.get("display_interval").asText()).isEqualTo("30m");
        List<Candle> expected = CandleAggregation.resample(stored, Interval.M30, GapPolicy.SKIP);
        assertThat(c.get("count").asInt()).isEqualTo(expected.size()).isEqualTo(1440);
        JsonNode cols = c.get("candles");
        for (String k : List.of("t", "o", "h", "l", "c", "v")) {
            assertThat(cols.get(k)).as(k).hasSize(expected.size());
        }
        for (int i : new int[] {0, 700, expected.size() - 1}) {
            Candle e = expected.get(i);
            assertThat(cols.get("t").get(i).asLong()).isEqualTo(e.openTimeUs() / 1000);
            assertThat(cols.get("o").get(i).asDouble()).isEqualTo(e.open().doubleValue());
            assertThat(cols.get("h").get(i).asDouble()).isEqualTo(e.high().doubleValue());
            assertThat(cols.get("l").get(i).asDouble()).isEqualTo(e.low().doubleValue());
            assertThat(cols.get("c").get(i).asDouble()).isEqualTo(e.close().doubleValue());
            assertThat(cols.get("v").get(i).asDouble()).isEqualTo(e.volume().doubleValue());
        }
        JsonNode small = Http.get(base + "&from=2024-05-01&to=2024-05-30&max_points=100").json();
        assertThat(small.get("count").asInt()).isLessThanOrEqualTo(100);
        assertThat(small.get("display_interval").asText()).isEqualTo("12h");
    }

    @Test
    void theIntervalSwitchIsHonouredWhenItFitsAndCoarsenedWhenItDoesNot() throws Exception {
        JsonNode oneDay = Http.get(base + "&from=2024-05-02&to=2024-05-02&display=5m").json();
        assertThat(oneDay.get("display_interval").asText()).isEqualTo("5m");
        assertThat(oneDay.get("count").asInt()).isEqualTo(288);
        JsonNode raw = Http.get(base + "&from=2024-05-02&to=2024-05-02").json();
        assertThat(raw.get("aggregated").asBoolean()).isFalse();
        assertThat(raw.get("count").asInt()).isEqualTo(1440);
        JsonNode tooFine = Http.get(base + "&from=2024-05-01&to=2024-05-30&display=5m").json();
        assertThat(tooFine.get("display_interval").asText()).isEqualTo("30m");
    }

    @Test
    void indicatorsAreComputedOnTheShownCandlesAsOverlaysAndPanes() throws Exception {
        JsonNode c =
                Http.get(
                                base
                                        + "&from=2024-05-01&to=2024-05-30&indicators=SMA:20,RSI:14,MACD:12:26:9")
                        .json();
        JsonNode ind = c.get("indicators");
        assertThat(ind).hasSize(3);
        assertThat(ind.get(0).get("spec").asText()).isEqualTo("SMA:20");
        assertThat(ind.get(0).get("placement").asText()).isEqualTo("overlay");
        assertThat(ind.get(1).get("placement").asText()).isEqualTo("pane");
        assertThat(ind.get(2).get("columns").findValuesAsText("name"))
                .containsExactly("MACD_12_26_9", "MACD_12_26_9_SIGNAL", "MACD_12_26_9_HIST");
        List<Candle> shown = CandleAggregation.resample(stored, Interval.M30, GapPolicy.SKIP);
        double[] rsi =
                Indicators.rsi(
                        shown.stream().mapToDouble(x -> x.close().doubleValue()).toArray(), 14);
        JsonNode values = ind.get(1).get("columns").get(0).get("values");
        assertThat(values).hasSize(shown.size());
        assertThat(values.get(0).isNull()).as("NaN before warm-up → null").isTrue();
        assertThat(values.get(500).asDouble()).isEqualTo(rsi[500]);
    }

    @Test
    void badChartParametersAreProblemsNamingTheParameter() throws Exception {
        String month = base + "&from=2024-05-01&to=2024-05-30";
        VisualizerApiIT.assertProblem(month + "&indicators=NOPE:3", 400, "indicators");
        VisualizerApiIT.assertProblem(month + "&indicators=RSI:x", 400, "indicators");
        VisualizerApiIT.assertProblem(month + "&display=1s", 400, "display");
        VisualizerApiIT.assertProblem(month + "&display=7x", 400, "display");
        VisualizerApiIT.assertProblem(month + "&max_points=5", 400, "max_points");
        VisualizerApiIT.assertProblem(month + "&max_points=abc", 400, "max_points");
        // more stored rows than one chart reads: 1m over a year
        VisualizerApiIT.assertProblem(base + "&from=2023-01-01&to=2023-12-31", 400, "to");
    }
}
