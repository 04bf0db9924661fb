package io.streamforge.graphbuilder;

import io.streamforge.domain.Candle;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.graph.GraphRecord;
import io.streamforge.domain.graph.IndicatorValue;
import io.streamforge.domain.port.GraphStore;
import io.streamforge.domain.port.IndicatorStore;
import io.streamforge.domain.port.MarketDataStore;
import io.streamforge.runtime.ConfigReader;
import io.streamforge.runtime.Worker;
import io.streamforge.runtime.WorkerConfig;
import io.streamforge.runtime.WorkerContext;
import io.streamforge.store.Stores;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code graph-builder}: reads the queue's candles from the market-data store, computes the
 * correlation graph ({@link GraphComputation}) and the indicators ({@link IndicatorComputation}),
 * then stores the indicators and the graph. Nothing is written when the graph cannot be computed.
 * Both writes are idempotent, so a re-run over the same candles leaves the stores unchanged.
 */
public final class GraphBuilderWorker implements Worker {
    public static final String SERVICE = "graph-builder";
    private static final Logger LOG = LoggerFactory.getLogger(GraphBuilderWorker.class);
    private static final int DB_POOL_SIZE = 2;

    private final GraphBuilderSettings settings;

    public GraphBuilderWorker(GraphBuilderSettings settings) {
        this.settings = settings;
    }

    public static Worker create(ConfigReader r, WorkerConfig common) {
        return new GraphBuilderWorker(GraphBuilderSettings.read(r, common));
    }

    @Override
    public long run(WorkerContext ctx) {
        try (Stores stores = Stores.open(settings.database(), DB_POOL_SIZE)) {
            return run(ctx, stores.marketData(), stores.indicators(), stores.graphs());
        }
    }

    /** The work on any stores (the ports), returning edges + indicator values written. */
    long run(
            WorkerContext ctx,
            MarketDataStore market,
            IndicatorStore indicatorStore,
            GraphStore graphStore) {
        Map<Symbol, List<Candle>> candles = load(ctx, market);
        if (ctx.stop().stopped()) {
            return 0;
        }
        GraphComputation.Result result =
                GraphComputation.compute(
                        candles,
                        settings.interval(),
                        settings.graphInterval(),
                        settings.method(),
                        settings.rule(),
                        settings.alignment(),
                        settings.minReturns());
        long indicatorValues = 0;
        for (Map.Entry<Symbol, List<Candle>> e : candles.entrySet()) {
            if (ctx.stop().stopped()) {
                return indicatorValues;
            }
            List<IndicatorValue> values =
                    IndicatorComputation.compute(
                            e.getKey(), settings.interval(), e.getValue(), settings.indicators());
            indicatorValues += indicatorStore.upsert(values);
        }
        GraphRecord graph = result.toRecord(settings.graphCollection(), ctx.time().nowUs());
        boolean changed = graphStore.save(graph);
        long written = graph.edges().size() + indicatorValues;
        Map<String, Object> extra = new LinkedHashMap<>(result.summary());
        extra.put("graph_collection", graph.collection());
        extra.put("graph_changed", changed);
        extra.put("indicator_values", indicatorValues);
        extra.put("indicators", settings.indicators().stream().map(Object::toString).toList());
        String message =
                "graph "
                        + graph.collection()
                        + ": "
                        + graph.nodes().size()
                        + " nodes, "
                        + graph.edges().size()
                        + " edges ("
                        + graph.method()
                        + ", "
                        + graph.rule()
                        + (changed ? "" : ", unchanged")
                        + "); "
                        + indicatorValues
                        + " indicator values";
        LOG.info("{}", message);
        ctx.telemetry().send("loading", message, written);
        ctx.telemetry().setFinishExtra(extra);
        return written;
    }

    private Map<Symbol, List<Candle>> load(WorkerContext ctx, MarketDataStore market) {
        Map<Symbol, List<Candle>> out = new TreeMap<>();
        Map<String, Object> counts = new TreeMap<>();
        long total = 0;
        for (Symbol s : ctx.config().symbols()) {
            if (ctx.stop().stopped()) {
                break;
            }
            List<Candle> list = market.candles(s, settings.interval(), settings.range());
            counts.put(s.value(), list.size());
            total += list.size();
            if (!list.isEmpty()) {
                out.put(s, list);
            }
        }
        ctx.telemetry()
                .send(
                        "loading",
                        "read "
                                + total
                                + " "
                                + settings.interval().code()
                                + " candles of "
                                + out.size()
                                + "/"
                                + ctx.config().symbols().size()
                                + " symbols",
                        0,
                        null,
                        Map.of("candles_per_symbol", counts));
        return out;
    }
}
