package io.streamforge.store.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.streamforge.domain.TransientException;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * A pooled connection to one StreamForge database with its stores. {@link #open} creates a small
 * HikariCP pool, migrates the schema and hands out the adapters; {@link #close()} closes the pool.
 */
public final class PostgresStores implements AutoCloseable {
    /** Default maximum number of pooled connections. */
    public static final int DEFAULT_POOL_SIZE = 8;

    private final HikariDataSource dataSource;
    private final PostgresMarketDataStore marketData;
    private final PostgresQueueStore queues;

    private PostgresStores(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.marketData = new PostgresMarketDataStore(dataSource);
        this.queues = new PostgresQueueStore(dataSource);
    }

    /** Opens a pool of {@link #DEFAULT_POOL_SIZE} connections and migrates the schema. */
    public static PostgresStores open(String jdbcUrl, String user, String password) {
        return open(jdbcUrl, user, password, DEFAULT_POOL_SIZE);
    }

    /**
     * Opens a pool of at most {@code poolSize} connections and migrates the schema. Throws {@link
     * TransientException} when the database cannot be reached.
     */
    public static PostgresStores open(String jdbcUrl, String user, String password, int poolSize) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException(
                    "jdbcUrl: expected jdbc:postgresql://host:port/db, got '" + jdbcUrl + "'");
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be >= 1, got " + poolSize);
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("streamforge-pg");
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(10_000);
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new TransientException(
                    "cannot connect to PostgreSQL at " + jdbcUrl + ": " + e.getMessage(), e);
        }
        try {
            PostgresSchema.migrate(ds);
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return new PostgresStores(ds);
    }

    /** The pooled data source (for health checks and benchmarks). */
    public DataSource dataSource() {
        return dataSource;
    }

    public PostgresMarketDataStore marketData() {
        return marketData;
    }

    public PostgresQueueStore queues() {
        return queues;
    }

    public PostgresCoverageLedger coverage() {
        return new PostgresCoverageLedger(dataSource);
    }

    public PostgresGraphStore graphs() {
        return new PostgresGraphStore(dataSource);
    }

    public PostgresIndicatorStore indicators() {
        return new PostgresIndicatorStore(dataSource);
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
