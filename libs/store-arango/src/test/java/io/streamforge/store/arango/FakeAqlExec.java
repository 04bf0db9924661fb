package io.streamforge.store.arango;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamforge.store.arango.FakeAqlAst.Expr;
import io.streamforge.store.arango.FakeAqlAst.Op;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Executes parsed AQL ({@link FakeAqlParser}) on the data of one fake database — a test fake, NOT
 * ArangoDB. Rows flow through the operations in order, as in ArangoDB's <a
 * href="https://docs.arango.ai/arangodb/3.12/aql/high-level-operations/">high-level operations</a>:
 * FOR over a collection or an array, FILTER, LET, SORT (stable, by {@link FakeAqlValues#compare}),
 * LIMIT, COLLECT (groups in sorted order; afterwards only the COLLECT variables are visible),
 * RETURN; rows go on after a data modification, so a RETURN may follow it (<a
 * href="https://docs.arango.ai/arangodb/3.12/aql/high-level-operations/update/">UPDATE</a>). Data
 * modifications work on a copy of the collection that replaces it when the statement succeeds, so a
 * failing statement changes nothing (an AQL query is atomic): INSERT of an existing key fails with
 * 409/1210, REMOVE/REPLACE/UPDATE of a missing one with 404/1202, UPSERT looks up by its search
 * object and inserts or replaces/updates. Collections read inside a stream transaction are its
 * private copies; writes must be to collections the transaction declared (400/1652). An unknown
 * variable is 400/1512, a missing collection 404/1203, a non-array FOR source 400/1563 (<a
 * href="https://docs.arango.ai/arangodb/3.12/develop/error-codes/">error codes</a>).
 */
final class FakeAqlExec {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final FakeAql aql;
    private final FakeArangoData data;
    private final ObjectNode bind;
    private final FakeArangoData.Tx tx;
    private final Map<String, FakeArangoData.Coll> written = new LinkedHashMap<>();
    private final Map<String, FakeArangoData.Coll> targets = new HashMap<>();

    FakeAqlExec(FakeAql aql, FakeArangoData data, ObjectNode bind, FakeArangoData.Tx tx) {
        this.aql = aql;
        this.data = data;
        this.bind = bind;
        this.tx = tx;
    }

    /** Runs the operations; returns the RETURN values (none for a data modification). */
    List<JsonNode> run(List<Op> ops) {
        List<Map<String, JsonNode>> rows = new ArrayList<>();
        rows.add(new HashMap<>());
        List<JsonNode> out = new ArrayList<>();
        for (Op op : ops) {
            rows = apply(op, rows, out);
        }
        synchronized (data) { // publish the statement's writes at once
            written.forEach((name, copy) -> targets.get(name).docs.clear());
            written.forEach((name, copy) -> targets.get(name).docs.putAll(copy.docs));
        }
        return out;
    }

    private List<Map<String, JsonNode>> apply(
            Op op, List<Map<String, JsonNode>> rows, List<JsonNode> out) {
        List<Map<String, JsonNode>> next = new ArrayList<>();
        if (op instanceof FakeAqlAst.For f) {
            for (Map<String, JsonNode> row : rows) {
                for (JsonNode item : source(f.source(), row)) {
                    Map<String, JsonNode> r = new HashMap<>(row);
                    r.put(f.var(), item);
                    next.add(r);
                }
            }
        } else if (op instanceof FakeAqlAst.Filter f) {
            rows.stream()
                    .filter(r -> FakeAqlValues.truthy(eval(f.condition(), r)))
                    .forEach(next::add);
        } else if (op instanceof FakeAqlAst.Let l) {
            for (Map<String, JsonNode> row : rows) {
                Map<String, JsonNode> r = new HashMap<>(row);
                r.put(l.var(), eval(l.value(), row));
                next.add(r);
            }
        } else if (op instanceof FakeAqlAst.Sort s) {
            next.addAll(rows);
            next.sort((a, b) -> compareRows(s, a, b));
        } else if (op instanceof FakeAqlAst.Limit l) {
            long offset = l.offset() == null ? 0 : eval(l.offset(), Map.of()).asLong();
            long count = eval(l.count(), Map.of()).asLong();
            rows.stream().skip(offset).limit(count).forEach(next::add);
        } else if (op instanceof FakeAqlAst.Collect c) {
            next.addAll(collect(c, rows));
        } else if (op instanceof FakeAqlAst.Return r) {
            for (Map<String, JsonNode> row : rows) {
                JsonNode v = eval(r.value(), row);
                if (!r.distinct()
                        || out.stream().noneMatch(o -> FakeAqlValues.compare(o, v) == 0)) {
                    out.add(v);
                }
            }
        } else {
            // a data modification passes its rows on: a RETURN may follow it (UPDATE page,
            // "Returning the modified documents")
            rows.forEach(row -> FakeAqlWrites.modify(this, op, row));
            next.addAll(rows);
        }
        return next;
    }

    private int compareRows(FakeAqlAst.Sort s, Map<String, JsonNode> a, Map<String, JsonNode> b) {
        for (int i = 0; i < s.keys().size(); i++) {
            int c = FakeAqlValues.compare(eval(s.keys().get(i), a), eval(s.keys().get(i), b));
            if (c != 0) {
                return s.ascending().get(i) ? c : -c;
            }
        }
        return 0;
    }

    private List<Map<String, JsonNode>> collect(
            FakeAqlAst.Collect c, List<Map<String, JsonNode>> rows) {
        TreeMap<JsonNode, List<Map<String, JsonNode>>> groups =
                new TreeMap<>(FakeAqlValues::compare);
        for (Map<String, JsonNode> row : rows) {
            ArrayNode key = JSON.arrayNode();
            c.values().forEach(e -> key.add(FakeAqlValues.orNull(eval(e, row))));
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
        }
        if (groups.isEmpty() && c.vars().isEmpty()) {
            groups.put(JSON.arrayNode(), List.of()); // COLLECT WITH COUNT INTO n over nothing: 0
        }
        List<Map<String, JsonNode>> out = new ArrayList<>();
        groups.forEach(
                (key, members) -> {
                    Map<String, JsonNode> r = new HashMap<>();
                    for (int i = 0; i < c.vars().size(); i++) {
                        r.put(c.vars().get(i), key.get(i));
                    }
                    if (c.countVar() != null) {
                        r.put(c.countVar(), LongNode.valueOf(members.size()));
                    }
                    out.add(r);
                });
        return out;
    }

    private List<JsonNode> source(Expr e, Map<String, JsonNode> row) {
        String collection = collectionName(e, row);
        if (collection != null) {
            return new ArrayList<>(readable(collection).docs.values());
        }
        JsonNode v = eval(e, row);
        if (!v.isArray()) {
            throw new FakeAql.Failure(400, 1563, "AQL: array expected in FOR, got " + v);
        }
        List<JsonNode> items = new ArrayList<>();
        v.forEach(items::add);
        return items;
    }

    /** The collection an expression names ({@code @@bind} or a name that is no variable). */
    String collectionName(Expr e, Map<String, JsonNode> row) {
        if (e instanceof FakeAqlAst.CollBind c) {
            return bind.get("@" + c.name()).asText();
        }
        if (e instanceof FakeAqlAst.Name n && !row.containsKey(n.name())) {
            return n.name();
        }
        return null;
    }

    FakeArangoData.Coll readable(String name) {
        if (written.containsKey(name)) {
            return written.get(name);
        }
        FakeArangoData.Coll c =
                tx != null && tx.staged.containsKey(name)
                        ? tx.staged.get(name)
                        : data.collection(name);
        if (c == null) {
            throw new FakeAql.Failure(404, 1203, "AQL: collection or view not found: " + name);
        }
        return c;
    }

    /** The statement's working copy of a collection it writes. */
    FakeArangoData.Coll writable(String name) {
        FakeArangoData.Coll target = readable(name);
        if (tx != null && !tx.writable.contains(name)) {
            throw new FakeAql.Failure(
                    400,
                    1652,
                    "collection '" + name + "' not declared for writing in transaction " + tx.id);
        }
        return written.computeIfAbsent(
                name,
                n -> {
                    targets.put(n, target);
                    return new FakeArangoData.Coll(
                            n, target.type, new LinkedHashMap<>(target.docs));
                });
    }

    FakeAql aql() {
        return aql;
    }

    JsonNode eval(Expr e, Map<String, JsonNode> row) {
        if (e instanceof FakeAqlAst.Lit l) {
            return l.value();
        }
        if (e instanceof FakeAqlAst.Bind b) {
            return bind.get(b.name());
        }
        if (e instanceof FakeAqlAst.CollBind c) {
            return bind.get("@" + c.name());
        }
        if (e instanceof FakeAqlAst.Name n) { // a variable, else a collection's documents
            JsonNode v = row.get(n.name());
            if (v == null) {
                ArrayNode docs = JSON.arrayNode();
                readable(n.name()).docs.values().forEach(docs::add);
                return docs;
            }
            return v;
        }
        if (e instanceof FakeAqlAst.Attr a) {
            return FakeAqlValues.orNull(eval(a.base(), row).get(a.name()));
        }
        if (e instanceof FakeAqlAst.Index i) {
            JsonNode base = eval(i.base(), row);
            JsonNode idx = eval(i.index(), row);
            return FakeAqlValues.orNull(
                    idx.isNumber() ? base.get(idx.asInt()) : base.get(idx.asText()));
        }
        if (e instanceof FakeAqlAst.Obj o) {
            ObjectNode obj = JSON.objectNode();
            o.attrs().forEach((k, v) -> obj.set(k, FakeAqlValues.orNull(eval(v, row))));
            return obj;
        }
        if (e instanceof FakeAqlAst.Arr a) {
            ArrayNode arr = JSON.arrayNode();
            a.items().forEach(item -> arr.add(FakeAqlValues.orNull(eval(item, row))));
            return arr;
        }
        if (e instanceof FakeAqlAst.Call c) {
            return FakeAqlValues.call(
                    c.function(), c.args().stream().map(x -> eval(x, row)).toList());
        }
        if (e instanceof FakeAqlAst.Unary u) {
            JsonNode v = eval(u.operand(), row);
            return u.op().equals("NOT")
                    ? BooleanNode.valueOf(!FakeAqlValues.truthy(v))
                    : v.isIntegralNumber()
                            ? LongNode.valueOf(-v.asLong())
                            : DoubleNode.valueOf(-v.asDouble());
        }
        FakeAqlAst.Binary b = (FakeAqlAst.Binary) e;
        if (b.op().equals("AND") || b.op().equals("OR")) { // returns an operand, short-circuit
            JsonNode left = eval(b.left(), row);
            boolean decided = FakeAqlValues.truthy(left) == b.op().equals("OR");
            return decided ? left : eval(b.right(), row);
        }
        return FakeAqlValues.compareOp(b.op(), eval(b.left(), row), eval(b.right(), row));
    }
}
