package io.streamforge.domain.port;

import io.streamforge.domain.graph.GraphRecord;
import java.util.List;
import java.util.Optional;

/**
 * Where correlation graphs are persisted: one current graph per collection. Vertex keys are
 * symbols, edge keys {@code <collection>:<a>:<b>} with {@code a < b}, so every save is
 * deterministic.
 */
public interface GraphStore {
    /**
     * Makes {@code graph} the graph of its collection, atomically. Saving a graph with the same
     * content as the stored one (see {@link GraphRecord#sameContent}) changes nothing, not even
     * {@code created_at_us}; any other graph replaces the stored one completely (nodes and edges
     * missing from it are removed). Returns whether the store changed.
     */
    boolean save(GraphRecord graph);

    /** The graph of {@code collection}, nodes sorted by symbol and edges by {@code (a, b)}. */
    Optional<GraphRecord> load(String collection);

    /** Names of all stored collections, sorted. */
    List<String> collections();
}
