package io.streamforge.store.arango;

/**
 * Every AQL statement the adapters send. Collections are bound as {@code @@coll}, values as bind
 * variables, so the texts are constant (the query plan cache can reuse them) and nothing is ever
 * concatenated into a query.
 */
public final class Aql {
    private Aql() {}

    /**
     * Idempotent batched upsert by {@code _key}: the document is inserted, or the stored one is
     * replaced completely (a later version of a key replaces the earlier one). Callers de-duplicate
     * keys within {@code @docs} (last wins), so the statement never meets its own writes.
     */
    public static final String UPSERT =
            "FOR d IN @docs UPSERT { _key: d._key } INSERT d REPLACE d IN @@coll";

    /** Candles of one symbol and interval, half-open open-time range, by open time. */
    public static final String CANDLES =
            "FOR d IN @@coll FILTER d.symbol == @symbol AND d.interval == @interval"
                    + " AND d.open_time_us >= @startUs AND d.open_time_us < @endUs"
                    + " SORT d.open_time_us RETURN d";

    /** AggTrades of one symbol, half-open time range, by agg id. */
    public static final String AGG_TRADES =
            "FOR d IN @@coll FILTER d.symbol == @symbol"
                    + " AND d.time_us >= @startUs AND d.time_us < @endUs SORT d.agg_id RETURN d";

    /** Trades of one symbol, half-open time range, by trade id. */
    public static final String TRADES =
            "FOR d IN @@coll FILTER d.symbol == @symbol"
                    + " AND d.time_us >= @startUs AND d.time_us < @endUs SORT d.trade_id RETURN d";

    /** Values of one indicator of one symbol and interval, half-open open-time range, by time. */
    public static final String INDICATOR_VALUES =
            "FOR d IN @@coll FILTER d.symbol == @symbol AND d.interval == @interval"
                    + " AND d.name == @name AND d.open_time_us >= @startUs AND d.open_time_us < @endUs"
                    + " SORT d.open_time_us RETURN d";

    /** The distinct indicator names of one symbol and interval (sorted by the caller). */
    public static final String INDICATOR_NAMES =
            "FOR d IN @@coll FILTER d.symbol == @symbol AND d.interval == @interval"
                    + " COLLECT name = d.name RETURN name";

    /** Number of documents of one symbol. */
    public static final String COUNT =
            "FOR d IN @@coll FILTER d.symbol == @symbol COLLECT WITH COUNT INTO n RETURN n";

    /** One document by key (empty result when missing). */
    public static final String BY_KEY = "FOR d IN @@coll FILTER d._key == @key RETURN d";

    /** The edges of one stored graph. */
    public static final String EDGES_OF =
            "FOR d IN @@coll FILTER d.collection == @collection RETURN d";

    /** Removes the edges of one graph whose keys are not in {@code @keep}. */
    public static final String PRUNE_EDGES =
            "FOR d IN @@coll FILTER d.collection == @collection AND d._key NOT IN @keep"
                    + " REMOVE d IN @@coll";

    /** All document keys of a collection. */
    public static final String KEYS = "FOR d IN @@coll SORT d._key RETURN d._key";

    /**
     * Coverage entries of one key in the half-open range, overlapping it (read of received ranges;
     * write path of gaps: the stored gaps a new gap paints over).
     */
    public static final String COVERAGE_OVERLAPPING =
            "FOR d IN @@coll FILTER d.symbol == @symbol AND d.stream == @stream"
                    + " AND d.interval == @interval AND d.start_us < @endUs AND d.end_us > @startUs"
                    + " RETURN d";

    /** Gaps of one key overlapping the range whose status is in {@code @statuses} ([] = all). */
    public static final String COVERAGE_GAPS =
            "FOR d IN @@coll FILTER d.symbol == @symbol AND d.stream == @stream"
                    + " AND d.interval == @interval AND d.start_us < @endUs AND d.end_us > @startUs"
                    + " AND (LENGTH(@statuses) == 0 OR d.status IN @statuses) RETURN d";

    /** Received ranges of one key, source and queue that overlap or touch the range. */
    public static final String COVERAGE_TOUCHING =
            "FOR d IN @@coll FILTER d.symbol == @symbol AND d.stream == @stream"
                    + " AND d.interval == @interval AND d.source == @source"
                    + " AND d.queue_id == @queueId AND d.start_us <= @endUs AND d.end_us >= @startUs"
                    + " RETURN d";

    /** Coverage entries written (received) or last set (gaps) by one queue. */
    public static final String COVERAGE_OF_QUEUE =
            "FOR d IN @@coll FILTER d.queue_id == @queueId RETURN d";

    /** The distinct coverage keys of a collection. */
    public static final String COVERAGE_KEYS =
            "FOR d IN @@coll COLLECT symbol = d.symbol, stream = d.stream, interval = d.interval"
                    + " RETURN { symbol, stream, interval }";

    /** Removes documents by key (each must exist: the caller read them in the same transaction). */
    public static final String REMOVE_KEYS = "FOR k IN @keys REMOVE k IN @@coll";

    /** Inserts new documents (a key that exists fails the statement with 1210). */
    public static final String INSERT = "FOR d IN @docs INSERT d IN @@coll";

    /** Documents whose {@code queue_id} is in {@code @ids} (index on {@code queue_id}). */
    public static final String QUEUE_DOCS = "FOR d IN @@coll FILTER d.queue_id IN @ids RETURN d";

    /** All documents of a collection. */
    public static final String ALL = "FOR d IN @@coll RETURN d";

    /** The distinct queue ids of the documents whose status is in {@code @open} (index). */
    public static final String QUEUE_IDS_OPEN =
            "FOR d IN @@coll FILTER d.status IN @open RETURN DISTINCT d.queue_id";

    /** Sets a step's state unless it is terminal. */
    public static final String STEP_STATE =
            "FOR d IN @@coll FILTER d._key == @key AND d.status NOT IN @terminal"
                    + " UPDATE { _key: d._key, status: @status, records_written: @records,"
                    + " message: @message, updated_at_us: @atUs } IN @@coll RETURN true";

    /** Applies telemetry unless the step is terminal or a later event was applied. */
    public static final String STEP_TELEMETRY =
            "FOR d IN @@coll FILTER d._key == @key AND d.status NOT IN @terminal"
                    + " AND d.last_event_us <= @eventUs"
                    + " UPDATE { _key: d._key, status: @status, records_written: @records,"
                    + " message: @message, updated_at_us: @atUs, last_event_us: @eventUs }"
                    + " IN @@coll RETURN true";

    /** Claims attempt {@code @attempt}: only a non-terminal step on a lower attempt. */
    public static final String STEP_CLAIM =
            "FOR d IN @@coll FILTER d._key == @key AND d.status NOT IN @terminal"
                    + " AND d.attempt < @attempt"
                    + " UPDATE { _key: d._key, attempt: @attempt, launch_state: \"launching\","
                    + " updated_at_us: @atUs } IN @@coll RETURN true";

    /** Marks the claimed attempt {@code @attempt} launched. */
    public static final String STEP_LAUNCHED =
            "FOR d IN @@coll FILTER d._key == @key AND d.attempt == @attempt"
                    + " AND d.launch_state == \"launching\""
                    + " UPDATE { _key: d._key, launch_state: \"launched\", updated_at_us: @atUs }"
                    + " IN @@coll RETURN true";

    /** Marks a claimed or launched, non-terminal step stopping. */
    public static final String STEP_STOPPING =
            "FOR d IN @@coll FILTER d._key == @key AND d.status NOT IN @terminal"
                    + " AND d.launch_state IN [\"launching\", \"launched\"]"
                    + " UPDATE { _key: d._key, launch_state: \"stopping\", updated_at_us: @atUs }"
                    + " IN @@coll RETURN true";

    /** Sets a queue's state unless it is terminal. */
    public static final String QUEUE_STATE =
            "FOR d IN @@coll FILTER d._key == @key AND d.status NOT IN @terminal"
                    + " UPDATE { _key: d._key, status: @status, updated_at_us: @atUs }"
                    + " IN @@coll RETURN true";

    /** Reopens an ended queue ({@code @resumable} states) as {@code @status}. */
    public static final String QUEUE_REOPEN =
            "FOR d IN @@coll FILTER d._key == @key AND d.status IN @resumable"
                    + " UPDATE { _key: d._key, status: @status, updated_at_us: @atUs }"
                    + " IN @@coll RETURN true";

    /** Resets the steps of a queue that did not finish to a new, unlaunched attempt. */
    public static final String STEPS_REOPEN =
            "FOR d IN @@coll FILTER d.queue_id IN @ids AND d.status NOT IN @done"
                    + " UPDATE { _key: d._key, status: @status, records_written: @records,"
                    + " message: @message, launch_state: @launch, updated_at_us: @atUs }"
                    + " IN @@coll RETURN true";
}
