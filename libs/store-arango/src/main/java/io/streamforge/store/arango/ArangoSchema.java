package io.streamforge.store.arango;

import com.arangodb.ArangoDBException;
import com.arangodb.ArangoDatabase;
import com.arangodb.entity.CollectionType;
import com.arangodb.entity.EdgeDefinition;
import com.arangodb.model.CollectionCreateOptions;
import com.arangodb.model.PersistentIndexOptions;
import java.util.List;

/**
 * The collections, persistent indexes and the named graph the adapters need, created on start when
 * missing. Creation is idempotent: "already exists" answers (HTTP 409, errorNum 1207 / 1925) are
 * success, and creating an index that exists returns the existing one.
 */
public final class ArangoSchema {
    public static final String CANDLES = "candles";
    public static final String AGG_TRADES = "agg_trades";
    public static final String TRADES = "trades";

    /** Indicator values, keyed by {@code <symbol>:<interval>:<open_time_us>:<name>}. */
    public static final String INDICATORS = "indicators";

    /** One header document per stored graph, keyed by the graph's collection name. */
    public static final String GRAPHS = "graphs";

    /** Vertex collection: one document per asset, keyed by symbol. */
    public static final String ASSETS = "assets";

    /** Edge collection: {@code _from: assets/<a>}, {@code _to: assets/<b>}, a < b. */
    public static final String CORRELATIONS = "correlations";

    /** Coverage ledger: received ranges per key, source and queue (ADR 1301). */
    public static final String COVERAGE_RECEIVED = "coverage_received";

    /** Coverage ledger: gaps per key, never overlapping within a key (ADR 1301). */
    public static final String COVERAGE_GAPS = "coverage_gaps";

    /** Queues (pipelines) of the queue-manager, keyed by a hash of the queue id (ADR 2700). */
    public static final String QUEUES = "queues";

    /** Steps of the queues, keyed by a hash of queue id and telemetry id (ADR 2700). */
    public static final String QUEUE_STEPS = "queue_steps";

    /** The named graph over {@link #ASSETS} and {@link #CORRELATIONS}. */
    public static final String GRAPH = "correlations_graph";

    /** Persistent indexes: collection, then its fields. */
    static final List<List<String>> INDEXES =
            List.of(
                    List.of(CANDLES, "symbol", "interval", "open_time_us"),
                    List.of(AGG_TRADES, "symbol", "agg_id"),
                    List.of(AGG_TRADES, "symbol", "time_us"),
                    List.of(TRADES, "symbol", "trade_id"),
                    List.of(TRADES, "symbol", "time_us"),
                    List.of(INDICATORS, "symbol", "interval", "name", "open_time_us"),
                    List.of(CORRELATIONS, "collection"),
                    List.of(
                            COVERAGE_RECEIVED,
                            "symbol",
                            "stream",
                            "interval",
                            "source",
                            "queue_id",
                            "start_us"),
                    List.of(COVERAGE_RECEIVED, "queue_id"),
                    List.of(COVERAGE_GAPS, "symbol", "stream", "interval", "start_us"),
                    List.of(COVERAGE_GAPS, "queue_id"),
                    List.of(QUEUES, "status"),
                    List.of(QUEUE_STEPS, "queue_id", "position"),
                    List.of(QUEUE_STEPS, "status"));

    private ArangoSchema() {}

    /** Creates whatever of the schema is missing in {@code db} (the database must exist). */
    public static void ensure(ArangoDatabase db) {
        for (String c :
                List.of(
                        CANDLES,
                        AGG_TRADES,
                        TRADES,
                        INDICATORS,
                        GRAPHS,
                        ASSETS,
                        COVERAGE_RECEIVED,
                        COVERAGE_GAPS,
                        QUEUES,
                        QUEUE_STEPS)) {
            collection(db, c, CollectionType.DOCUMENT);
        }
        collection(db, CORRELATIONS, CollectionType.EDGES);
        for (List<String> index : INDEXES) {
            List<String> fields = index.subList(1, index.size());
            try {
                db.collection(index.get(0))
                        .ensurePersistentIndex(fields, new PersistentIndexOptions());
            } catch (ArangoDBException e) {
                throw ArangoErrors.classify("index " + index, e);
            }
        }
        try {
            db.createGraph(
                    GRAPH,
                    List.of(new EdgeDefinition().collection(CORRELATIONS).from(ASSETS).to(ASSETS)));
        } catch (ArangoDBException e) {
            if (!ArangoErrors.isDuplicate(e)) {
                throw ArangoErrors.classify("create graph " + GRAPH, e);
            }
        }
    }

    private static void collection(ArangoDatabase db, String name, CollectionType type) {
        try {
            db.createCollection(name, new CollectionCreateOptions().type(type));
        } catch (ArangoDBException e) {
            if (!ArangoErrors.isDuplicate(e)) {
                throw ArangoErrors.classify("create collection " + name, e);
            }
        }
    }
}
