package io.streamforge.graphbuilder;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * The physical state of the graph and indicator tables: every row's version ({@code xmin}) and
 * location ({@code ctid}). Any rewrite of a row, even with equal values, changes it.
 */
final class TableSnapshot {
    private static final List<String> TABLES =
            List.of("graphs", "graph_vertices", "graph_edges", "indicator_values");

    private TableSnapshot() {}

    static String of(DataSource ds) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Connection c = ds.getConnection();
                Statement st = c.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rs =
                        st.executeQuery(
                                "SELECT count(*), coalesce(md5(string_agg(xmin::text || '@'"
                                        + " || ctid::text, ',' ORDER BY ctid)), '') FROM "
                                        + table)) {
                    rs.next();
                    out.append(table)
                            .append('=')
                            .append(rs.getLong(1))
                            .append('/')
                            .append(rs.getString(2))
                            .append(' ');
                }
            }
        }
        return out.toString().trim();
    }
}
