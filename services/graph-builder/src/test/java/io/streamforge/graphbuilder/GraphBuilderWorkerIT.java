package io.streamforge.graphbuilder;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamforge.domain.Candle;
import io.streamforge.domain.Interval;
import io.streamforge.domain.Micros;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.graph.GraphEdge;
import io.streamforge.domain.graph.GraphRecord;
import io.streamforge.domain.graph.IndicatorValue;
import io.streamforge.embedded.EmbeddedKafkaBroker;
import io.streamforge.embedded.EmbeddedPostgresServer;
import io.streamforge.graph.CorrelationGraph;
import io.streamforge.graph.CorrelationMethod;
import io.streamforge.graph.Correlations;
import io.streamforge.graph.Edge;
import io.streamforge.graph.GraphBuilder;
import io.streamforge.graph.SeriesAligner;
import io.streamforge.graph.Strength;
import io.streamforge.indicators.CandleAggregation;
import io.streamforge.indicators.CandleSeries;
import io.streamforge.indicators.GapPolicy;
import io.streamforge.indicators.IndicatorSpec;
import io.streamforge.indicators.IndicatorTable;
import io.streamforge.indicators.Indicators;
import io.streamforge.kafka.KafkaSettings;
import io.streamforge.kafka.TelemetryEvent;
import io.streamforge.kafka.Topics;
import io.streamforge.runtime.StopSignal;
import io.streamforge.runtime.WorkerRunner;
import io.streamforge.store.postgres.PostgresStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * graph-builder end to end in one JVM: real Kafka (KRaft) and real PostgreSQL, candles seeded into
 * the market-data store, the worker run through {@link WorkerRunner#run}, telemetry read back from
 * {@code queue-events}.
 */
class GraphBuilderWorkerIT {
    static final Symbol BTC = Symbol.of("BTCUSDT");
    static final Symbol ETH = Symbol.of("ETHUSDT");
    static final Symbol XRP = Symbol.of("XRPUSDT");
    static final Symbol SOL = Symbol.of("SOLUSDT");
    static final Symbol ADA = Symbol.of("ADAUSDT");
    static final LocalDate DAY = LocalDate.of(2024, 3, 1);
    static final long DAY_US = Micros.of(DAY);
    static final TimeRange RANGE = TimeRange.parseDays("2024-03-01:2024-03-01");

    static EmbeddedKafkaBroker kafka;
    static EmbeddedPostgresServer postgres;
    static PostgresStores stores;
    static Map<Symbol, List<Candle>> seeded;
    @TempDir static Path tmp;

    final AtomicLong clock = new AtomicLong(DAY_US + 86_400_000_000L);

    @BeforeAll
    static void start() {
        kafka = EmbeddedKafkaBroker.start();
        kafka.createTopic(Topics.EVENTS, 1);
        kafka.createTopic(Topics.CONTROL, 1);
        postgres = EmbeddedPostgresServer.start();
        stores = PostgresStores.open(postgres.jdbcUrl(), postgres.user(), postgres.password(), 2);
        seeded = SeedCandles.factorModel(List.of(BTC, ETH, XRP), DAY_US, 1440, 42);
        // ETH misses 7 minutes, so alignment drops rows
        List<Candle> eth = new ArrayList<>(seeded.get(ETH));
        eth.subList(600, 607).clear();
        seeded.put(ETH, List.copyOf(eth));
        // SOL trades only in the first 300 minutes, ADA only from minute 600 on
        seeded.put(SOL, SeedCandles.factorModel(List.of(SOL), DAY_US, 300, 7).get(SOL));
        long afternoonUs = DAY_US + 600 * Interval.M1.fixedUs();
        seeded.put(ADA, SeedCandles.factorModel(List.of(ADA), afternoonUs, 840, 8).get(ADA));
        seeded.values().forEach(stores.marketData()::upsert);
    }

    @AfterAll
    static void stop() {
        if (stores != null) {
            stores.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    Map<String, String> env(String queueId, String symbols) throws Exception {
        Path password = tmp.resolve("pg-password");
        Files.writeString(password, "not-used-trust-auth\n");
        Map<String, String> env = new HashMap<>();
        env.put("QUEUE_ID", queueId);
        env.put("TELEMETRY_ID", "graph-builder__" + queueId);
        env.put("SYMBOLS", symbols);
        env.put("TIME_RANGE", "2024-03-01:2024-03-01");
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("HTTP_PORT", "0");
        env.put("POSTGRES_JDBC_URL", postgres.jdbcUrl());
        env.put("POSTGRES_USER", postgres.user());
        env.put("POSTGRES_PASSWORD_FILE", password.toString());
        return env;
    }

    int run(Map<String, String> env) {
        return WorkerRunner.run(
                GraphBuilderWorker.SERVICE,
                env,
                true,
                GraphBuilderWorker::create,
                new StopSignal(),
                clock::get);
    }

    /** Telemetry of {@code runs} runs of {@code queueId}. */
    List<TelemetryEvent> events(String queueId, int runs) {
        return TelemetryReader.untilTerminal(
                KafkaSettings.plaintext(kafka.bootstrapServers()), queueId, runs);
    }

    @Test
    void buildsTheGraphAndIndicatorsAndARerunChangesNothing() throws Exception {
        Map<String, String> env = env("q-graph-main", "btcusdt,ETHUSDT,XRPUSDT");
        assertThat(run(env)).isZero();

        // the graph equals libs/graph on the same candles
        Map<Symbol, List<Candle>> three =
                Map.of(BTC, seeded.get(BTC), ETH, seeded.get(ETH), XRP, seeded.get(XRP));
        CorrelationGraph expected =
                GraphBuilder.minimumSpanningTree(
                        Correlations.compute(
                                SeriesAligner.align(three).logReturns(),
                                CorrelationMethod.PEARSON));
        GraphRecord stored = stores.graphs().load("q-graph-main").orElseThrow();
        assertSameGraph(stored, expected, Interval.M1);
        assertThat(stored.edges()).hasSize(2);
        assertThat(stored.createdAtUs()).isEqualTo(clock.get());
        assertThat(stored.window().returnCount()).isEqualTo(1440 - 7 - 1);

        // the indicators equal libs/indicators on the same candles
        long indicatorCount = 0;
        for (Symbol s : List.of(BTC, ETH, XRP)) {
            indicatorCount +=
                    assertIndicators(
                            s,
                            IndicatorSpec.parseAll(
                                    List.of("RSI:14", "SMA:20", "EMA:20", "ATR:14")));
        }
        assertThat(stores.indicators().names(SOL, Interval.M1)).isEmpty();

        List<TelemetryEvent> events = events("q-graph-main", 1);
        assertThat(events)
                .extracting(TelemetryEvent::status)
                .containsExactly("started", "loading", "loading", "finished");
        TelemetryEvent summary = events.get(3);
        assertThat(events.get(2).message())
                .startsWith("graph q-graph-main: 3 nodes, 2 edges (pearson, mst)");
        assertThat(summary.extra())
                .containsEntry("node_count", 3)
                .containsEntry("edge_count", 2)
                .containsEntry("method", "pearson")
                .containsEntry("rule", "mst")
                .containsEntry("union_times", 1440)
                .containsEntry("kept_times", 1433)
                .containsEntry("dropped_times", 7)
                .containsEntry("graph_changed", true);
        assertThat(events.get(3).recordsWritten()).isEqualTo(2 + indicatorCount);
        assertThat(events.get(3).telemetryId()).isEqualTo("graph-builder__q-graph-main");

        // a re-run at a later time leaves every row untouched
        String before = TableSnapshot.of(postgres.dataSource());
        clock.addAndGet(3_600_000_000L);
        assertThat(run(env)).isZero();
        assertThat(TableSnapshot.of(postgres.dataSource())).isEqualTo(before);
        assertThat(stores.graphs().load("q-graph-main")).contains(stored);
        List<TelemetryEvent> again = events("q-graph-main", 2);
        assertThat(again).hasSize(8);
        assertThat(again.get(again.size() - 1).extra()).containsEntry("graph_changed", false);
        assertThat(again.get(again.size() - 2).message()).contains("unchanged");
        assertThat(again.get(again.size() - 1).recordsWritten()).isEqualTo(2 + indicatorCount);
    }

    @Test
    void resamplesAndAppliesMethodAndRuleFromConfig() throws Exception {
        Map<String, String> env = env("q-graph-hourly", "BTCUSDT,ETHUSDT,XRPUSDT");
        env.put("RESAMPLE", "1h");
        env.put("GRAPH_METHOD", "spearman");
        env.put("GRAPH_RULE", "threshold:0.0");
        env.put("MIN_RETURNS", "20");
        env.put("INDICATORS", "none");
        env.put("GRAPH_COLLECTION", "hourly_graph");
        assertThat(run(env)).isZero();

        Map<Symbol, List<Candle>> hourly = new TreeMap<>();
        for (Symbol s : List.of(BTC, ETH, XRP)) {
            hourly.put(s, CandleAggregation.resample(seeded.get(s), Interval.H1, GapPolicy.SKIP));
        }
        CorrelationGraph expected =
                GraphBuilder.threshold(
                        Correlations.compute(
                                SeriesAligner.align(hourly).logReturns(),
                                CorrelationMethod.SPEARMAN),
                        0.0,
                        Strength.ABSOLUTE);
        GraphRecord stored = stores.graphs().load("hourly_graph").orElseThrow();
        assertSameGraph(stored, expected, Interval.H1);
        assertThat(stored.edges()).hasSize(3);
        assertThat(stored.window().returnCount()).isEqualTo(23);
        assertThat(stores.graphs().load("q-graph-hourly")).isEmpty();
        List<TelemetryEvent> events = events("q-graph-hourly", 1);
        assertThat(events.get(events.size() - 1).recordsWritten()).isEqualTo(3);
    }

    @Test
    void badConfigurationExitsWith2() throws Exception {
        Map<String, String> env = env("q-graph-bad", "BTCUSDT,ETHUSDT");
        env.remove("TIME_RANGE");
        env.put("GRAPH_RULE", "tree");
        assertThat(run(env)).isEqualTo(2);
        assertThat(stores.graphs().load("q-graph-bad")).isEmpty();
    }

    @Test
    void fewerThanTwoSymbolsWithDataIsAnError() throws Exception {
        Map<String, String> env = env("q-graph-lonely", "BTCUSDT,DOGEUSDT,SOLUSDT");
        env.put("MIN_RETURNS", "400");
        assertThat(run(env)).isEqualTo(1);
        List<TelemetryEvent> events = events("q-graph-lonely", 1);
        assertThat(events)
                .extracting(TelemetryEvent::status)
                .containsExactly("started", "loading", "error");
        assertThat(events.get(1).extra())
                .containsEntry(
                        "candles_per_symbol",
                        Map.of("BTCUSDT", 1440, "DOGEUSDT", 0, "SOLUSDT", 300));
        assertThat(events.get(2).errorMessage())
                .contains("at least 2 symbols with more than 400 1m candles, got 1 [BTCUSDT]")
                .contains("SOLUSDT=300 1m candles, need 401");
        assertThat(stores.graphs().load("q-graph-lonely")).isEmpty();
    }

    @Test
    void tooFewAlignedPointsIsAnError() throws Exception {
        Map<String, String> env = env("q-graph-disjoint", "SOLUSDT,ADAUSDT");
        assertThat(run(env)).isEqualTo(1);
        List<TelemetryEvent> events = events("q-graph-disjoint", 1);
        TelemetryEvent last = events.get(events.size() - 1);
        assertThat(last.status()).isEqualTo("error");
        assertThat(last.errorMessage())
                .contains("too few aligned points: 0 common returns of [ADAUSDT, SOLUSDT]")
                .contains("need MIN_RETURNS=30");
        assertThat(stores.graphs().load("q-graph-disjoint")).isEmpty();
        assertThat(stores.indicators().names(SOL, Interval.M1)).isEmpty();
    }

    static void assertSameGraph(GraphRecord stored, CorrelationGraph expected, Interval interval) {
        assertThat(stored.nodes()).isEqualTo(expected.nodes());
        List<GraphEdge> edges = new ArrayList<>();
        for (Edge e : expected.edges()) {
            edges.add(new GraphEdge(e.a(), e.b(), e.rho(), e.distance()));
        }
        assertThat(stored.edges()).isEqualTo(edges);
        assertThat(stored.method()).isEqualTo(expected.method().code());
        assertThat(stored.rule()).isEqualTo(expected.rule());
        assertThat(stored.window().interval()).isEqualTo(interval);
        assertThat(stored.window().fromOpenTimeUs()).isEqualTo(expected.window().fromOpenTimeUs());
        assertThat(stored.window().toOpenTimeUs()).isEqualTo(expected.window().toOpenTimeUs());
        assertThat(stored.window().returnCount()).isEqualTo(expected.window().returnCount());
    }

    /** Asserts stored == computed for every column; returns the number of values. */
    static long assertIndicators(Symbol s, List<IndicatorSpec> specs) {
        IndicatorTable table = Indicators.compute(CandleSeries.of(seeded.get(s)), specs);
        long count = 0;
        for (String name : table.names()) {
            List<IndicatorValue> expected = new ArrayList<>();
            double[] column = table.column(name);
            for (int i = 0; i < column.length; i++) {
                if (!Double.isNaN(column[i])) {
                    expected.add(
                            new IndicatorValue(
                                    s, Interval.M1, table.openTimeUs()[i], name, column[i]));
                }
            }
            assertThat(stores.indicators().values(s, Interval.M1, name, RANGE))
                    .as("%s %s", s, name)
                    .isEqualTo(expected);
            assertThat(expected).hasSizeGreaterThan(1400);
            count += expected.size();
        }
        return count;
    }
}
