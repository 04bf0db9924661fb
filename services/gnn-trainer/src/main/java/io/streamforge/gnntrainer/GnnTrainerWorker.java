package io.streamforge.gnntrainer;

import io.streamforge.domain.Ids;
import io.streamforge.domain.Micros;
import io.streamforge.domain.PermanentException;
import io.streamforge.gnn.ClassificationMetrics;
import io.streamforge.gnn.DatasetConfig;
import io.streamforge.gnn.DjlEngine;
import io.streamforge.gnn.EpochStats;
import io.streamforge.gnn.GatConfig;
import io.streamforge.gnn.GatTrainer;
import io.streamforge.gnn.GnnDataset;
import io.streamforge.gnn.GnnModel;
import io.streamforge.gnn.ModelStore;
import io.streamforge.gnn.TrainingReport;
import io.streamforge.runtime.ConfigReader;
import io.streamforge.runtime.Worker;
import io.streamforge.runtime.WorkerConfig;
import io.streamforge.runtime.WorkerContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the GATv2 node classifier (libs/gnn) on stored candles and uploads the model: candles →
 * aligned close/volume series → graph edges (computed MST or the stored graph) → dataset → training
 * with one {@code loading} telemetry event per epoch → model files → {@link
 * io.streamforge.domain.port.ModelRepository} under run id {@code <UTC timestamp>-<short id>} → a
 * last {@code loading} event with the test metrics, the baselines and the model URI. A stop request
 * ends training after the current epoch and uploads nothing.
 */
public final class GnnTrainerWorker implements Worker {
    public static final String SERVICE = "gnn-trainer";
    private static final Logger LOG = LoggerFactory.getLogger(GnnTrainerWorker.class);
    private static final DateTimeFormatter RUN_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final TrainerSettings settings;
    private final TrainerPorts.Factory ports;

    public GnnTrainerWorker(TrainerSettings settings, TrainerPorts.Factory ports) {
        this.settings = settings;
        this.ports = ports;
    }

    /** Worker factory for {@link io.streamforge.runtime.WorkerRunner}: PostgreSQL + S3. */
    public static Worker create(ConfigReader r, WorkerConfig common) {
        return new GnnTrainerWorker(TrainerSettings.read(r, common), TrainerPorts::production);
    }

    @Override
    public long run(WorkerContext ctx) {
        try (TrainerPorts p = ports.open(settings)) {
            TrainingSeries series =
                    TrainingSeries.load(
                            p.marketData(),
                            settings.symbols(),
                            settings.interval(),
                            settings.resample(),
                            settings.range());
            LOG.info(
                    "{} aligned {} steps of {} for {} symbols ({} steps dropped)",
                    SERVICE,
                    series.steps(),
                    settings.stepInterval().code(),
                    series.symbols().size(),
                    series.droppedSteps());
            DatasetConfig dc =
                    DatasetConfig.defaults().withLabelHorizonSteps(settings.horizonSteps());
            GraphEdges edges =
                    settings.graphSource() == TrainerSettings.GraphSource.STORE
                            ? GraphEdges.fromStore(
                                    p.graphs(), settings.graphCollection(), series.symbols())
                            : GraphEdges.compute(series, dc.trainFraction());
            if (ctx.stop().stopped()) {
                return 0;
            }
            GnnDataset dataset = dataset(series, edges, dc);
            LOG.info("{} trains on {}", SERVICE, DjlEngine.describeDevice());
            try (GnnModel model = GatTrainer.train(dataset, gatConfig(), s -> onEpoch(ctx, s))) {
                if (ctx.stop().stopped()) {
                    Thread.interrupted(); // set by onEpoch to end training; clear it for telemetry
                    LOG.info("{} stopped after {} epochs", SERVICE, model.report().epochsRun());
                    return 0;
                }
                return upload(ctx, p, model, series, edges, dataset);
            }
        }
    }

    /** libs/gnn defaults with GNN_EPOCHS, GNN_PATIENCE and GNN_SEED. */
    private GatConfig gatConfig() {
        GatConfig d = GatConfig.defaults();
        return new GatConfig(
                d.layers(),
                d.heads(),
                d.hiddenPerHead(),
                d.learningRate(),
                d.weightDecay(),
                settings.epochs(),
                settings.patience(),
                d.batchSnapshots(),
                settings.seed());
    }

    private static GnnDataset dataset(TrainingSeries series, GraphEdges edges, DatasetConfig dc) {
        try {
            return GnnDataset.fromSeries(
                    series.names(), series.close(), series.volume(), edges.edges(), dc);
        } catch (IllegalArgumentException e) {
            throw new PermanentException(
                    "cannot build the dataset from "
                            + series.steps()
                            + " aligned steps of "
                            + series.names()
                            + ": "
                            + e.getMessage(),
                    e);
        }
    }

    private void onEpoch(WorkerContext ctx, EpochStats s) {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("phase", "epoch");
        extra.put("epoch", s.epoch());
        extra.put("max_epochs", settings.epochs());
        extra.put("train_loss", finite(s.trainLoss()));
        extra.put("val_loss", finite(s.validationLoss()));
        extra.put("val_accuracy", finite(s.validationAccuracy()));
        extra.put("val_macro_f1", finite(s.validationMacroF1()));
        extra.put("epoch_ms", s.elapsedMillis());
        ctx.telemetry()
                .send("loading", "epoch " + s.epoch() + "/" + settings.epochs(), 0, null, extra);
        if (ctx.stop().stopped()) {
            Thread.currentThread().interrupt(); // GatTrainer ends before the next epoch
        }
    }

    private long upload(
            WorkerContext ctx,
            TrainerPorts p,
            GnnModel model,
            TrainingSeries series,
            GraphEdges edges,
            GnnDataset dataset) {
        String run = runId(ctx.time().nowUs());
        Map<String, byte[]> files = modelFiles(model);
        String uri = p.models().put(settings.modelName(), run, files);
        Map<String, Object> extra = summary(model.report(), series, edges, dataset);
        extra.put("model_uri", uri);
        extra.put("model_name", settings.modelName());
        extra.put("run", run);
        extra.put("files", List.copyOf(files.keySet()));
        LOG.info("{} uploaded {} ({} files): {}", SERVICE, uri, files.size(), extra);
        ctx.telemetry().send("loading", "model uploaded to " + uri, files.size(), null, extra);
        ctx.telemetry().setFinishExtra(extra);
        return files.size();
    }

    /** {@code 20261126T115301Z-a1b2c3}: sorts by time, unique per run. */
    static String runId(long nowUs) {
        return RUN_TIME.format(Micros.toInstant(nowUs)) + "-" + Ids.shortId();
    }

    /** The files {@link ModelStore#save} writes, by name. */
    static Map<String, byte[]> modelFiles(GnnModel model) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("gnn-model-");
            ModelStore.save(model, dir);
            Map<String, byte[]> files = new TreeMap<>();
            try (Stream<Path> list = Files.list(dir)) {
                for (Path f : list.filter(Files::isRegularFile).toList()) {
                    files.put(f.getFileName().toString(), Files.readAllBytes(f));
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the model files: " + e.getMessage(), e);
        } finally {
            deleteQuietly(dir);
        }
    }

    static Map<String, Object> summary(
            TrainingReport r, TrainingSeries series, GraphEdges edges, GnnDataset dataset) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("phase", "uploaded");
        metrics(m, "test", r.test());
        metrics(m, "majority", r.majorityBaseline());
        metrics(m, "persistence", r.persistenceBaseline());
        m.put("macro_f1_margin_over_baselines", finite(r.macroF1MarginOverBaselines()));
        m.put("epochs_run", r.epochsRun());
        m.put("best_epoch", r.bestEpoch());
        m.put("stopped_early", r.stoppedEarly());
        m.put("training_ms", r.trainingMillis());
        m.put("seed", r.seed());
        m.put("device", DjlEngine.device().toString());
        m.put("nodes", series.symbols().size());
        m.put("steps", series.steps());
        m.put("train_snapshots", dataset.train().size());
        m.put("flat_threshold", finite(dataset.flatThreshold()));
        m.put("graph_source", edges.source());
        m.put("graph_rule", edges.rule());
        m.put("graph_edges", edges.edges().length);
        return m;
    }

    private static void metrics(Map<String, Object> m, String prefix, ClassificationMetrics c) {
        m.put(prefix + "_accuracy", finite(c.accuracy()));
        m.put(prefix + "_macro_f1", finite(c.macroF1()));
        m.put(prefix + "_samples", c.samples());
    }

    /** JSON has no NaN/Infinity: such values are sent as null. */
    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot delete {}: {}", dir, e.toString());
        }
    }
}
