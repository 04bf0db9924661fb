package io.streamforge.store.arango;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Executes the AQL statements the adapters send — and only those. Each statement shape is matched
 * structurally (a regular expression over the exact text, with the loop variable, the filtered
 * attributes and the sort attribute captured) and executed on {@link FakeArangoData} with AQL's
 * semantics for that shape. Anything else is answered like ArangoDB answers a bad query (HTTP 400,
 * errorNum 1501), so a changed statement fails the tests instead of silently passing. Bind
 * variables are checked like ArangoDB checks them (1551 missing, 1552 unused), {@code @@coll} must
 * name an existing collection (404, 1203), writes inside a stream transaction must be to a declared
 * collection (400, 1652), document keys must be valid (400, 1221) and edges need {@code _from} /
 * {@code _to} (400, 1233). Part of the test fake — NOT ArangoDB.
 */
final class FakeAql {
    /** An error answer: HTTP status, ArangoDB errorNum, message. */
    static final class Failure extends RuntimeException {
        final int status;
        final int errorNum;

        Failure(int status, int errorNum, String message) {
            super(message);
            this.status = status;
            this.errorNum = errorNum;
        }
    }

    private static final Pattern KEY = Pattern.compile("[a-zA-Z0-9_\\-:.@()+,=;$!*'%]{1,254}");
    private static final Pattern HANDLE = Pattern.compile("[a-zA-Z0-9_-]+/" + KEY.pattern());
    private static final Pattern UPSERT =
            Pattern.compile(
                    "FOR (\\w+) IN @docs UPSERT \\{ _key: \\1\\._key \\} INSERT \\1 REPLACE \\1"
                            + " IN @@coll");
    private static final Pattern RANGE =
            Pattern.compile(
                    "FOR (\\w+) IN @@coll FILTER \\1\\.symbol == @symbol( AND \\1\\.interval =="
                            + " @interval)?( AND \\1\\.name == @name)? AND \\1\\.(\\w+) >= @startUs"
                            + " AND \\1\\.\\4 < @endUs SORT \\1\\.(\\w+) RETURN \\1");
    private static final Pattern NAMES =
            Pattern.compile(
                    "FOR (\\w+) IN @@coll FILTER \\1\\.symbol == @symbol AND \\1\\.interval =="
                            + " @interval COLLECT (\\w+) = \\1\\.name RETURN \\2");
    private static final Pattern COUNT =
            Pattern.compile(
                    "FOR (\\w+) IN @@coll FILTER \\1\\.symbol == @symbol COLLECT WITH COUNT INTO"
                            + " (\\w+) RETURN \\2");
    private static final Pattern EQUALS =
            Pattern.compile(
                    "FOR (\\w+) IN @@coll FILTER \\1\\.(_key|collection) == @(\\w+) RETURN \\1");
    private static final Pattern PRUNE =
            Pattern.compile(
                    "FOR (\\w+) IN @@coll FILTER \\1\\.collection == @collection AND \\1\\._key NOT"
                            + " IN @keep REMOVE \\1 IN @@coll");
    private static final Pattern KEYS =
            Pattern.compile("FOR (\\w+) IN @@coll SORT \\1\\._key RETURN \\1\\._key");
    private static final Pattern BIND = Pattern.compile("@(@?\\w+)");

    private final FakeArangoData data;
    private long nextRev = 1;

    FakeAql(FakeArangoData data) {
        this.data = data;
    }

    /** Runs {@code query} with {@code bind}, inside {@code tx} when not null; returns the rows. */
    List<JsonNode> run(String query, ObjectNode bind, FakeArangoData.Tx tx) {
        checkBindVars(query, bind);
        Matcher m;
        if ((m = UPSERT.matcher(query)).matches()) {
            return upsert(writable(bind, tx), bind.get("docs"));
        }
        if ((m = RANGE.matcher(query)).matches()) {
            return range(
                    readable(bind, tx),
                    bind,
                    m.group(2) != null,
                    m.group(3) != null,
                    m.group(4),
                    m.group(5));
        }
        if ((m = NAMES.matcher(query)).matches()) {
            return names(readable(bind, tx), bind);
        }
        if ((m = COUNT.matcher(query)).matches()) {
            String symbol = bind.get("symbol").asText();
            long n =
                    readable(bind, tx).docs.values().stream()
                            .filter(d -> symbol.equals(d.path("symbol").asText(null)))
                            .count();
            return List.of(LongNode.valueOf(n));
        }
        if ((m = EQUALS.matcher(query)).matches()) {
            JsonNode value = bind.get(m.group(3));
            String attr = m.group(2);
            List<JsonNode> out = new ArrayList<>();
            readable(bind, tx).docs.values().stream()
                    .filter(d -> value.equals(d.get(attr)))
                    .forEach(out::add);
            return out;
        }
        if ((m = PRUNE.matcher(query)).matches()) {
            return prune(writable(bind, tx), bind.get("collection"), bind.get("keep"));
        }
        if ((m = KEYS.matcher(query)).matches()) {
            List<JsonNode> out = new ArrayList<>();
            new TreeSet<>(readable(bind, tx).docs.keySet())
                    .forEach(k -> out.add(TextNode.valueOf(k)));
            return out;
        }
        List<JsonNode> coverage = FakeCoverageAql.run(this, query, bind, tx);
        if (coverage != null) {
            return coverage;
        }
        throw new Failure(
                400, 1501, "AQL: syntax error or statement unknown to the fake: " + query);
    }

    private static void checkBindVars(String query, ObjectNode bind) {
        Set<String> declared = new HashSet<>();
        Matcher m = BIND.matcher(query);
        while (m.find()) {
            declared.add(m.group(1));
        }
        for (String name : declared) {
            if (!bind.has(name)) {
                throw new Failure(
                        400,
                        1551,
                        "AQL: no value specified for declared bind parameter '" + name + "'");
            }
        }
        for (Iterator<String> it = bind.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!declared.contains(name)) {
                throw new Failure(
                        400,
                        1552,
                        "AQL: bind parameter '" + name + "' was not declared in the query");
            }
        }
    }

    FakeArangoData.Coll readable(ObjectNode bind, FakeArangoData.Tx tx) {
        String name = bind.get("@coll").asText();
        if (tx != null && tx.staged.containsKey(name)) {
            return tx.staged.get(name);
        }
        FakeArangoData.Coll c = data.collection(name);
        if (c == null) {
            throw new Failure(404, 1203, "AQL: collection or view not found: " + name);
        }
        return c;
    }

    FakeArangoData.Coll writable(ObjectNode bind, FakeArangoData.Tx tx) {
        String name = bind.get("@coll").asText();
        FakeArangoData.Coll c = readable(bind, tx);
        if (tx != null && !tx.writable.contains(name)) {
            throw new Failure(
                    400,
                    1652,
                    "collection '" + name + "' not declared for writing in transaction " + tx.id);
        }
        return c;
    }

    private synchronized List<JsonNode> upsert(FakeArangoData.Coll c, JsonNode docs) {
        if (docs == null || !docs.isArray()) {
            throw new Failure(400, 1563, "AQL: @docs is not an array");
        }
        for (JsonNode d : docs) {
            checkDocument(c, d);
        }
        for (JsonNode d : docs) {
            store(c, (ObjectNode) d); // INSERT when missing, REPLACE when present
        }
        return List.of();
    }

    /** A document must be an object with a valid {@code _key}; edges need {@code _from/_to}. */
    void checkDocument(FakeArangoData.Coll c, JsonNode d) {
        String key = d.path("_key").asText("");
        if (!d.isObject() || !KEY.matcher(key).matches()) {
            throw new Failure(400, 1221, "illegal document key: '" + key + "'");
        }
        if (c.type == 3
                && !(HANDLE.matcher(d.path("_from").asText("")).matches()
                        && HANDLE.matcher(d.path("_to").asText("")).matches())) {
            throw new Failure(400, 1233, "edge attribute missing or invalid in " + key);
        }
    }

    /** Stores a copy of {@code d} with {@code _id} and a new {@code _rev}. */
    synchronized void store(FakeArangoData.Coll c, ObjectNode d) {
        ObjectNode stored = d.deepCopy();
        String key = stored.get("_key").asText();
        stored.put("_id", c.name + "/" + key);
        stored.put("_rev", "r" + nextRev++);
        c.docs.put(key, stored);
    }

    private static List<JsonNode> range(
            FakeArangoData.Coll c,
            ObjectNode bind,
            boolean byInterval,
            boolean byName,
            String timeAttr,
            String sortAttr) {
        String symbol = bind.get("symbol").asText();
        String interval = byInterval ? bind.get("interval").asText() : null;
        String name = byName ? bind.get("name").asText() : null;
        long start = bind.get("startUs").asLong();
        long end = bind.get("endUs").asLong();
        List<JsonNode> out = new ArrayList<>();
        for (ObjectNode d : c.docs.values()) {
            long t = d.path(timeAttr).asLong();
            if (symbol.equals(d.path("symbol").asText(null))
                    && (interval == null || interval.equals(d.path("interval").asText(null)))
                    && (name == null || name.equals(d.path("name").asText(null)))
                    && d.path(timeAttr).isIntegralNumber()
                    && t >= start
                    && t < end) {
                out.add(d);
            }
        }
        out.sort(Comparator.comparingLong(d -> d.path(sortAttr).asLong()));
        return out;
    }

    /** {@code COLLECT name = d.name}: distinct values in AQL's sort order (strings here). */
    private static List<JsonNode> names(FakeArangoData.Coll c, ObjectNode bind) {
        String symbol = bind.get("symbol").asText();
        String interval = bind.get("interval").asText();
        TreeSet<String> names = new TreeSet<>();
        for (ObjectNode d : c.docs.values()) {
            if (symbol.equals(d.path("symbol").asText(null))
                    && interval.equals(d.path("interval").asText(null))) {
                names.add(d.path("name").asText());
            }
        }
        List<JsonNode> out = new ArrayList<>();
        names.forEach(n -> out.add(TextNode.valueOf(n)));
        return out;
    }

    private synchronized List<JsonNode> prune(
            FakeArangoData.Coll c, JsonNode collection, JsonNode keep) {
        Set<String> kept = new HashSet<>();
        keep.forEach(k -> kept.add(k.asText()));
        c.docs.values()
                .removeIf(
                        d ->
                                collection.equals(d.get("collection"))
                                        && !kept.contains(d.get("_key").asText()));
        return List.of();
    }
}
