package io.streamforge.store.postgres;

import io.streamforge.domain.Interval;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.graph.GraphEdge;
import io.streamforge.domain.graph.GraphRecord;
import io.streamforge.domain.graph.GraphWindow;
import io.streamforge.domain.port.GraphStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link GraphStore} on PostgreSQL (tables {@code graphs}, {@code graph_vertices}, {@code
 * graph_edges}, migration V2). A save takes a transaction-scoped advisory lock on the collection,
 * compares the stored graph with the new one and, only if they differ, replaces the collection's
 * header, vertices and edges (array-bound {@code unnest} inserts, one statement per table). Equal
 * content writes nothing, so re-running graph-builder creates no new row versions.
 */
public final class PostgresGraphStore implements GraphStore {
    private static final String LOCK =
            "SELECT pg_advisory_xact_lock(hashtextextended('streamforge.graph:' || ?, 0))";
    private static final String HEADER_COLUMNS =
            "collection, method, rule, interval, window_from_us, window_to_us, return_count,"
                    + " node_count, edge_count, created_at_us";

    private final Jdbc jdbc;

    public PostgresGraphStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public boolean save(GraphRecord graph) {
        Objects.requireNonNull(graph, "graph");
        return jdbc.inTransaction(
                "save of graph " + graph.collection(),
                c -> {
                    try (PreparedStatement ps = c.prepareStatement(LOCK)) {
                        ps.setString(1, graph.collection());
                        ps.execute();
                    }
                    if (graph.sameContent(load(c, graph.collection()).orElse(null))) {
                        return false;
                    }
                    replace(c, graph);
                    return true;
                });
    }

    private static void replace(Connection c, GraphRecord g) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement(
                        "INSERT INTO graphs ("
                                + HEADER_COLUMNS
                                + ") VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT (collection) DO"
                                + " UPDATE SET method = EXCLUDED.method, rule = EXCLUDED.rule,"
                                + " interval = EXCLUDED.interval, window_from_us ="
                                + " EXCLUDED.window_from_us, window_to_us = EXCLUDED.window_to_us,"
                                + " return_count = EXCLUDED.return_count, node_count ="
                                + " EXCLUDED.node_count, edge_count = EXCLUDED.edge_count,"
                                + " created_at_us = EXCLUDED.created_at_us, updated_at = now()")) {
            GraphWindow w = g.window();
            ps.setString(1, g.collection());
            ps.setString(2, g.method());
            ps.setString(3, g.rule());
            ps.setString(4, w.interval().code());
            ps.setLong(5, w.fromOpenTimeUs());
            ps.setLong(6, w.toOpenTimeUs());
            ps.setInt(7, w.returnCount());
            ps.setInt(8, g.nodes().size());
            ps.setInt(9, g.edges().size());
            ps.setLong(10, g.createdAtUs());
            ps.executeUpdate();
        }
        update(c, "DELETE FROM graph_edges WHERE collection = ?", g.collection());
        update(c, "DELETE FROM graph_vertices WHERE collection = ?", g.collection());
        insertVertices(c, g);
        insertEdges(c, g);
    }

    private static void update(Connection c, String sql, String collection) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, collection);
            ps.executeUpdate();
        }
    }

    private static void insertVertices(Connection c, GraphRecord g) throws SQLException {
        if (g.nodes().isEmpty()) {
            return;
        }
        String[] keys = g.nodes().stream().map(Symbol::value).toArray(String[]::new);
        try (PreparedStatement ps =
                c.prepareStatement(
                        "INSERT INTO graph_vertices (collection, key)"
                                + " SELECT ?, k FROM unnest(?::text[]) AS k")) {
            ps.setString(1, g.collection());
            ps.setArray(2, c.createArrayOf("text", keys));
            ps.executeUpdate();
        }
    }

    private static void insertEdges(Connection c, GraphRecord g) throws SQLException {
        int n = g.edges().size();
        if (n == 0) {
            return;
        }
        String[] keys = new String[n];
        String[] sources = new String[n];
        String[] targets = new String[n];
        Double[] rhos = new Double[n];
        Double[] distances = new Double[n];
        for (int i = 0; i < n; i++) {
            GraphEdge e = g.edges().get(i);
            keys[i] = e.key(g.collection());
            sources[i] = e.a().value();
            targets[i] = e.b().value();
            rhos[i] = e.rho();
            distances[i] = e.distance();
        }
        try (PreparedStatement ps =
                c.prepareStatement(
                        "INSERT INTO graph_edges (key, collection, source, target, rho, distance)"
                                + " SELECT k, ?, s, t, r, d FROM unnest(?::text[], ?::text[],"
                                + " ?::text[], ?::float8[], ?::float8[]) AS u(k, s, t, r, d)")) {
            ps.setString(1, g.collection());
            ps.setArray(2, c.createArrayOf("text", keys));
            ps.setArray(3, c.createArrayOf("text", sources));
            ps.setArray(4, c.createArrayOf("text", targets));
            ps.setArray(5, c.createArrayOf("float8", rhos));
            ps.setArray(6, c.createArrayOf("float8", distances));
            ps.executeUpdate();
        }
    }

    @Override
    public Optional<GraphRecord> load(String collection) {
        GraphRecord.checkCollection(collection);
        return jdbc.read("load of graph " + collection, c -> load(c, collection));
    }

    private static Optional<GraphRecord> load(Connection c, String collection) throws SQLException {
        String method;
        String rule;
        GraphWindow window;
        long createdAtUs;
        try (PreparedStatement ps =
                c.prepareStatement(
                        "SELECT " + HEADER_COLUMNS + " FROM graphs WHERE collection = ?")) {
            ps.setString(1, collection);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                method = rs.getString(2);
                rule = rs.getString(3);
                window =
                        new GraphWindow(
                                Interval.of(rs.getString(4)),
                                rs.getLong(5),
                                rs.getLong(6),
                                rs.getInt(7));
                createdAtUs = rs.getLong(10);
            }
        }
        List<Symbol> nodes = new ArrayList<>();
        try (PreparedStatement ps =
                c.prepareStatement("SELECT key FROM graph_vertices WHERE collection = ?")) {
            ps.setString(1, collection);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    nodes.add(new Symbol(rs.getString(1)));
                }
            }
        }
        return Optional.of(
                new GraphRecord(
                        collection,
                        nodes,
                        edges(c, collection),
                        method,
                        rule,
                        window,
                        createdAtUs));
    }

    private static List<GraphEdge> edges(Connection c, String collection) throws SQLException {
        List<GraphEdge> edges = new ArrayList<>();
        try (PreparedStatement ps =
                c.prepareStatement(
                        "SELECT source, target, rho, distance FROM graph_edges"
                                + " WHERE collection = ?")) {
            ps.setString(1, collection);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    edges.add(
                            new GraphEdge(
                                    new Symbol(rs.getString(1)),
                                    new Symbol(rs.getString(2)),
                                    rs.getDouble(3),
                                    rs.getDouble(4)));
                }
            }
        }
        return edges;
    }

    @Override
    public List<String> collections() {
        return jdbc.read(
                "list of graph collections",
                c -> {
                    List<String> out = new ArrayList<>();
                    try (PreparedStatement ps =
                                    c.prepareStatement(
                                            "SELECT collection FROM graphs"
                                                    + " ORDER BY collection COLLATE \"C\"");
                            ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(rs.getString(1));
                        }
                    }
                    return out;
                });
    }
}
