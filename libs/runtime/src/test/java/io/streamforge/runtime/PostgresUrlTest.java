package io.streamforge.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresUrlTest {
    @TempDir Path dir;

    private static String read(Map<String, String> env) {
        ConfigReader r = new ConfigReader(env);
        String url = PostgresUrl.read(r);
        r.validate();
        return url;
    }

    @Test
    void withoutTlsSettingsTheUrlIsUnchanged() {
        assertThat(read(Map.of("POSTGRES_JDBC_URL", "jdbc:postgresql://db:5432/sf")))
                .isEqualTo("jdbc:postgresql://db:5432/sf");
    }

    @Test
    void verifyFullAndTheCaFileAreAppended() throws Exception {
        Path ca = Files.writeString(dir.resolve("ca.crt"), "x");
        Map<String, String> env = new HashMap<>();
        env.put("POSTGRES_JDBC_URL", "jdbc:postgresql://db:5432/sf?ApplicationName=a");
        env.put("POSTGRES_SSL_MODE", "verify-full");
        env.put("POSTGRES_SSL_ROOT_CERT_FILE", ca.toString());
        assertThat(read(env))
                .isEqualTo(
                        "jdbc:postgresql://db:5432/sf?ApplicationName=a&sslmode=verify-full"
                                + "&sslrootcert="
                                + ca);
    }

    @Test
    void badTlsSettingsAreAllNamedInOneError() {
        Map<String, String> env = new HashMap<>();
        env.put("POSTGRES_JDBC_URL", "jdbc:postgresql://db/sf?sslmode=require");
        env.put("POSTGRES_SSL_MODE", "verify-full");
        env.put("POSTGRES_SSL_ROOT_CERT_FILE", dir.resolve("missing.crt").toString());
        assertThatThrownBy(() -> read(env))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("POSTGRES_JDBC_URL has sslmode")
                .hasMessageContaining("invalid POSTGRES_SSL_ROOT_CERT_FILE: cannot read");
        assertThatThrownBy(
                        () ->
                                read(
                                        Map.of(
                                                "POSTGRES_JDBC_URL", "jdbc:postgresql://db/sf",
                                                "POSTGRES_SSL_MODE", "strict")))
                .hasMessageContaining("invalid POSTGRES_SSL_MODE: 'strict'");
        assertThatThrownBy(
                        () ->
                                read(
                                        Map.of(
                                                "POSTGRES_JDBC_URL", "jdbc:postgresql://db/sf",
                                                "POSTGRES_SSL_MODE", "verify-ca")))
                .hasMessageContaining("verify-ca needs POSTGRES_SSL_ROOT_CERT_FILE");
        assertThatThrownBy(() -> read(Map.of("POSTGRES_JDBC_URL", "jdbc:mysql://db/x")))
                .hasMessageContaining("invalid POSTGRES_JDBC_URL");
    }
}
