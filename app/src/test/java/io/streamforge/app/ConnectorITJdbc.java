package io.streamforge.app;

/** The JDBC URL of a platform's PostgreSQL, for workers started directly in tests. */
final class ConnectorITJdbc {
    private ConnectorITJdbc() {}

    static String url(LocalPlatform p) {
        try (var c = p.stores().dataSource().getConnection()) {
            return c.getMetaData().getURL();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
