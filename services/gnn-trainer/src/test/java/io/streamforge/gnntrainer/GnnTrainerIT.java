package io.streamforge.gnntrainer;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.graph.GraphEdge;
import io.streamforge.domain.graph.GraphRecord;
import io.streamforge.domain.graph.GraphWindow;
import io.streamforge.domain.port.TimeSource;
import io.streamforge.embedded.EmbeddedKafkaBroker;
import io.streamforge.embedded.EmbeddedPostgresServer;
import io.streamforge.embedded.EmbeddedS3;
import io.streamforge.gnn.ClassificationMetrics;
import io.streamforge.gnn.DatasetConfig;
import io.streamforge.gnn.Direction;
import io.streamforge.gnn.GnnDataset;
import io.streamforge.gnn.GnnModel;
import io.streamforge.gnn.ModelStore;
import io.streamforge.gnn.Snapshot;
import io.streamforge.kafka.KafkaSettings;
import io.streamforge.kafka.TelemetryEvent;
import io.streamforge.kafka.Topics;
import io.streamforge.runtime.StopSignal;
import io.streamforge.runtime.WorkerRunner;
import io.streamforge.sim.MarketModel;
import io.streamforge.sim.SimConfig;
import io.streamforge.store.postgres.PostgresStores;
import io.streamforge.store.s3.S3ModelRepository;
import io.streamforge.store.s3.S3Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trainer end to end on real parts: embedded Kafka (telemetry, control), embedded PostgreSQL
 * (candles, graphs) and EmbeddedS3 (models), with 5 symbols × 3 days of 1m candles from the
 * exchange simulator's market model, resampled to 15m.
 */
class GnnTrainerIT {
    private static final List<Symbol> SYMBOLS =
            List.of("BTCUSDT", "ETHUSDT", "BNBUSDT", "SOLUSDT", "XRPUSDT").stream()
                    .map(Symbol::of)
                    .toList();
    private static final String RANGE = "2024-03-01:2024-03-03";
    private static EmbeddedKafkaBroker kafka;
    private static EmbeddedPostgresServer pg;
    private static EmbeddedS3 s3;
    private static PostgresStores stores;
    private static Path keys;

    @TempDir static Path dir;

    @BeforeAll
    static void start() throws Exception {
        kafka = EmbeddedKafkaBroker.start();
        pg = EmbeddedPostgresServer.start();
        s3 = EmbeddedS3.start();
        kafka.createTopic(Topics.CONTROL, 1);
        kafka.createTopic(Topics.EVENTS, 1);
        stores = PostgresStores.open(pg.jdbcUrl(), pg.user(), pg.password(), 2);
        MarketModel model = new MarketModel(SimConfig.defaults().withSymbols(SYMBOLS).withSeed(7));
        TimeRange range = TimeRange.parseDays(RANGE);
        for (Symbol s : SYMBOLS) {
            stores.marketData()
                    .upsert(model.klines(s, Interval.M1, range.startUs(), range.endUs()));
        }
        keys = Files.createDirectories(dir.resolve("secrets"));
        Files.writeString(keys.resolve("access"), s3.accessKey());
        Files.writeString(keys.resolve("secret"), s3.secretKey() + "\n");
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {stores, s3, pg, kafka}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // keep closing the rest
            }
        }
    }

    private static Map<String, String> env(String queueId) {
        Map<String, String> env = new HashMap<>();
        env.put("QUEUE_ID", queueId);
        env.put("SYMBOLS", String.join(",", SYMBOLS.stream().map(Symbol::value).toList()));
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("HTTP_PORT", "0");
        env.put("TIME_RANGE", RANGE);
        env.put("RESAMPLE", "15m");
        env.put("GRAPH_SOURCE", "compute");
        env.put("GNN_EPOCHS", "3");
        env.put("POSTGRES_JDBC_URL", pg.jdbcUrl());
        env.put("S3_ENDPOINT", s3.endpoint().toString());
        env.put("S3_ACCESS_KEY_FILE", keys.resolve("access").toString());
        env.put("S3_SECRET_KEY_FILE", keys.resolve("secret").toString());
        return env;
    }

    private static int run(Map<String, String> env, StopSignal stop) {
        return WorkerRunner.run(
                GnnTrainerWorker.SERVICE,
                env,
                true,
                GnnTrainerWorker::create,
                stop,
                TimeSource.system());
    }

    private static KafkaSettings kafkaSettings() {
        return KafkaSettings.plaintext(kafka.bootstrapServers());
    }

    private static S3ModelRepository repository(String bucket, String prefix) {
        return S3ModelRepository.open(
                new S3Settings(
                        s3.endpoint(),
                        s3.region(),
                        bucket,
                        prefix,
                        s3.accessKey(),
                        s3.secretKey()));
    }

    @Test
    void trainsUploadsALoadableModelAndReportsEveryEpoch() throws Exception {
        assertThat(run(env("q-gnn-ok"), new StopSignal())).isZero();

        List<TelemetryEvent> events = QueueEvents.untilTerminal(kafkaSettings(), "q-gnn-ok");
        assertThat(events.get(0).status()).isEqualTo("started");
        assertThat(events.get(events.size() - 1).status()).isEqualTo("finished");
        List<TelemetryEvent> epochs =
                events.stream()
                        .filter(e -> e.extra() != null && "epoch".equals(e.extra().get("phase")))
                        .toList();
        assertThat(epochs).hasSize(3);
        for (int i = 0; i < 3; i++) {
            Map<String, Object> x = epochs.get(i).extra();
            assertThat(epochs.get(i).status()).isEqualTo("loading");
            assertThat(x.get("epoch")).isEqualTo(i + 1);
            assertThat(x).containsKeys("train_loss", "val_loss", "val_accuracy", "val_macro_f1");
            assertThat(((Number) x.get("train_loss")).doubleValue()).isPositive();
        }
        TelemetryEvent summary = events.get(events.size() - 2);
        assertThat(summary.status()).isEqualTo("loading");
        Map<String, Object> m = summary.extra();
        assertThat(m.get("phase")).isEqualTo("uploaded");
        assertThat(m.get("graph_source")).isEqualTo("compute");
        assertThat(m.get("graph_edges")).isEqualTo(4); // MST of 5 nodes
        assertThat(m.get("nodes")).isEqualTo(5);
        assertThat(m.get("device")).isEqualTo(io.streamforge.gnn.DjlEngine.device().toString());
        assertThat(m.get("steps")).isEqualTo(3 * 96); // 3 days of 15m
        assertThat(summary.recordsWritten()).isEqualTo(2);

        String run = (String) m.get("run");
        assertThat(m.get("model_uri")).isEqualTo("s3://streamforge/models/q-gnn-ok/" + run + "/");
        try (S3ModelRepository repo = repository("streamforge", "models")) {
            assertThat(repo.list("q-gnn-ok")).containsExactly(run);
            Map<String, byte[]> files = repo.get("q-gnn-ok", run);
            assertThat(files.keySet())
                    .containsExactly(ModelStore.METADATA_FILE, ModelStore.PARAMETERS_FILE);
            Path local = Files.createDirectories(dir.resolve("downloaded"));
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Files.write(local.resolve(f.getKey()), f.getValue());
            }
            // the downloaded model reproduces the reported test metrics on the same data
            GnnDataset ds = rebuildDataset();
            try (GnnModel loaded = ModelStore.load(local)) {
                ClassificationMetrics test = score(loaded, ds.test());
                assertThat(test.samples()).isEqualTo(((Number) m.get("test_samples")).intValue());
                // telemetry JSON decodes decimals as BigDecimal: compare the double values
                assertThat(test.accuracy())
                        .isEqualTo(((Number) m.get("test_accuracy")).doubleValue());
                assertThat(test.macroF1())
                        .isEqualTo(((Number) m.get("test_macro_f1")).doubleValue());
                assertThat(loaded.report().test()).isEqualTo(test);
            }
        }
        assertThat(m)
                .containsKeys(
                        "majority_macro_f1",
                        "persistence_macro_f1",
                        "macro_f1_margin_over_baselines");
    }

    /** The same dataset the worker built: same candles, resampling, graph and split. */
    private static GnnDataset rebuildDataset() {
        TrainingSeries series =
                TrainingSeries.load(
                        stores.marketData(),
                        SYMBOLS,
                        Interval.M1,
                        Interval.M15,
                        TimeRange.parseDays(RANGE));
        DatasetConfig dc = DatasetConfig.defaults();
        GraphEdges edges = GraphEdges.compute(series, dc.trainFraction());
        return GnnDataset.fromSeries(
                series.names(), series.close(), series.volume(), edges.edges(), dc);
    }

    private static ClassificationMetrics score(GnnModel model, List<Snapshot> snapshots) {
        int nodes = snapshots.get(0).nodeCount();
        int[] truth = new int[snapshots.size() * nodes];
        int[] predicted = new int[truth.length];
        int k = 0;
        for (Snapshot s : snapshots) {
            int[] p = model.predict(s);
            for (int n = 0; n < nodes; n++, k++) {
                truth[k] = s.labels()[n];
                predicted[k] = p[n];
            }
        }
        return ClassificationMetrics.of(truth, predicted, Direction.COUNT);
    }

    @Test
    void usesTheStoredGraphAndWritesToModelOutput() {
        Symbol btc = SYMBOLS.get(0);
        Symbol eth = SYMBOLS.get(1);
        Symbol sol = SYMBOLS.get(3);
        Symbol doge = Symbol.of("DOGEUSDT");
        TimeRange range = TimeRange.parseDays(RANGE);
        stores.graphs()
                .save(
                        new GraphRecord(
                                "graph-q1",
                                List.of(btc, eth, sol, doge),
                                List.of(
                                        new GraphEdge(btc, eth, 0.8, 0.63),
                                        new GraphEdge(eth, sol, 0.7, 0.77),
                                        new GraphEdge(doge, btc, 0.6, 0.89)),
                                "pearson",
                                "mst",
                                new GraphWindow(
                                        Interval.M15, range.startUs(), range.endUs() - 1, 100),
                                range.startUs()));
        Map<String, String> env = env("q-gnn-store");
        env.put("GRAPH_SOURCE", "store");
        env.put("GRAPH_COLLECTION", "graph-q1");
        env.put("GNN_EPOCHS", "1");
        env.put("MODEL_NAME", "gat-store");
        env.put("MODEL_OUTPUT", "s3://team-models/experiments");
        assertThat(run(env, new StopSignal())).isZero();

        List<TelemetryEvent> events = QueueEvents.untilTerminal(kafkaSettings(), "q-gnn-store");
        Map<String, Object> m = events.get(events.size() - 2).extra();
        assertThat(m.get("graph_source")).isEqualTo("store:graph-q1");
        assertThat(m.get("graph_edges")).isEqualTo(2); // DOGE is not trained on
        String run = (String) m.get("run");
        assertThat(m.get("model_uri"))
                .isEqualTo("s3://team-models/experiments/gat-store/" + run + "/");
        try (S3ModelRepository repo = repository("team-models", "experiments")) {
            assertThat(repo.list("gat-store")).containsExactly(run);
        }
    }

    @Test
    void stopsBetweenEpochsAndUploadsNothing() throws InterruptedException {
        Map<String, String> env = env("q-gnn-stop");
        env.put("GNN_EPOCHS", "1000");
        env.put("GNN_PATIENCE", "1000");
        StopSignal stop = new StopSignal();
        Thread watcher =
                new Thread(
                        () ->
                                QueueEvents.untilTerminal(
                                        kafkaSettings(),
                                        "q-gnn-stop",
                                        e -> {
                                            if (e.status().equals("loading")) {
                                                stop.stop("test stop");
                                            }
                                        }));
        watcher.start();
        assertThat(run(env, stop)).isZero();
        watcher.join(60_000);

        List<TelemetryEvent> events = QueueEvents.untilTerminal(kafkaSettings(), "q-gnn-stop");
        assertThat(events.get(events.size() - 1).status()).isEqualTo("interrupted");
        assertThat(events.get(events.size() - 1).message()).contains("test stop");
        long epochs = events.stream().filter(e -> e.status().equals("loading")).count();
        assertThat(epochs).isBetween(1L, 100L);
        assertThat(events).noneMatch(e -> e.extra() != null && e.extra().containsKey("model_uri"));
        try (S3ModelRepository repo = repository("streamforge", "models")) {
            assertThat(repo.list("q-gnn-stop")).isEmpty();
        }
    }

    @Test
    void missingCandlesFailWithErrorTelemetry() {
        Map<String, String> env = env("q-gnn-missing");
        env.put("SYMBOLS", "BTCUSDT,ETHUSDT,NOPEUSDT");
        assertThat(run(env, new StopSignal())).isEqualTo(WorkerRunner.FAILED);

        List<TelemetryEvent> events = QueueEvents.untilTerminal(kafkaSettings(), "q-gnn-missing");
        TelemetryEvent last = events.get(events.size() - 1);
        assertThat(last.status()).isEqualTo("error");
        assertThat(last.errorMessage()).contains("no 1m candles").contains("[NOPEUSDT]");
        assertThat(events).noneMatch(e -> e.status().equals("loading"));
    }

    @Test
    void badConfigurationExitsWith2BeforeTouchingAnything() {
        Map<String, String> env = env("q-gnn-bad");
        env.remove("TIME_RANGE");
        env.put("GRAPH_SOURCE", "neo4j");
        env.put("MODEL_OUTPUT", "bucket/prefix");
        env.put("S3_SECRET_KEY_FILE", dir.resolve("no-such-file").toString());
        assertThat(run(env, new StopSignal())).isEqualTo(2);
        try (S3ModelRepository repo = repository("streamforge", "models")) {
            assertThat(repo.list("q-gnn-bad")).isEmpty();
        }
    }
}
