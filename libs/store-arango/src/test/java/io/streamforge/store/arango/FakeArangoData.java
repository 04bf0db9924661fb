package io.streamforge.store.arango;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The in-memory data of one fake database: collections of documents by {@code _key}, and stream
 * transactions. A transaction locks the collections it declares for writing (ArangoDB's exclusive
 * lock: other writers wait), works on private copies of them and publishes the copies on commit;
 * abort drops them. Reads outside a transaction see committed data only. Part of the test fake —
 * NOT ArangoDB (no server can run here).
 */
final class FakeArangoData {
    /** A collection: type 2 = document, 3 = edge. */
    static final class Coll {
        final String name;
        final int type;
        final Map<String, ObjectNode> docs;

        Coll(String name, int type, Map<String, ObjectNode> docs) {
            this.name = name;
            this.type = type;
            this.docs = docs;
        }

        Coll copy() {
            Map<String, ObjectNode> c = new LinkedHashMap<>();
            docs.forEach((k, v) -> c.put(k, v.deepCopy()));
            return new Coll(name, type, c);
        }
    }

    /** A running stream transaction. */
    static final class Tx {
        final String id;
        final TreeSet<String> writable;
        final Map<String, Coll> staged = new HashMap<>();
        volatile long lastUsedNanos = System.nanoTime();

        Tx(String id, TreeSet<String> writable) {
            this.id = id;
            this.writable = writable;
        }
    }

    final Map<String, Coll> committed = new LinkedHashMap<>();
    final Map<String, List<List<String>>> indexes = new HashMap<>();
    final Map<String, JsonNode> graphs = new LinkedHashMap<>();
    private final Map<String, Semaphore> locks = new HashMap<>();
    private final Map<String, Tx> transactions = new HashMap<>();
    private long nextTx = 1000;

    synchronized Coll collection(String name) {
        return committed.get(name);
    }

    /**
     * ArangoDB aborts a stream transaction idle this long ({@code
     * --transaction.streaming-idle-timeout}, 60 s by default), releasing its locks: a client that
     * died mid-transaction blocks the other writers that long, not forever.
     */
    volatile long idleTimeoutMs = 60_000;

    /** How long {@link #begin} waits for a lock. */
    volatile long lockWaitMs = 30_000;

    /**
     * Begins a transaction, waiting up to {@link #lockWaitMs} for the write locks (sorted: no
     * deadlock between fakes); idle transactions are aborted while it waits, and a timeout releases
     * what it held.
     */
    Tx begin(TreeSet<String> writable) throws InterruptedException {
        List<String> held = new java.util.ArrayList<>();
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(lockWaitMs);
        for (String name : writable) {
            while (!lock(name).tryAcquire(50, TimeUnit.MILLISECONDS)) {
                abortIdle();
                if (System.nanoTime() > end) {
                    held.forEach(h -> lock(h).release());
                    throw new IllegalStateException("lock timeout on " + name);
                }
            }
            held.add(name);
        }
        synchronized (this) {
            Tx tx = new Tx(String.valueOf(nextTx++), writable);
            for (String name : writable) {
                tx.staged.put(name, committed.get(name).copy());
            }
            transactions.put(tx.id, tx);
            return tx;
        }
    }

    synchronized Tx transaction(String id) {
        Tx tx = transactions.get(id);
        if (tx != null) {
            tx.lastUsedNanos = System.nanoTime();
        }
        return tx;
    }

    /** Aborts every transaction idle longer than {@link #idleTimeoutMs}. */
    void abortIdle() {
        long now = System.nanoTime();
        List<String> idle = new java.util.ArrayList<>();
        synchronized (this) {
            for (Tx tx : transactions.values()) {
                if (now - tx.lastUsedNanos > TimeUnit.MILLISECONDS.toNanos(idleTimeoutMs)) {
                    idle.add(tx.id);
                }
            }
        }
        idle.forEach(id -> finish(id, false));
    }

    /** Commits ({@code publish}) or aborts a transaction; false when it is unknown. */
    boolean finish(String id, boolean publish) {
        Tx tx;
        synchronized (this) {
            tx = transactions.remove(id);
            if (tx == null) {
                return false;
            }
            if (publish) {
                committed.putAll(tx.staged);
            }
        }
        for (String name : tx.writable) {
            lock(name).release();
        }
        return true;
    }

    synchronized int openTransactions() {
        return transactions.size();
    }

    private synchronized Semaphore lock(String name) {
        return locks.computeIfAbsent(name, n -> new Semaphore(1));
    }
}
