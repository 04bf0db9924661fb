package io.streamforge.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The TLS part of {@link EmbeddedPostgresServer}: server settings, TLS-only hba, a password. */
final class PostgresTls {
    private PostgresTls() {}

    /** TLS server settings (none without a certificate); writes the TLS-only hba file. */
    static Map<String, String> config(Path root, ThrowawayCa.ServerCert tls) throws IOException {
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
    static String requirePassword(EmbeddedPostgres pg, Path root, String user) {
        String password = Passwords.random();
        try (var c = pg.getPostgresDatabase().getConnection();
                var st = c.createStatement()) {
            st.execute("ALTER ROLE " + user + " PASSWORD '" + password + "'");
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
}
