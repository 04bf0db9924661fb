package io.streamforge.store.arango;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Collection, persistent-index and named-graph creation of the {@link FakeArangoServer} (a test
 * fake, NOT ArangoDB): answers shaped like ArangoDB 3.12, 409 with errorNum 1207 / 1925 for
 * duplicates, 404 / 1203 for a missing collection, 400 for an edge definition on a document
 * collection; creating an existing index answers 200 with {@code isNewlyCreated: false}.
 */
final class FakeArangoSchema {
    private FakeArangoSchema() {}

    static ObjectNode createCollection(FakeArangoData data, String name, int type) {
        synchronized (data) {
            if (data.committed.containsKey(name)) {
                throw new FakeAql.Failure(409, 1207, "duplicate name: " + name);
            }
            data.committed.put(name, new FakeArangoData.Coll(name, type, new LinkedHashMap<>()));
        }
        return FakeArangoServer.ok(200)
                .put("id", "c" + name)
                .put("name", name)
                .put("type", type)
                .put("status", 3)
                .put("isSystem", false);
    }

    static ObjectNode createIndex(FakeArangoData data, String query, JsonNode body) {
        String coll = query == null ? "" : query.replaceFirst("^collection=", "");
        List<String> fields = new ArrayList<>();
        body.path("fields").forEach(f -> fields.add(f.asText()));
        if (!"persistent".equals(body.path("type").asText())) {
            throw new FakeAql.Failure(400, 10, "fake supports persistent indexes only");
        }
        boolean created;
        synchronized (data) {
            if (!data.committed.containsKey(coll)) {
                throw new FakeAql.Failure(404, 1203, "collection or view not found: " + coll);
            }
            List<List<String>> list = data.indexes.computeIfAbsent(coll, c -> new ArrayList<>());
            created = !list.contains(fields);
            if (created) {
                list.add(fields);
            }
        }
        ObjectNode r =
                FakeArangoServer.ok(created ? 201 : 200)
                        .put("id", coll + "/" + fields.hashCode())
                        .put("type", "persistent");
        r.set("fields", body.get("fields"));
        return r.put("isNewlyCreated", created).put("unique", false).put("sparse", false);
    }

    static ObjectNode createGraph(FakeArangoData data, JsonNode body) {
        String name = body.path("name").asText();
        synchronized (data) {
            if (data.graphs.containsKey(name)) {
                throw new FakeAql.Failure(409, 1925, "graph already exists: " + name);
            }
            for (JsonNode def : body.path("edgeDefinitions")) {
                FakeArangoData.Coll edges = data.committed.get(def.path("collection").asText());
                if (edges == null || edges.type != 3) {
                    throw new FakeAql.Failure(400, 1237, "edge collection expected: " + def);
                }
            }
            data.graphs.put(name, body);
        }
        ObjectNode r = FakeArangoServer.ok(202);
        ObjectNode g = r.putObject("graph");
        g.put("name", name).put("_key", name).put("_id", "_graphs/" + name);
        g.set("edgeDefinitions", body.path("edgeDefinitions"));
        g.putArray("orphanCollections");
        return r;
    }
}
