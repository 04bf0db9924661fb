package io.streamforge.store.arango;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The data-modification operations of the {@link FakeArangoServer}'s AQL (a test fake, NOT
 * ArangoDB), per row, on the statement's working copy of the collection ({@link
 * FakeAqlExec#writable}), as documented for ArangoDB 3.12 (<a
 * href="https://docs.arango.ai/arangodb/3.12/aql/high-level-operations/insert/">INSERT</a>, <a
 * href="https://docs.arango.ai/arangodb/3.12/aql/high-level-operations/remove/">REMOVE</a>, <a
 * href="https://docs.arango.ai/arangodb/3.12/aql/high-level-operations/replace/">REPLACE</a>, <a
 * href="https://docs.arango.ai/arangodb/3.12/aql/high-level-operations/update/">UPDATE</a>, <a
 * href="https://docs.arango.ai/arangodb/3.12/aql/high-level-operations/upsert/">UPSERT</a>): a
 * document must be an object; INSERT without {@code _key} gets a generated one, with an existing
 * key fails 409/1210 (unique constraint); REMOVE takes a key string or an object with {@code _key};
 * REMOVE/REPLACE/UPDATE of a missing key fail 404/1202; UPSERT finds the first document whose
 * attributes equal every attribute of the search object, then REPLACEs / UPDATEs it or INSERTs.
 * Keys (400/1221) and edge {@code _from}/{@code _to} (400/1233) are checked by {@link
 * FakeAql#checkDocument}.
 */
final class FakeAqlWrites {
    private static final AtomicLong GENERATED_KEYS = new AtomicLong(1);

    private FakeAqlWrites() {}

    static void modify(FakeAqlExec exec, FakeAqlAst.Op op, Map<String, JsonNode> row) {
        if (op instanceof FakeAqlAst.Upsert u) {
            FakeArangoData.Coll c = target(exec, u.collection(), row);
            JsonNode search = exec.eval(u.search(), row);
            if (!search.isObject()) {
                throw new FakeAql.Failure(400, 1227, "UPSERT: search value must be an object");
            }
            ObjectNode found = find(c, search);
            if (found == null) {
                insert(exec, c, exec.eval(u.insert(), row));
            } else {
                change(exec, c, found, exec.eval(u.change(), row), u.replace());
            }
            return;
        }
        FakeAqlAst.Modify m = (FakeAqlAst.Modify) op;
        FakeArangoData.Coll c = target(exec, m.collection(), row);
        JsonNode doc = exec.eval(m.doc(), row);
        switch (m.kind()) {
            case "INSERT" -> insert(exec, c, doc);
            case "REMOVE" -> c.docs.remove(existing(c, keyOf(doc)).get("_key").asText());
            default -> change(exec, c, existing(c, keyOf(doc)), doc, m.kind().equals("REPLACE"));
        }
    }

    private static FakeArangoData.Coll target(
            FakeAqlExec exec, FakeAqlAst.Expr collection, Map<String, JsonNode> row) {
        String name = exec.collectionName(collection, row);
        if (name == null) {
            throw FakeAqlParser.syntax("a collection is expected after IN / INTO");
        }
        return exec.writable(name);
    }

    private static void insert(FakeAqlExec exec, FakeArangoData.Coll c, JsonNode doc) {
        ObjectNode d = object(doc).deepCopy();
        if (!d.has("_key")) {
            d.put("_key", "g" + GENERATED_KEYS.getAndIncrement());
        }
        exec.aql().checkDocument(c, d);
        String key = d.get("_key").asText();
        if (c.docs.containsKey(key)) {
            throw new FakeAql.Failure(
                    409, 1210, "unique constraint violated - in index primary: " + key);
        }
        exec.aql().store(c, d);
    }

    private static void change(
            FakeAqlExec exec,
            FakeArangoData.Coll c,
            ObjectNode old,
            JsonNode doc,
            boolean replace) {
        ObjectNode d = replace ? object(doc).deepCopy() : old.deepCopy();
        if (!replace) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object(doc).fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                if (!f.getKey().equals("_key")) {
                    d.set(f.getKey(), f.getValue());
                }
            }
        }
        d.set("_key", old.get("_key")); // the key of a document never changes
        exec.aql().checkDocument(c, d);
        exec.aql().store(c, d);
    }

    private static ObjectNode find(FakeArangoData.Coll c, JsonNode search) {
        for (ObjectNode d : c.docs.values()) {
            boolean all = true;
            for (Iterator<Map.Entry<String, JsonNode>> it = search.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                all &= FakeAqlValues.compare(d.get(f.getKey()), f.getValue()) == 0;
            }
            if (all) {
                return d;
            }
        }
        return null;
    }

    private static String keyOf(JsonNode doc) {
        JsonNode key = doc.isObject() ? doc.get("_key") : doc;
        if (key == null || !key.isTextual()) {
            throw new FakeAql.Failure(400, 1221, "illegal document key: " + doc);
        }
        return key.asText();
    }

    private static ObjectNode existing(FakeArangoData.Coll c, String key) {
        ObjectNode d = c.docs.get(key);
        if (d == null) {
            throw new FakeAql.Failure(404, 1202, "document not found: " + c.name + "/" + key);
        }
        return d;
    }

    private static ObjectNode object(JsonNode doc) {
        if (doc == null || !doc.isObject()) {
            throw new FakeAql.Failure(400, 1227, "invalid document type: " + doc);
        }
        return (ObjectNode) doc;
    }
}
