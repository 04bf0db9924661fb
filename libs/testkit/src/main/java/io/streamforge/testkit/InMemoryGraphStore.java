package io.streamforge.testkit;

import io.streamforge.domain.graph.GraphRecord;
import io.streamforge.domain.port.GraphStore;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A thread-safe {@link GraphStore} in memory: one {@link GraphRecord} per collection. It passes
 * {@link GraphStoreContract}.
 */
public final class InMemoryGraphStore implements GraphStore {
    private final Map<String, GraphRecord> graphs = new TreeMap<>();

    @Override
    public synchronized boolean save(GraphRecord graph) {
        Objects.requireNonNull(graph, "graph");
        GraphRecord stored = graphs.get(graph.collection());
        if (graph.sameContent(stored)) {
            return false;
        }
        graphs.put(graph.collection(), graph);
        return true;
    }

    @Override
    public synchronized Optional<GraphRecord> load(String collection) {
        GraphRecord.checkCollection(collection);
        return Optional.ofNullable(graphs.get(collection));
    }

    @Override
    public synchronized List<String> collections() {
        return List.copyOf(graphs.keySet());
    }
}
