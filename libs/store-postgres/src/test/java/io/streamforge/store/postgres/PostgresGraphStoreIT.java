package io.streamforge.store.postgres;

import io.streamforge.domain.port.GraphStore;
import io.streamforge.testkit.GraphStoreContract;

class PostgresGraphStoreIT extends GraphStoreContract {
    @Override
    protected GraphStore newStore() {
        PostgresTestDb.exec("TRUNCATE graph_edges, graph_vertices, graphs");
        return PostgresTestDb.stores().graphs();
    }
}
