package io.streamforge.store.arango;

import io.streamforge.domain.TimeRange;
import io.streamforge.domain.coverage.CoverageKey;
import io.streamforge.domain.coverage.Gap;
import io.streamforge.domain.coverage.GapStatus;
import io.streamforge.domain.coverage.LedgerRules;
import io.streamforge.domain.coverage.Received;
import io.streamforge.domain.port.CoverageLedger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * {@link CoverageLedger} on ArangoDB: collections {@code coverage_received} and {@code
 * coverage_gaps} ({@link CoverageDocs}). Each write call is one stream transaction holding an
 * exclusive lock on the one collection it writes, so two writers never interleave (ArangoDB has no
 * per-key advisory lock; the exclusive collection lock takes its place). Inside it, per range: read
 * the stored entries the rule needs ({@link Aql#COVERAGE_TOUCHING} / {@link
 * Aql#COVERAGE_OVERLAPPING}), ask {@link LedgerRules} for the change, remove the replaced documents
 * by key and insert the new ones; an empty change writes nothing. Reads are sorted in Java with
 * {@link LedgerRules#RECEIVED_ORDER} / {@link LedgerRules#GAP_ORDER} (enum order, not AQL
 * collation), like every other adapter.
 */
public final class ArangoCoverageLedger implements CoverageLedger {
    private static final String RECEIVED = ArangoSchema.COVERAGE_RECEIVED;
    private static final String GAPS = ArangoSchema.COVERAGE_GAPS;

    private final ArangoClient client;

    ArangoCoverageLedger(ArangoClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public void record(Collection<Received> batch) {
        LedgerRules.checkBatch(batch, "received");
        if (batch.isEmpty()) {
            return;
        }
        List<Received> merged = LedgerRules.coalesce(batch);
        client.inTransaction(
                "record of " + batch.size() + " received range(s)",
                new String[0],
                new String[] {RECEIVED},
                tx -> {
                    for (Received r : merged) {
                        Map<String, Object> bind = rangeBind(RECEIVED, r.key(), r.range());
                        bind.put("source", r.source().wire());
                        bind.put("queueId", r.queueId());
                        List<Received> touching =
                                read(Aql.COVERAGE_TOUCHING, bind, tx, CoverageDocs::toReceived);
                        LedgerRules.Change<Received> change = LedgerRules.absorb(touching, r);
                        apply(RECEIVED, change, CoverageDocs::received, tx);
                    }
                    return null;
                });
    }

    @Override
    public void recordGaps(Collection<Gap> batch) {
        LedgerRules.checkBatch(batch, "gaps");
        if (batch.isEmpty()) {
            return;
        }
        List<Gap> gaps = List.copyOf(batch);
        client.inTransaction(
                "record of " + batch.size() + " gap(s)",
                new String[0],
                new String[] {GAPS},
                tx -> {
                    for (Gap g : gaps) {
                        Map<String, Object> bind = rangeBind(GAPS, g.key(), g.range());
                        List<Gap> overlapping =
                                read(Aql.COVERAGE_OVERLAPPING, bind, tx, CoverageDocs::toGap);
                        LedgerRules.Change<Gap> change = LedgerRules.paint(overlapping, g);
                        apply(GAPS, change, CoverageDocs::gap, tx);
                    }
                    return null;
                });
    }

    private <T> void apply(
            String coll,
            LedgerRules.Change<T> change,
            Function<T, Map<String, Object>> toDoc,
            String tx) {
        if (change.isEmpty()) {
            return;
        }
        List<String> keys = new ArrayList<>();
        change.removed().forEach(t -> keys.add((String) toDoc.apply(t).get("_key")));
        if (!keys.isEmpty()) {
            Map<String, Object> bind = new HashMap<>();
            bind.put("@coll", coll);
            bind.put("keys", keys);
            client.query("remove from " + coll, Aql.REMOVE_KEYS, bind, Void.class, tx);
        }
        List<Map<String, Object>> docs = new ArrayList<>();
        change.added().forEach(t -> docs.add(toDoc.apply(t)));
        Map<String, Object> bind = new HashMap<>();
        bind.put("@coll", coll);
        bind.put("docs", docs);
        client.query("insert into " + coll, Aql.INSERT, bind, Void.class, tx);
    }

    private static Map<String, Object> rangeBind(String coll, CoverageKey key, TimeRange range) {
        Map<String, Object> bind = CoverageDocs.keyBind(key);
        bind.put("@coll", coll);
        bind.put("startUs", range.startUs());
        bind.put("endUs", range.endUs());
        return bind;
    }

    private <T> List<T> read(
            String aql, Map<String, Object> bind, String tx, Function<Map<String, Object>, T> map) {
        List<T> out = new ArrayList<>();
        for (Map<String, Object> d :
                client.documents("read of " + bind.get("@coll"), aql, bind, tx)) {
            out.add(map.apply(d));
        }
        return out;
    }

    @Override
    public List<Received> received(CoverageKey key, TimeRange range) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(range, "range");
        List<Received> out =
                read(
                        Aql.COVERAGE_OVERLAPPING,
                        rangeBind(RECEIVED, key, range),
                        null,
                        CoverageDocs::toReceived);
        out.sort(LedgerRules.RECEIVED_ORDER);
        return out;
    }

    @Override
    public List<Gap> gaps(CoverageKey key, TimeRange range, Set<GapStatus> statuses) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(statuses, "statuses");
        Map<String, Object> bind = rangeBind(GAPS, key, range);
        bind.put("statuses", statuses.stream().map(GapStatus::wire).sorted().toList());
        List<Gap> out = read(Aql.COVERAGE_GAPS, bind, null, CoverageDocs::toGap);
        out.sort(LedgerRules.GAP_ORDER);
        return out;
    }

    @Override
    public List<CoverageKey> keys() {
        TreeSet<CoverageKey> keys = new TreeSet<>();
        for (String coll : List.of(RECEIVED, GAPS)) {
            Map<String, Object> bind = new HashMap<>();
            bind.put("@coll", coll);
            client.documents("read of keys of " + coll, Aql.COVERAGE_KEYS, bind, null)
                    .forEach(d -> keys.add(CoverageDocs.key(d)));
        }
        return List.copyOf(keys);
    }

    @Override
    public List<Received> receivedOfQueue(String queueId) {
        List<Received> out =
                read(
                        Aql.COVERAGE_OF_QUEUE,
                        queueBind(RECEIVED, queueId),
                        null,
                        CoverageDocs::toReceived);
        out.sort(LedgerRules.RECEIVED_ORDER);
        return out;
    }

    @Override
    public List<Gap> gapsOfQueue(String queueId) {
        List<Gap> out =
                read(Aql.COVERAGE_OF_QUEUE, queueBind(GAPS, queueId), null, CoverageDocs::toGap);
        out.sort(LedgerRules.GAP_ORDER);
        return out;
    }

    private static Map<String, Object> queueBind(String coll, String queueId) {
        Objects.requireNonNull(queueId, "queueId");
        Map<String, Object> bind = new HashMap<>();
        bind.put("@coll", coll);
        bind.put("queueId", queueId);
        return bind;
    }
}
