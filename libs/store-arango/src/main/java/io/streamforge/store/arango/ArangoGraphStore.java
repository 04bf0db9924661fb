package io.streamforge.store.arango;

import io.streamforge.domain.graph.GraphEdge;
import io.streamforge.domain.graph.GraphRecord;
import io.streamforge.domain.port.GraphStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link GraphStore} on ArangoDB: the named graph {@link ArangoSchema#GRAPH} over the vertex
 * collection {@code assets} (keyed by symbol, shared by all graphs) and the edge collection {@code
 * correlations} ({@code _key <collection>:<a>:<b>}, {@code _from assets/<a>}, {@code _to
 * assets/<b>}, rho, distance, method, window); a header document per graph in {@code graphs} holds
 * the metadata and the node list. A save is one stream transaction holding exclusive locks on the
 * three collections: it loads the stored graph and, only if the content differs, upserts header,
 * assets and edges by key and removes the graph's edges that are not in the new graph.
 */
public final class ArangoGraphStore implements GraphStore {
    private static final String[] LOCKED = {
        ArangoSchema.GRAPHS, ArangoSchema.ASSETS, ArangoSchema.CORRELATIONS
    };

    private final ArangoClient client;

    ArangoGraphStore(ArangoClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public boolean save(GraphRecord graph) {
        Objects.requireNonNull(graph, "graph");
        return client.inTransaction(
                "save of graph " + graph.collection(),
                new String[0],
                LOCKED,
                tx -> {
                    if (graph.sameContent(load(graph.collection(), tx).orElse(null))) {
                        return false;
                    }
                    write(graph, tx);
                    return true;
                });
    }

    private void write(GraphRecord g, String tx) {
        client.upsert(ArangoSchema.GRAPHS, List.of(GraphDocs.header(g)), tx);
        List<Map<String, Object>> assets = new ArrayList<>();
        g.nodes().forEach(s -> assets.add(GraphDocs.asset(s)));
        client.upsert(ArangoSchema.ASSETS, assets, tx);
        List<Map<String, Object>> edges = new ArrayList<>();
        List<String> keep = new ArrayList<>();
        for (GraphEdge e : g.edges()) {
            edges.add(GraphDocs.edge(g, e));
            keep.add(e.key(g.collection()));
        }
        client.upsert(ArangoSchema.CORRELATIONS, edges, tx);
        Map<String, Object> bind = new HashMap<>();
        bind.put("@coll", ArangoSchema.CORRELATIONS);
        bind.put("collection", g.collection());
        bind.put("keep", keep);
        client.query("prune of graph " + g.collection(), Aql.PRUNE_EDGES, bind, Void.class, tx);
    }

    @Override
    public Optional<GraphRecord> load(String collection) {
        GraphRecord.checkCollection(collection);
        return load(collection, null);
    }

    private Optional<GraphRecord> load(String collection, String tx) {
        Map<String, Object> bind = new HashMap<>();
        bind.put("@coll", ArangoSchema.GRAPHS);
        bind.put("key", collection);
        List<Map<String, Object>> header =
                client.documents("load of graph " + collection, Aql.BY_KEY, bind, tx);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> edgeBind = new HashMap<>();
        edgeBind.put("@coll", ArangoSchema.CORRELATIONS);
        edgeBind.put("collection", collection);
        List<Map<String, Object>> edges =
                client.documents("load of edges of " + collection, Aql.EDGES_OF, edgeBind, tx);
        return Optional.of(GraphDocs.record(header.get(0), edges));
    }

    @Override
    public List<String> collections() {
        Map<String, Object> bind = new HashMap<>();
        bind.put("@coll", ArangoSchema.GRAPHS);
        List<String> keys =
                new ArrayList<>(client.query("list of graphs", Aql.KEYS, bind, String.class, null));
        keys.sort(null); // AQL sorts strings by collation; the port promises code-point order
        return keys;
    }
}
