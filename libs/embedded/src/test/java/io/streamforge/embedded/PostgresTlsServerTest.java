package io.streamforge.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded PostgreSQL with ssl=on, with the real JDBC driver's TLS modes. */
class PostgresTlsServerTest {
    @TempDir static Path dir;
    static ThrowawayCa ca;
    static EmbeddedPostgresServer pg;

    @BeforeAll
    static void start() {
        ca = ThrowawayCa.create(dir.resolve("ca"));
        pg = EmbeddedPostgresServer.startTls(ca.issueLocalhost("postgres"));
    }

    @AfterAll
    static void stop() {
        pg.close();
    }

    @Test
    void verifyFullWithTheCaConnectsOverTls() throws Exception {
        try (Connection c = connect("verify-full", ca.caFile());
                ResultSet rs =
                        c.createStatement()
                                .executeQuery(
                                        "select ssl from pg_stat_ssl where pid = pg_backend_pid()")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBoolean(1)).isTrue();
        }
        assertThat(pg.tls()).isTrue();
    }

    @Test
    void aConnectionWithoutTlsIsRejected() {
        assertThatThrownBy(() -> connect("disable", null))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("no encryption");
    }

    @Test
    void tlsWithoutThePasswordIsRefused() {
        Properties p = props("verify-full", ca.caFile());
        p.setProperty("password", "not-the-password");
        assertThatThrownBy(() -> DriverManager.getConnection(pg.jdbcUrl(), p).close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");
        assertThat(pg.password()).hasSizeGreaterThanOrEqualTo(24);
    }

    @Test
    void anotherCaIsNotTrusted() {
        ThrowawayCa other = ThrowawayCa.create(dir.resolve("other-ca"));
        assertThatThrownBy(() -> connect("verify-full", other.caFile()))
                .isInstanceOf(SQLException.class);
    }

    @Test
    void aCertificateForAnotherHostFailsVerifyFull() throws Exception {
        ThrowawayCa ca2 = ThrowawayCa.create(dir.resolve("ca2"));
        try (EmbeddedPostgresServer wrongHost =
                EmbeddedPostgresServer.startTls(
                        ca2.issueServer("db", List.of("db.example.test"), List.of()))) {
            String url = wrongHost.jdbcUrl();
            Properties p = props("verify-full", ca2.caFile());
            p.setProperty("password", wrongHost.password());
            assertThatThrownBy(() -> DriverManager.getConnection(url, p).close())
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("hostname");
            p.setProperty("sslmode", "verify-ca");
            DriverManager.getConnection(url, p).close();
        }
    }

    /**
     * A start that fails after the server process is running stops it. Real input provokes it: a
     * kept cluster whose role runs read-only transactions by default passes zonky's start-up check
     * ({@code SELECT 1}) but refuses the TLS start's {@code ALTER ROLE ... PASSWORD}. Before the
     * fix the postmaster lived on until the JVM exited.
     */
    @Test
    void aTlsStartThatCannotSetThePasswordStopsTheServer() throws Exception {
        Path folder = dir.resolve("read-only");
        Path cluster = folder.resolve("pgdata");
        try (EmbeddedPostgresServer plain = EmbeddedPostgresServer.start(folder);
                Connection c = plain.dataSource().getConnection();
                Statement st = c.createStatement()) {
            st.execute("ALTER ROLE postgres SET default_transaction_read_only = on");
        }
        ThrowawayCa.ServerCert cert = ca.issueLocalhost("postgres-read-only");
        try {
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(folder, cert))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("cannot require a password")
                    .hasMessageContaining("read-only transaction");
            assertThat(PostmasterRecovery.livePostmaster(cluster)).as("server stopped").isEmpty();
            assertThat(cluster.resolve(PostmasterRecovery.PID_FILE)).doesNotExist();
        } finally {
            PostmasterRecovery.stopOrphan(cluster); // the leaked server, were the fix missing
        }
    }

    private static Connection connect(String mode, Path caFile) throws SQLException {
        return DriverManager.getConnection(pg.jdbcUrl(), props(mode, caFile));
    }

    private static Properties props(String mode, Path caFile) {
        Properties p = new Properties();
        p.setProperty("user", pg.user());
        p.setProperty("password", pg.password());
        p.setProperty("sslmode", mode);
        if (caFile != null) {
            p.setProperty("sslrootcert", caFile.toString());
        }
        return p;
    }
}
