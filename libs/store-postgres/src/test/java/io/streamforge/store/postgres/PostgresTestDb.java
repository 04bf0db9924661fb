package io.streamforge.store.postgres;

import io.streamforge.embedded.EmbeddedPostgresServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

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
