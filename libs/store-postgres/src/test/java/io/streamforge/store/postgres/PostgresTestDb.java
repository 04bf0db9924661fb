package io.streamforge.store.postgres;

import io.streamforge.embedded.EmbeddedPostgresServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
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

    /**
     * Runs {@code work(w)} for writers {@code w = 0..writers-1} at once; rethrows the first
     * failure.
     */
    static void inParallel(int writers, IntConsumer work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(pool.submit(() -> work.accept(writer)));
            }
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The first column of every row {@code sql} returns on {@code ds}, as text. */
    static List<String> column(DataSource ds, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = ds.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
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
