package io.streamforge.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTest {
    @TempDir Path dir;

    @Test
    void runsSqlAndKeepsDataAcrossARestartOnTheSameFolder() throws Exception {
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(dir)) {
            try (Connection c = pg.dataSource().getConnection();
                    Statement st = c.createStatement()) {
                st.execute("CREATE TABLE kept (id int PRIMARY KEY, v numeric)");
                st.execute("INSERT INTO kept VALUES (1, 0.00000001), (2, 123456789.123456789)");
                try (ResultSet rs = st.executeQuery("SHOW server_version_num")) {
                    rs.next();
                    assertThat(Integer.parseInt(rs.getString(1))).isGreaterThanOrEqualTo(160000);
                }
                try (ResultSet rs = st.executeQuery("SHOW fsync")) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo("on");
                }
                try (ResultSet rs = st.executeQuery("SHOW synchronous_commit")) {
                    rs.next();
                    assertThat(rs.getString(1)).as("durable by default").isEqualTo("on");
                }
            }
        }
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(dir);
                Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password());
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT v::text FROM kept ORDER BY id")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("0.00000001");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("123456789.123456789");
        }
        assertThat(Files.exists(dir.resolve("pgdata").resolve("PG_VERSION"))).isTrue();
    }

    @Test
    void temporaryServerDeletesItsFolderOnClose() throws Exception {
        Path folder;
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start()) {
            folder = pg.dataDir();
            try (Connection c = pg.dataSource().getConnection();
                    Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT current_user")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo(pg.user());
            }
            try (Connection c = pg.dataSource().getConnection();
                    Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SHOW fsync")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("off");
            }
            assertThat(setting(pg, "synchronous_commit")).isEqualTo("off");
            assertThat(pg.jdbcUrl())
                    .isEqualTo("jdbc:postgresql://localhost:" + pg.port() + "/postgres");
        }
        assertThat(Files.exists(folder)).isFalse();
    }

    @Test
    void aKeptFolderMayRunThrowAway() throws Exception {
        try (EmbeddedPostgresServer pg =
                EmbeddedPostgresServer.start(dir, EmbeddedPostgresServer.Durability.THROWAWAY)) {
            assertThat(setting(pg, "fsync")).isEqualTo("off");
            assertThat(setting(pg, "synchronous_commit")).isEqualTo("off");
        }
        assertThatThrownBy(
                        () ->
                                EmbeddedPostgresServer.start(
                                        dir, (EmbeddedPostgresServer.Durability) null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("durability");
    }

    private static String setting(EmbeddedPostgresServer pg, String name) throws Exception {
        try (Connection c = pg.dataSource().getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SHOW " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void closedServerRefusesConnections() throws Exception {
        EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(dir);
        var ds = pg.dataSource();
        pg.close();
        pg.close(); // idempotent
        assertThatThrownBy(ds::getConnection).isInstanceOf(java.sql.SQLException.class);
    }
}
