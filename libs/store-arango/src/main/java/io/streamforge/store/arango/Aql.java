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
}
