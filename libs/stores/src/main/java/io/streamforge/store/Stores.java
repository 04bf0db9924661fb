package io.streamforge.store;

import io.streamforge.domain.port.CoverageLedger;
import io.streamforge.domain.port.GraphStore;
import io.streamforge.domain.port.IndicatorStore;
import io.streamforge.domain.port.MarketDataStore;
import io.streamforge.domain.port.QueueStore;
import io.streamforge.runtime.DatabaseSettings;
import io.streamforge.store.arango.ArangoStores;
import io.streamforge.store.postgres.PostgresStores;
import java.util.Objects;

/**
 * The store factory: the one place that switches on {@code DB_KIND}. {@link #open} gives a service
 * the ports of PostgreSQL ({@code DB_KIND=postgres}, the default) or of ArangoDB ({@code
 * DB_KIND=arango}) — market data, indicators, graphs, the coverage ledger and the queue-manager's
 * queues — and {@link #close} releases the connection pool or driver behind them. Services depend
 * on the ports only.
 */
public final class Stores implements AutoCloseable {
    /**
     * PostgreSQL pool size of {@link #open(DatabaseSettings)}: a worker reads or writes serially.
     */
    public static final int DEFAULT_POOL_SIZE = 4;

    private final String kind;
    private final MarketDataStore marketData;
    private final IndicatorStore indicators;
    private final GraphStore graphs;
    private final CoverageLedger coverage;
    private final QueueStore queues;
    private final AutoCloseable resource;

    private Stores(
            String kind,
            MarketDataStore marketData,
            IndicatorStore indicators,
            GraphStore graphs,
            CoverageLedger coverage,
            QueueStore queues,
            AutoCloseable resource) {
        this.kind = kind;
        this.marketData = marketData;
        this.indicators = indicators;
        this.graphs = graphs;
        this.coverage = coverage;
        this.queues = queues;
        this.resource = resource;
    }

    /** {@link #open(DatabaseSettings, int)} with {@link #DEFAULT_POOL_SIZE}. */
    public static Stores open(DatabaseSettings settings) {
        return open(settings, DEFAULT_POOL_SIZE);
    }

    /**
     * Connects to the database {@code settings} name and prepares its schema (Flyway migrations on
     * PostgreSQL; collections, indexes and the named graph on ArangoDB). {@code postgresPoolSize}
     * bounds the PostgreSQL connection pool (ArangoDB's driver manages its own connections).
     * Unreachable database → {@link io.streamforge.domain.TransientException}; bad credentials →
     * {@link io.streamforge.domain.PermanentException}; an unknown kind → {@link
     * IllegalArgumentException}.
     */
    public static Stores open(DatabaseSettings settings, int postgresPoolSize) {
        Objects.requireNonNull(settings, "settings");
        switch (String.valueOf(settings.kind())) {
            case "postgres":
                PostgresStores p =
                        PostgresStores.open(
                                settings.jdbcUrl(),
                                settings.user(),
                                settings.password(),
                                postgresPoolSize);
                return new Stores(
                        "postgres",
                        p.marketData(),
                        p.indicators(),
                        p.graphs(),
                        p.coverage(),
                        p.queues(),
                        p);
            case "arango":
                ArangoStores a =
                        ArangoStores.open(
                                settings.arangoUrl(),
                                settings.arangoDb(),
                                settings.user(),
                                settings.password(),
                                settings.arangoBatchSize());
                return new Stores(
                        "arango",
                        a.marketData(),
                        a.indicators(),
                        a.graphs(),
                        a.coverage(),
                        a.queues(),
                        a);
            default:
                throw new IllegalArgumentException(
                        "DB_KIND '" + settings.kind() + "': expected postgres or arango");
        }
    }

    /** {@code postgres} or {@code arango}. */
    public String kind() {
        return kind;
    }

    public MarketDataStore marketData() {
        return marketData;
    }

    public IndicatorStore indicators() {
        return indicators;
    }

    public GraphStore graphs() {
        return graphs;
    }

    public CoverageLedger coverage() {
        return coverage;
    }

    /** The queue-manager's pipelines and steps. */
    public QueueStore queues() {
        return queues;
    }

    @Override
    public void close() {
        try {
            resource.close();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("close of the " + kind + " stores failed", e);
        }
    }
}
