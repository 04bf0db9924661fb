package io.streamforge.store.arango;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The coverage-ledger statements of {@link Aql} for {@link FakeAql} (a test fake, NOT ArangoDB):
 * range filters on the key attributes with AQL comparison semantics (type order null < bool <
 * number < string; {@code ==} compares type and value), the optional status filter {@code
 * (LENGTH(@statuses) == 0 OR d.status IN @statuses)}, {@code COLLECT} of distinct keys, {@code
 * REMOVE} by key (a missing key fails with 404/1202 like ArangoDB without {@code ignoreErrors}) and
 * {@code INSERT} (an existing key fails with 409/1210, unique constraint; nothing of the statement
 * is applied then). Returns {@code null} for a statement it does not know.
 */
final class FakeCoverageAql {
    private static final String KEY_FILTER =
            "FOR (\\w+) IN @@coll FILTER \\1\\.symbol == @symbol AND \\1\\.stream == @stream AND"
                    + " \\1\\.interval == @interval";
    private static final Pattern OVERLAPPING =
            Pattern.compile(
                    KEY_FILTER
                            + " AND \\1\\.start_us < @endUs AND \\1\\.end_us > @startUs( AND"
                            + " \\(LENGTH\\(@statuses\\) == 0 OR \\1\\.status IN @statuses\\))?"
                            + " RETURN \\1");
    private static final Pattern TOUCHING =
            Pattern.compile(
                    KEY_FILTER
                            + " AND \\1\\.source == @source AND \\1\\.queue_id == @queueId AND"
                            + " \\1\\.start_us <= @endUs AND \\1\\.end_us >= @startUs RETURN \\1");
    private static final Pattern OF_QUEUE =
            Pattern.compile("FOR (\\w+) IN @@coll FILTER \\1\\.queue_id == @queueId RETURN \\1");
    private static final Pattern KEYS =
            Pattern.compile(
                    "FOR (\\w+) IN @@coll COLLECT symbol = \\1\\.symbol, stream = \\1\\.stream,"
                            + " interval = \\1\\.interval RETURN \\{ symbol, stream, interval \\}");
    private static final Pattern REMOVE =
            Pattern.compile("FOR (\\w+) IN @keys REMOVE \\1 IN @@coll");
    private static final Pattern INSERT =
            Pattern.compile("FOR (\\w+) IN @docs INSERT \\1 IN @@coll");
    private static final List<String> KEY_ATTRS = List.of("symbol", "stream", "interval");

    private FakeCoverageAql() {}

    /** Runs a coverage statement, or returns null when {@code query} is not one. */
    static List<JsonNode> run(FakeAql aql, String query, ObjectNode bind, FakeArangoData.Tx tx) {
        Matcher m;
        if ((m = OVERLAPPING.matcher(query)).matches()) {
            boolean byStatus = m.group(2) != null;
            return select(
                    aql.readable(bind, tx),
                    d ->
                            sameKey(d, bind)
                                    && compare(d.get("start_us"), bind.get("endUs")) < 0
                                    && compare(d.get("end_us"), bind.get("startUs")) > 0
                                    && (!byStatus || statusIn(d, bind.get("statuses"))));
        }
        if (TOUCHING.matcher(query).matches()) {
            return select(
                    aql.readable(bind, tx),
                    d ->
                            sameKey(d, bind)
                                    && eq(d.get("source"), bind.get("source"))
                                    && eq(d.get("queue_id"), bind.get("queueId"))
                                    && compare(d.get("start_us"), bind.get("endUs")) <= 0
                                    && compare(d.get("end_us"), bind.get("startUs")) >= 0);
        }
        if (OF_QUEUE.matcher(query).matches()) {
            return select(aql.readable(bind, tx), d -> eq(d.get("queue_id"), bind.get("queueId")));
        }
        if (KEYS.matcher(query).matches()) {
            return distinctKeys(aql.readable(bind, tx));
        }
        if (REMOVE.matcher(query).matches()) {
            return remove(aql.writable(bind, tx), bind.get("keys"));
        }
        if (INSERT.matcher(query).matches()) {
            return insert(aql, aql.writable(bind, tx), bind.get("docs"));
        }
        return null;
    }

    private interface Filter {
        boolean test(ObjectNode d);
    }

    private static List<JsonNode> select(FakeArangoData.Coll c, Filter filter) {
        List<JsonNode> out = new ArrayList<>();
        for (ObjectNode d : c.docs.values()) {
            if (filter.test(d)) {
                out.add(d);
            }
        }
        return out;
    }

    private static boolean sameKey(ObjectNode d, ObjectNode bind) {
        for (String attr : KEY_ATTRS) {
            if (!eq(d.get(attr), bind.get(attr))) {
                return false;
            }
        }
        return true;
    }

    private static boolean statusIn(ObjectNode d, JsonNode statuses) {
        if (statuses == null || !statuses.isArray()) {
            throw new FakeAql.Failure(400, 1563, "AQL: LENGTH/IN: @statuses is not an array");
        }
        if (statuses.isEmpty()) {
            return true;
        }
        for (JsonNode s : statuses) {
            if (eq(d.get("status"), s)) {
                return true;
            }
        }
        return false;
    }

    /** AQL {@code ==}: same type and value; a missing attribute is null. */
    static boolean eq(JsonNode a, JsonNode b) {
        return compare(a, b) == 0;
    }

    /** AQL comparison: type order null < bool < number < string, then the value. */
    static int compare(JsonNode a, JsonNode b) {
        JsonNode x = a == null ? NullNode.getInstance() : a;
        JsonNode y = b == null ? NullNode.getInstance() : b;
        int byType = Integer.compare(rank(x), rank(y));
        if (byType != 0) {
            return byType;
        }
        if (x.isNumber()) {
            return x.isIntegralNumber() && y.isIntegralNumber()
                    ? Long.compare(x.asLong(), y.asLong())
                    : Double.compare(x.asDouble(), y.asDouble());
        }
        if (x.isBoolean()) {
            return Boolean.compare(x.asBoolean(), y.asBoolean());
        }
        if (x.isTextual()) {
            return x.asText().compareTo(y.asText());
        }
        if (x.isNull()) {
            return 0;
        }
        throw new FakeAql.Failure(400, 1501, "fake compares scalars only, got " + x);
    }

    private static int rank(JsonNode n) {
        if (n.isNull()) {
            return 0;
        }
        if (n.isBoolean()) {
            return 1;
        }
        if (n.isNumber()) {
            return 2;
        }
        return n.isTextual() ? 3 : 4;
    }

    private static List<JsonNode> distinctKeys(FakeArangoData.Coll c) {
        Map<String, JsonNode> groups = new LinkedHashMap<>();
        for (ObjectNode d : c.docs.values()) {
            ObjectNode g = JsonNodeFactory.instance.objectNode();
            for (String attr : KEY_ATTRS) {
                g.set(attr, d.get(attr) == null ? NullNode.getInstance() : d.get(attr));
            }
            groups.putIfAbsent(g.toString(), g);
        }
        return new ArrayList<>(groups.values());
    }

    private static synchronized List<JsonNode> remove(FakeArangoData.Coll c, JsonNode keys) {
        if (keys == null || !keys.isArray()) {
            throw new FakeAql.Failure(400, 1563, "AQL: @keys is not an array");
        }
        for (JsonNode k : keys) {
            if (!k.isTextual() || !c.docs.containsKey(k.asText())) {
                throw new FakeAql.Failure(404, 1202, "document not found: " + k);
            }
        }
        keys.forEach(k -> c.docs.remove(k.asText()));
        return List.of();
    }

    private static synchronized List<JsonNode> insert(
            FakeAql aql, FakeArangoData.Coll c, JsonNode docs) {
        if (docs == null || !docs.isArray()) {
            throw new FakeAql.Failure(400, 1563, "AQL: @docs is not an array");
        }
        Set<String> seen = new HashSet<>();
        for (JsonNode d : docs) {
            String key = d.path("_key").asText("");
            aql.checkDocument(c, d);
            if (c.docs.containsKey(key) || !seen.add(key)) {
                throw new FakeAql.Failure(
                        409, 1210, "unique constraint violated - in index primary: " + key);
            }
        }
        docs.forEach(d -> aql.store(c, (ObjectNode) d));
        return List.of();
    }
}
