package io.streamforge.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamforge.domain.Symbol;
import io.streamforge.domain.TransientException;
import io.streamforge.embedded.EmbeddedPostgresServer;
import io.streamforge.embedded.ThrowawayCa;
import io.streamforge.runtime.ConfigReader;
import io.streamforge.runtime.DatabaseSettings;
import io.streamforge.store.postgres.PostgresStores;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stores on the embedded PostgreSQL with {@code ssl=on} (certificate from a throwaway CA),
 * configured as the services are in the homelab: {@code POSTGRES_SSL_MODE=verify-full} and {@code
 * POSTGRES_SSL_ROOT_CERT_FILE}. Every pooled connection is TLS; no TLS or another CA is refused.
 */
class PostgresTlsIT {
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

    private static DatabaseSettings settings(String mode, Path caFile) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("POSTGRES_JDBC_URL", pg.jdbcUrl());
        env.put("POSTGRES_USER", pg.user());
        Path pw = dir.resolve("postgres-password");
        java.nio.file.Files.writeString(pw, pg.password());
        env.put("POSTGRES_PASSWORD_FILE", pw.toString());
        env.put("POSTGRES_SSL_MODE", mode);
        if (caFile != null) {
            env.put("POSTGRES_SSL_ROOT_CERT_FILE", caFile.toString());
        }
        ConfigReader r = new ConfigReader(env);
        DatabaseSettings s = DatabaseSettings.read(r);
        r.validate();
        return s;
    }

    @Test
    void theStoresMigrateAndQueryOverVerifiedTls() throws Exception {
        DatabaseSettings s = settings("verify-full", ca.caFile());
        try (PostgresStores stores = PostgresStores.open(s.jdbcUrl(), s.user(), s.password(), 2)) {
            // open() ran the schema migration (DDL + inserts) over this TLS connection pool
            assertThat(stores.marketData().count("candle", Symbol.of("BTCUSDT"))).isZero();
            try (Connection conn = stores.dataSource().getConnection();
                    ResultSet rs =
                            conn.createStatement()
                                    .executeQuery(
                                            "select count(*) filter (where not ssl), count(*)"
                                                    + " from pg_stat_ssl join pg_stat_activity"
                                                    + " using (pid) where datname = current_database()")) {
                rs.next();
                assertThat(s.password()).isEqualTo(pg.password()); // SCRAM over TLS
                assertThat(rs.getLong(1)).as("connections without TLS").isZero();
                assertThat(rs.getLong(2)).isPositive();
            }
        }
    }

    @Test
    void withoutTlsOrWithAnotherCaTheStoresDoNotOpen() throws Exception {
        DatabaseSettings plain = settings("disable", null);
        assertThatThrownBy(
                        () ->
                                PostgresStores.open(
                                        plain.jdbcUrl(), plain.user(), plain.password(), 1))
                .isInstanceOf(TransientException.class)
                .hasMessageContaining("no encryption");
        Path otherCa = ThrowawayCa.create(dir.resolve("other")).caFile();
        DatabaseSettings wrongCa = settings("verify-full", otherCa);
        assertThatThrownBy(
                        () ->
                                PostgresStores.open(
                                        wrongCa.jdbcUrl(), wrongCa.user(), wrongCa.password(), 1))
                .isInstanceOf(TransientException.class)
                .hasMessageContaining("cannot connect to PostgreSQL");
    }
}
