package io.streamforge.visualizer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.graph.GraphEdge;
import io.streamforge.domain.graph.GraphRecord;
import io.streamforge.domain.graph.GraphWindow;
import io.streamforge.domain.graph.IndicatorValue;
import io.streamforge.embedded.EmbeddedPostgresServer;
import io.streamforge.embedded.EmbeddedS3;
import io.streamforge.sim.MarketModel;
import io.streamforge.sim.SimConfig;
import io.streamforge.store.postgres.PostgresStores;
import io.streamforge.store.s3.S3ModelRepository;
import io.streamforge.store.s3.S3Settings;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The store-backed API against a real embedded PostgreSQL (candles from the simulator's market
 * model, indicator values, a graph saved through the GraphStore) and a real S3 (S3Proxy) holding a
 * model run in gnn-trainer's format. The queue routes: {@link QueueRelayIT}.
 */
class VisualizerApiIT {
    static final List<Symbol> SYMBOLS = List.of(Symbol.of("BTCUSDT"), Symbol.of("ETHUSDT"));
    static final String FROM = "2024-06-01";
    static final String TO = "2024-06-02";
    static final String MODEL = "gat-test";
    static final String RUN = "20240603T000000Z-abc123";
    static final String COLLECTION = "viz-test";

    static EmbeddedPostgresServer pg;
    static EmbeddedS3 s3;
    static PostgresStores stores;
    static S3ModelRepository models;
    static VisualizerServer server;
    static String base;
    static List<Candle> btc;
    static List<IndicatorValue> sma;

    @BeforeAll
    static void start() throws Exception {
        pg = EmbeddedPostgresServer.start();
        s3 = EmbeddedS3.start();
        stores = PostgresStores.open(pg.jdbcUrl(), pg.user(), pg.password(), 2);
        MarketModel model = new MarketModel(SimConfig.defaults().withSymbols(SYMBOLS).withSeed(7));
        TimeRange range = TimeRange.parseDays(FROM + ":" + TO);
        for (Symbol s : SYMBOLS) {
            stores.marketData()
                    .upsert(model.klines(s, Interval.M1, range.startUs(), range.endUs()));
        }
        btc = model.klines(SYMBOLS.get(0), Interval.M1, range.startUs(), range.endUs());
        sma = closes(btc);
        stores.indicators().upsert(sma);
        stores.graphs().save(graph(range));
        models =
                S3ModelRepository.open(
                        new S3Settings(
                                s3.endpoint(),
                                s3.region(),
                                "streamforge",
                                "models",
                                s3.accessKey(),
                                s3.secretKey()));
        models.put(MODEL, RUN, ModelFixture.files());
        server =
                new VisualizerServer(
                        new VisualizerServer.Ports(
                                stores.marketData(), stores.indicators(), stores.graphs(), models),
                        "http://127.0.0.1:9",
                        MODEL,
                        "127.0.0.1",
                        0);
        base = "http://127.0.0.1:" + server.port();
    }

    /** A 3-candle moving average of the closes: real values, written through the port. */
    static List<IndicatorValue> closes(List<Candle> candles) {
        List<IndicatorValue> out = new ArrayList<>();
        for (int i = 2; i < candles.size(); i++) {
            double avg =
                    (candles.get(i).close().doubleValue()
                                    + candles.get(i - 1).close().doubleValue()
                                    + candles.get(i - 2).close().doubleValue())
                            / 3;
            Candle c = candles.get(i);
            out.add(new IndicatorValue(c.symbol(), c.interval(), c.openTimeUs(), "SMA_3", avg));
        }
        return out;
    }

    static GraphRecord graph(TimeRange range) {
        return new GraphRecord(
                COLLECTION,
                SYMBOLS,
                List.of(new GraphEdge(SYMBOLS.get(1), SYMBOLS.get(0), -0.42, Math.sqrt(2 * 1.42))),
                "pearson",
                "mst",
                new GraphWindow(Interval.M15, range.startUs(), range.endUs() - 900_000_000L, 191),
                1_717_200_000_000_000L);
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {server, models, stores, s3, pg}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // keep closing the rest
            }
        }
    }

    static String candles(String query) {
        return base + "/api/candles?" + query;
    }

    @Test
    void candlesOfTwoDaysAreTheModelsCandlesExactly() throws Exception {
        Http.Reply r = Http.get(candles("symbol=btcusdt&interval=1m&from=" + FROM + "&to=" + TO));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(btc).hasSize(2 * 1440);
        assertThat(body.get("symbol").asText()).isEqualTo("BTCUSDT");
        assertThat(body.get("count").asInt()).isEqualTo(btc.size());
        JsonNode list = body.get("candles");
        assertThat(list).hasSize(btc.size());
        assertSame(list.get(0), btc.get(0));
        assertSame(list.get(list.size() - 1), btc.get(btc.size() - 1));
        assertSame(list.get(777), btc.get(777));
    }

    static void assertSame(JsonNode json, Candle c) {
        assertThat(json.get("open_time_us").asLong()).isEqualTo(c.openTimeUs());
        assertThat(json.get("close_time_us").asLong()).isEqualTo(c.closeTimeUs());
        assertThat(json.get("open").isTextual()).isTrue();
        assertThat(json.get("open").asText()).isEqualTo(c.open().toPlainString());
        assertThat(json.get("high").asText()).isEqualTo(c.high().toPlainString());
        assertThat(json.get("low").asText()).isEqualTo(c.low().toPlainString());
        assertThat(json.get("close").asText()).isEqualTo(c.close().toPlainString());
        assertThat(json.get("volume").asText()).isEqualTo(c.volume().toPlainString());
        assertThat(json.get("trade_count").asLong()).isEqualTo(c.tradeCount());
    }

    @Test
    void oneDayIsHalfOfTheCandlesAndAnotherIntervalHasNone() throws Exception {
        JsonNode day =
                Http.get(candles("symbol=BTCUSDT&interval=1m&from=" + TO + "&to=" + TO)).json();
        assertThat(day.get("count").asInt()).isEqualTo(1440);
        assertSame(day.get("candles").get(0), btc.get(1440));
        JsonNode none =
                Http.get(candles("symbol=BTCUSDT&interval=5m&from=" + FROM + "&to=" + TO)).json();
        assertThat(none.get("count").asInt()).isZero();
    }

    @Test
    void badCandleParametersAreProblemsNamingTheParameter() throws Exception {
        assertProblem(
                candles("symbol=BTC-USDT&interval=1m&from=" + FROM + "&to=" + TO), 400, "symbol");
        assertProblem(candles("interval=1m&from=" + FROM + "&to=" + TO), 400, "symbol");
        assertProblem(
                candles("symbol=BTCUSDT&interval=7m&from=" + FROM + "&to=" + TO), 400, "interval");
        assertProblem(candles("symbol=BTCUSDT&interval=1m&from=2024-13-01&to=" + TO), 400, "from");
        assertProblem(
                candles("symbol=BTCUSDT&interval=1m&from=" + FROM + "&to=06/02/2024"), 400, "to");
        assertProblem(candles("symbol=BTCUSDT&interval=1m&from=" + TO + "&to=" + FROM), 400, "to");
    }

    @Test
    void moreRowsThanTheLimitIsRefusedNamingFromAndTo() throws Exception {
        // 14 days of 1m = 20,160 candles > 20,000; 13 days = 18,720 pass
        JsonNode p =
                assertProblem(
                        candles("symbol=BTCUSDT&interval=1m&from=2024-06-01&to=2024-06-14"),
                        400,
                        "to");
        assertThat(p.get("detail").asText()).contains("20160").contains("20000");
        assertThat(p.get("invalid_params").findValuesAsText("name")).containsExactly("to", "from");
        Http.Reply ok =
                Http.get(candles("symbol=BTCUSDT&interval=1m&from=2024-06-01&to=2024-06-13"));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("count").asInt()).isEqualTo(btc.size());
        assertThat(
                        Http.get(
                                        candles(
                                                "symbol=BTCUSDT&interval=1h&from=2024-01-01&to=2024-12-31"))
                                .status())
                .isEqualTo(200);
    }

    @Test
    void indicatorNamesAndValuesAreTheStoredOnes() throws Exception {
        JsonNode names = Http.get(base + "/api/indicators?symbol=BTCUSDT&interval=1m").json();
        assertThat(names.get("names")).hasSize(1);
        assertThat(names.get("names").get(0).asText()).isEqualTo("SMA_3");
        JsonNode eth = Http.get(base + "/api/indicators?symbol=ETHUSDT&interval=1m").json();
        assertThat(eth.get("names")).isEmpty();
        JsonNode v =
                Http.get(
                                base
                                        + "/api/indicators/values?symbol=BTCUSDT&interval=1m&name=SMA_3&from="
                                        + FROM
                                        + "&to="
                                        + TO)
                        .json();
        assertThat(v.get("count").asInt()).isEqualTo(sma.size());
        JsonNode first = v.get("values").get(0);
        assertThat(first.get("open_time_us").asLong()).isEqualTo(sma.get(0).openTimeUs());
        assertThat(first.get("value").asDouble()).isEqualTo(sma.get(0).value());
        assertProblem(
                base
                        + "/api/indicators/values?symbol=BTCUSDT&interval=1m&name=RSI%2014&from="
                        + FROM
                        + "&to="
                        + TO,
                400,
                "name");
        assertProblem(base + "/api/indicators?symbol=BTCUSDT&interval=1x", 400, "interval");
    }

    @Test
    void graphHasItsNodesAndWeightedEdges() throws Exception {
        JsonNode list = Http.get(base + "/api/graphs").json();
        assertThat(list.get("collections")).hasSize(1);
        assertThat(list.get("collections").get(0).asText()).isEqualTo(COLLECTION);
        JsonNode g = Http.get(base + "/api/graphs/" + COLLECTION).json();
        assertThat(g.get("nodes").findValuesAsText("id")).containsExactly("BTCUSDT", "ETHUSDT");
        JsonNode e = g.get("edges").get(0);
        assertThat(e.get("source").asText()).isEqualTo("BTCUSDT");
        assertThat(e.get("target").asText()).isEqualTo("ETHUSDT");
        assertThat(e.get("rho").asDouble()).isEqualTo(-0.42);
        assertThat(e.get("weight").asDouble()).isEqualTo(0.42);
        assertThat(g.get("window").get("interval").asText()).isEqualTo("15m");
        assertThat(g.get("window").get("return_count").asInt()).isEqualTo(191);
        assertProblem(base + "/api/graphs/no-such-graph", 404, "collection");
        assertProblem(base + "/api/graphs/bad%3Aname", 400, "collection");
    }

    @Test
    void modelRunShowsTheMetricsAgainstTheBaselines() throws Exception {
        JsonNode runs = Http.get(base + "/api/models").json();
        assertThat(runs.get("name").asText()).isEqualTo(MODEL);
        assertThat(runs.get("latest").asText()).isEqualTo(RUN);
        for (String run : List.of(RUN, "latest")) {
            JsonNode m = Http.get(base + "/api/models/" + run).json();
            assertThat(m.get("run").asText()).isEqualTo(RUN);
            JsonNode metrics = m.get("metrics");
            assertThat(metrics.get("test").get("accuracy").asDouble())
                    .isEqualTo(ModelFixture.TEST.accuracy());
            assertThat(metrics.get("test").get("macro_f1").asDouble())
                    .isEqualTo(ModelFixture.TEST.macroF1());
            assertThat(metrics.get("test").get("samples").asInt())
                    .isEqualTo(ModelFixture.TEST.samples());
            assertThat(metrics.get("majority_baseline").get("macro_f1").asDouble())
                    .isEqualTo(ModelFixture.MAJORITY.macroF1());
            assertThat(metrics.get("persistence_baseline").get("accuracy").asDouble())
                    .isEqualTo(ModelFixture.PERSISTENCE.accuracy());
            assertThat(m.get("macro_f1_margin_over_baselines").asDouble())
                    .isEqualTo(ModelFixture.report().macroF1MarginOverBaselines());
            assertThat(m.get("nodes").get(1).asText()).isEqualTo("ETHUSDT");
            assertThat(m.get("classes")).hasSize(3);
            assertThat(m.get("history")).hasSize(2);
            assertThat(m.get("history").get(0).get("val_loss").isNull()).as("NaN → null").isTrue();
            assertThat(m.get("files").findValuesAsText("name")).contains("metadata.json");
        }
        assertProblem(base + "/api/models/20990101T000000Z-ffffff", 404, "run");
        assertProblem(base + "/api/models/bad%20run", 400, "run");
        assertProblem(base + "/api/models?name=bad/name", 400, "name");
        JsonNode other = Http.get(base + "/api/models?name=other-model").json();
        assertThat(other.get("runs")).isEmpty();
        assertThat(other.get("latest").isNull()).isTrue();
        assertProblem(base + "/api/models/latest?name=other-model", 404, "run");
    }

    @Test
    void uiHealthAndMetricsAreServed() throws Exception {
        Http.Reply page = Http.get(base + "/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.type()).startsWith("text/html");
        assertThat(page.body())
                .contains("id=\"candles\"")
                .contains("src=\"app.js\"")
                .doesNotContain("https://");
        assertThat(page.body())
                .contains("src=\"auth.js\"")
                .contains("src=\"vendor/echarts.min.js\"");
        for (String file : VisualizerServer.WEB_FILES.keySet()) {
            Http.Reply r = Http.get(base + "/" + file);
            assertThat(r.status()).as(file).isEqualTo(200);
            assertThat(r.body()).as(file).doesNotContain("https://");
        }
        Http.Reply js = Http.get(base + "/candles.js");
        assertThat(js.type()).startsWith("text/javascript");
        assertThat(js.body()).contains("/api/chart");
        Http.Reply echarts = Http.get(base + "/vendor/echarts.min.js");
        assertThat(echarts.status()).isEqualTo(200);
        assertThat(echarts.type()).startsWith("text/javascript");
        assertThat(echarts.body()).contains("echarts").hasSizeGreaterThan(500_000);
        assertThat(Http.get(base + "/app.css").status()).isEqualTo(200);
        assertThat(Http.get(base + "/health/live").json().get("status").asText()).isEqualTo("UP");
        assertThat(Http.get(base + "/health/ready").json().get("status").asText()).isEqualTo("UP");
        Http.get(base + "/api/graphs");
        String metrics = Http.get(base + "/metrics").body();
        assertThat(metrics)
                .contains(
                        "streamforge_visualizer_api_request_seconds_count{outcome=\"ok\",route=\"/api/graphs\"");
        assertThat(metrics).contains("jvm_memory_used_bytes");
        assertProblem(base + "/api/nothing-here", 404, null);
    }

    /** Asserts a problem+json answer and returns its body. */
    static JsonNode assertProblem(String url, int status, String field) throws Exception {
        Http.Reply r = Http.get(url);
        assertThat(r.status()).as(url + " → " + r.body()).isEqualTo(status);
        assertThat(r.type()).startsWith("application/problem+json");
        JsonNode p = r.json();
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("detail").asText()).isNotBlank();
        if (field != null) {
            assertThat(p.get("field").asText()).isEqualTo(field);
        }
        return p;
    }
}
