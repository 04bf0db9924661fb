package io.streamforge.store.postgres;

import io.streamforge.embedded.EmbeddedPostgresServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** One embedded PostgreSQL per JVM for the ITs of this module, migrated once, emptied per test. */
final class PostgresTestDb {
    private static EmbeddedPostgresServer server;
    private static PostgresStores stores;

    private PostgresTestDb() {}

    static synchronized PostgresStores stores() {
        if (stores == null) {
            server = EmbeddedPostgresServer.start();
            stores = PostgresStores.open(server.jdbcUrl(), server.user(), server.password(), 4);
            Runtime.getRuntime()
                    .addShutdownHook(
                            new Thread(
                                    () -> {
                                        stores.close();
                                        server.close();
                                    }));
        }
        return stores;
    }

    /**
     * A new, empty database {@code name} on the same server (dropped first when it exists), as a
     * non-pooled data source: for migrations that must start from nothing.
     */
    static DataSource freshDatabase(String name) {
        stores();
        exec("DROP DATABASE IF EXISTS " + name);
        exec("CREATE DATABASE " + name);
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(server.jdbcUrl().substring(0, server.jdbcUrl().lastIndexOf('/') + 1) + name);
        ds.setUser(server.user());
        ds.setPassword(server.password());
        return ds;
    }

    static DataSource dataSource() {
        return stores().dataSource();
    }

    static void truncateAll() {
        exec("TRUNCATE candles, agg_trades, trades, queue_steps, queues");
    }

    static void exec(String sql) {
        try (Connection c = dataSource().getConnection();
                Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
