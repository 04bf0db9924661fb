package io.streamforge.gnntrainer;

import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.graph.GraphRecord;
import io.streamforge.domain.port.ModelRepository;
import io.streamforge.runtime.ConfigReader;
import io.streamforge.runtime.DatabaseSettings;
import io.streamforge.runtime.WorkerConfig;
import io.streamforge.store.s3.S3Settings;
import java.util.List;
import java.util.Locale;

/**
 * Everything the trainer reads from the environment, validated.
 *
 * @param resample coarser interval the candles are aggregated to before training, or null
 * @param graphCollection GraphStore collection read when {@code graphSource} is {@code STORE}
 */
public record TrainerSettings(
        List<Symbol> symbols,
        TimeRange range,
        Interval interval,
        Interval resample,
        String modelName,
        S3Settings s3,
        int epochs,
        int patience,
        long seed,
        int horizonSteps,
        GraphSource graphSource,
        String graphCollection,
        DatabaseSettings database) {

    /** Where the graph edges come from. */
    public enum GraphSource {
        /** Correlation MST over the training candles' log returns, computed here (libs/graph). */
        COMPUTE,
        /** The graph that graph-builder stored in the GraphStore. */
        STORE
    }

    public TrainerSettings {
        symbols = List.copyOf(symbols);
    }

    /** The interval the model sees: RESAMPLE when set, else INTERVAL. */
    public Interval stepInterval() {
        return resample == null ? interval : resample;
    }

    /**
     * Reads TIME_RANGE, INTERVAL, RESAMPLE, MODEL_NAME, MODEL_OUTPUT, S3_*, GNN_EPOCHS,
     * GNN_PATIENCE, GNN_SEED, GNN_HORIZON, GRAPH_SOURCE, GRAPH_COLLECTION, COLLECTION_NAME, DB_KIND
     * with POSTGRES_* or ARANGO_* ({@link DatabaseSettings}). Problems go to the reader.
     */
    public static TrainerSettings read(ConfigReader r, WorkerConfig common) {
        TimeRange range = r.requiredParsed("TIME_RANGE", TimeRange::parseDays);
        Interval interval = r.parsed("INTERVAL", Interval::of, Interval.M1);
        Interval resample = r.parsed("RESAMPLE", Interval::of, null);
        checkResample(r, interval, resample);
        String modelName =
                r.parsed(
                        "MODEL_NAME",
                        v -> ModelRepository.checkName("model name", v),
                        common.queueId());
        S3Settings s3 = S3Settings.read(r);
        int epochs = r.intValue("GNN_EPOCHS", 30, 1, 10_000);
        int patience = r.intValue("GNN_PATIENCE", 10, 1, 10_000);
        long seed = r.parsed("GNN_SEED", Long::valueOf, 42L);
        int horizon = r.intValue("GNN_HORIZON", 1, 1, 20);
        GraphSource source =
                r.parsed("GRAPH_SOURCE", TrainerSettings::graphSource, GraphSource.STORE);
        String collection =
                r.parsed(
                        "GRAPH_COLLECTION",
                        GraphRecord::checkCollection,
                        r.optional("COLLECTION_NAME", common.queueId()));
        DatabaseSettings database = DatabaseSettings.read(r);
        if (common.symbols().size() == 1) {
            r.problem("invalid SYMBOLS: a graph needs at least 2 symbols, got " + common.symbols());
        }
        return new TrainerSettings(
                common.symbols(),
                range,
                interval,
                resample,
                modelName,
                s3,
                epochs,
                patience,
                seed,
                horizon,
                source,
                collection,
                database);
    }

    static GraphSource graphSource(String text) {
        try {
            return GraphSource.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("expected compute|store, got '" + text + "'");
        }
    }

    private static void checkResample(ConfigReader r, Interval interval, Interval resample) {
        if (resample == null || interval == null) {
            return;
        }
        if (resample.isCalendar() || interval.isCalendar() || resample == Interval.W1) {
            r.problem(
                    "invalid RESAMPLE: " + resample.code() + " (fixed-length intervals up to 3d)");
            return;
        }
        if (resample.fixedUs() <= interval.fixedUs()
                || resample.fixedUs() % interval.fixedUs() != 0) {
            r.problem(
                    "invalid RESAMPLE: "
                            + resample.code()
                            + " must be a multiple of INTERVAL "
                            + interval.code()
                            + " and longer");
        }
    }
}
