package io.streamforge.store.arango;

import com.arangodb.ArangoDB;
import com.arangodb.ArangoDBException;
import com.arangodb.ArangoDatabase;
import com.arangodb.Protocol;
import java.net.URI;
import java.util.Objects;

/**
 * A connection to one ArangoDB database with its stores. {@link #open} builds the official driver
 * (HTTP/1.1 + JSON), checks the server answers, creates the database when missing, then the
 * collections, persistent indexes and the named graph ({@link ArangoSchema#ensure}); {@link
 * #close()} shuts the driver down.
 */
public final class ArangoStores implements AutoCloseable {
    /** Default number of documents per upsert statement. */
    public static final int DEFAULT_BATCH_SIZE = 1_000;

    private static final int TIMEOUT_MS = 30_000;

    private final ArangoDB arango;
    private final ArangoDatabase db;
    private final String serverVersion;
    private final ArangoMarketDataStore marketData;
    private final ArangoGraphStore graphs;
    private final ArangoIndicatorStore indicators;
    private final ArangoCoverageLedger coverage;
    private final ArangoQueueStore queues;

    private ArangoStores(ArangoDB arango, ArangoDatabase db, String version, int batchSize) {
        this.arango = arango;
        this.db = db;
        this.serverVersion = version;
        ArangoClient client = new ArangoClient(db, batchSize);
        this.marketData = new ArangoMarketDataStore(client);
        this.graphs = new ArangoGraphStore(client);
        this.indicators = new ArangoIndicatorStore(client);
        this.coverage = new ArangoCoverageLedger(client);
        this.queues = new ArangoQueueStore(client);
    }

    /** Opens with {@link #DEFAULT_BATCH_SIZE}. */
    public static ArangoStores open(String url, String database, String user, String password) {
        return open(url, database, user, password, DEFAULT_BATCH_SIZE);
    }

    /**
     * Connects to {@code url} ({@code http://host:port} or {@code https://host:port}) and prepares
     * {@code database}. Unreachable or unavailable server → {@link
     * io.streamforge.domain.TransientException}; bad credentials or rights → {@link
     * io.streamforge.domain.PermanentException}; malformed arguments → {@link
     * IllegalArgumentException}.
     */
    public static ArangoStores open(
            String url, String database, String user, String password, int batchSize) {
        URI uri = parseUrl(url);
        if (database == null || !database.matches("[A-Za-z][A-Za-z0-9_-]{0,63}")) {
            throw new IllegalArgumentException(
                    "database '" + database + "': expected a letter, then letters, digits, _ or -");
        }
        Objects.requireNonNull(user, "user");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        ArangoDB arango =
                new ArangoDB.Builder()
                        .host(uri.getHost(), uri.getPort())
                        .useSsl("https".equals(uri.getScheme()))
                        .protocol(Protocol.HTTP_JSON)
                        .user(user)
                        .password(password == null ? "" : password)
                        .timeout(TIMEOUT_MS)
                        .build();
        try {
            String version = arango.getVersion().getVersion();
            ArangoDatabase db = arango.db(database);
            ensureDatabase(arango, db);
            ArangoSchema.ensure(db);
            return new ArangoStores(arango, db, version, batchSize);
        } catch (RuntimeException e) {
            arango.shutdown();
            if (e instanceof ArangoDBException) {
                throw ArangoErrors.classify("connect to " + url, (ArangoDBException) e);
            }
            throw e;
        }
    }

    private static void ensureDatabase(ArangoDB arango, ArangoDatabase db) {
        if (db.exists()) {
            return;
        }
        try {
            arango.createDatabase(db.name());
        } catch (ArangoDBException e) {
            if (!ArangoErrors.isDuplicate(e)) {
                throw ArangoErrors.classify("create database " + db.name(), e);
            }
        }
    }

    static URI parseUrl(String url) {
        Objects.requireNonNull(url, "url");
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ARANGO_URL '" + url + "': not a URL", e);
        }
        boolean scheme = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
        if (!scheme || uri.getHost() == null || uri.getPort() < 1) {
            throw new IllegalArgumentException(
                    "ARANGO_URL '"
                            + url
                            + "': expected http(s)://host:port, e.g."
                            + " http://arangodb:8529");
        }
        return uri;
    }

    /** The server's version as reported by {@code GET /_api/version}. */
    public String serverVersion() {
        return serverVersion;
    }

    public ArangoMarketDataStore marketData() {
        return marketData;
    }

    public ArangoGraphStore graphs() {
        return graphs;
    }

    /** Indicator values ({@code indicators}). */
    public ArangoIndicatorStore indicators() {
        return indicators;
    }

    /** The coverage ledger ({@code coverage_received}, {@code coverage_gaps}). */
    public ArangoCoverageLedger coverage() {
        return coverage;
    }

    /** Queues of the queue-manager ({@code queues}, {@code queue_steps}). */
    public ArangoQueueStore queues() {
        return queues;
    }

    /** The database handle (for health checks). */
    public ArangoDatabase database() {
        return db;
    }

    @Override
    public void close() {
        arango.shutdown();
    }
}
