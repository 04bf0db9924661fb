package io.streamforge.store.arango;

import com.arangodb.ArangoCursor;
import com.arangodb.ArangoDBException;
import com.arangodb.ArangoDatabase;
import com.arangodb.model.AqlQueryOptions;
import com.arangodb.model.StreamTransactionOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The few driver calls the adapters make: AQL reads and writes (optionally inside a stream
 * transaction), batched upserts and stream transactions that commit or abort as a whole. Every
 * {@link ArangoDBException} leaves as {@link io.streamforge.domain.TransientException} or {@link
 * io.streamforge.domain.PermanentException} (see {@link ArangoErrors}).
 */
final class ArangoClient {
    private static final Logger LOG = LoggerFactory.getLogger(ArangoClient.class);

    private final ArangoDatabase db;
    private final int batchSize;

    ArangoClient(ArangoDatabase db, int batchSize) {
        this.db = Objects.requireNonNull(db, "db");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        this.batchSize = batchSize;
    }

    int batchSize() {
        return batchSize;
    }

    /** Runs a query and returns all its results ({@code txId} may be null). */
    @SuppressWarnings("unchecked")
    <T> List<T> query(String what, String aql, Map<String, ?> bind, Class<T> type, String txId) {
        AqlQueryOptions options = new AqlQueryOptions();
        if (txId != null) {
            options.streamTransactionId(txId);
        }
        try (ArangoCursor<T> cursor = db.query(aql, type, bind, options)) {
            return new ArrayList<>(cursor.asListRemaining());
        } catch (ArangoDBException e) {
            throw ArangoErrors.classify(what, e);
        } catch (IOException e) {
            throw ArangoErrors.classify(what, ArangoDBException.of(e));
        }
    }

    /** Reads documents as maps. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> documents(String what, String aql, Map<String, ?> bind, String tx) {
        List<Map> raw = query(what, aql, bind, Map.class, tx);
        List<Map<String, Object>> out = new ArrayList<>(raw.size());
        for (Map m : raw) {
            out.add((Map<String, Object>) m);
        }
        return out;
    }

    /** Upserts {@code docs} (unique {@code _key}s) into {@code collection} in batches. */
    void upsert(String collection, List<Map<String, Object>> docs, String txId) {
        for (int from = 0; from < docs.size(); from += batchSize) {
            List<Map<String, Object>> batch =
                    docs.subList(from, Math.min(docs.size(), from + batchSize));
            Map<String, Object> bind = new HashMap<>();
            bind.put("docs", batch);
            bind.put("@coll", collection);
            query("upsert into " + collection, Aql.UPSERT, bind, Void.class, txId);
        }
    }

    /**
     * Runs {@code body} in a stream transaction that writes {@code write} and locks {@code
     * exclusive} exclusively; commits when it returns, aborts when it throws.
     */
    <R> R inTransaction(String what, String[] write, String[] exclusive, Function<String, R> body) {
        StreamTransactionOptions options =
                new StreamTransactionOptions()
                        .writeCollections(write)
                        .exclusiveCollections(exclusive);
        String id;
        try {
            id = db.beginStreamTransaction(options).getId();
        } catch (ArangoDBException e) {
            throw ArangoErrors.classify("begin transaction for " + what, e);
        }
        R result;
        try {
            result = body.apply(id);
        } catch (RuntimeException e) {
            abort(what, id, e);
            throw e;
        }
        try {
            db.commitStreamTransaction(id);
        } catch (ArangoDBException e) {
            throw ArangoErrors.classify("commit of " + what, e);
        }
        return result;
    }

    private void abort(String what, String id, RuntimeException cause) {
        try {
            db.abortStreamTransaction(id);
        } catch (ArangoDBException e) {
            // the server drops idle stream transactions after their TTL; the cause is what matters
            LOG.warn("abort of transaction {} ({}) failed: {}", id, what, e.getMessage());
            cause.addSuppressed(e);
        }
    }
}
