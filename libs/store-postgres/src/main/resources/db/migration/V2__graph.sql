-- StreamForge schema v2: correlation graphs (graph-builder). One current graph per collection;
-- vertex key = symbol, edge key = '<collection>:<a>:<b>' with a < b. Saves replace a collection's
-- graph in one transaction (see PostgresGraphStore).

CREATE TABLE graphs (
    collection          text        PRIMARY KEY,
    method              text        NOT NULL,
    rule                text        NOT NULL,
    interval            text        NOT NULL,
    window_from_us      bigint      NOT NULL,
    window_to_us        bigint      NOT NULL,
    return_count        int         NOT NULL CHECK (return_count >= 0),
    node_count          int         NOT NULL,
    edge_count          int         NOT NULL,
    created_at_us       bigint      NOT NULL,
    updated_at          timestamptz NOT NULL DEFAULT now(),
    CHECK (window_to_us >= window_from_us)
);

CREATE TABLE graph_vertices (
    collection          text        NOT NULL REFERENCES graphs (collection) ON DELETE CASCADE,
    key                 text        NOT NULL,
    PRIMARY KEY (collection, key)
);

CREATE TABLE graph_edges (
    key                 text        PRIMARY KEY,
    collection          text        NOT NULL REFERENCES graphs (collection) ON DELETE CASCADE,
    source              text        NOT NULL,
    target              text        NOT NULL,
    rho                 double precision NOT NULL CHECK (rho BETWEEN -1 AND 1),
    distance            double precision NOT NULL CHECK (distance >= 0 AND distance < 'Infinity'),
    CHECK (source COLLATE "C" < target COLLATE "C"),
    CHECK (key = collection || ':' || source || ':' || target),
    FOREIGN KEY (collection, source) REFERENCES graph_vertices (collection, key) ON DELETE CASCADE,
    FOREIGN KEY (collection, target) REFERENCES graph_vertices (collection, key) ON DELETE CASCADE
);
CREATE INDEX graph_edges_collection ON graph_edges (collection);
