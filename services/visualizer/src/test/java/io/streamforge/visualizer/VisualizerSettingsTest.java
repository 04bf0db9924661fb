package io.streamforge.visualizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamforge.runtime.ConfigException;
import io.streamforge.runtime.ConfigReader;
import io.streamforge.runtime.StopSignal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VisualizerSettingsTest {
    @TempDir Path dir;

    static Map<String, String> minimal() {
        Map<String, String> env = new HashMap<>();
        env.put("QUEUE_MANAGER_URL", "http://queue-manager:8080/");
        env.put("POSTGRES_JDBC_URL", "jdbc:postgresql://pg:5432/streamforge");
        env.put("OIDC_ISSUER_URL", "https://keycloak.example/realms/streamforge");
        env.put("OIDC_AUDIENCE", "streamforge-api");
        env.put("OIDC_CLIENT_ID", "streamforge-ui");
        return env;
    }

    @Test
    void aPublicBindNeedsAnIssuerAndTheUiClient() {
        Map<String, String> env = minimal();
        env.remove("OIDC_ISSUER_URL");
        assertThatThrownBy(() -> VisualizerSettings.read(new ConfigReader(env)))
                .hasMessageContaining(
                        "OIDC_ISSUER_URL is required when HTTP_HOST (0.0.0.0) is not a loopback");
        assertThat(Main.run(env, new StopSignal())).isEqualTo(2);
        env.put("HTTP_HOST", "127.0.0.1");
        assertThat(VisualizerSettings.read(new ConfigReader(env)).oidc().enabled()).isFalse();
        Map<String, String> noClient = minimal();
        noClient.remove("OIDC_CLIENT_ID");
        assertThatThrownBy(() -> VisualizerSettings.read(new ConfigReader(noClient)))
                .hasMessageContaining("missing OIDC_CLIENT_ID");
        assertThat(VisualizerSettings.read(new ConfigReader(minimal())).toString())
                .contains("oidc=https://keycloak.example/realms/streamforge client=streamforge-ui");
    }

    @Test
    void defaults() {
        VisualizerSettings s = VisualizerSettings.read(new ConfigReader(minimal()));
        assertThat(s.httpHost()).isEqualTo("0.0.0.0");
        assertThat(s.httpPort()).isEqualTo(8080);
        assertThat(s.queueManagerUrl()).isEqualTo("http://queue-manager:8080");
        assertThat(s.database().arango()).isFalse();
        assertThat(s.database().user()).isEqualTo("postgres");
        assertThat(s.database().password()).isNull();
        assertThat(s.modelName()).isNull();
        assertThat(s.s3().bucket()).isEqualTo("streamforge");
        assertThat(s.s3().prefix()).isEqualTo("models");
    }

    @Test
    void secretsComeFromFilesAndAreNeverPrinted() throws Exception {
        Path pw = Files.writeString(dir.resolve("pw"), "s3cr3t-value\n");
        Map<String, String> env = minimal();
        env.put("POSTGRES_PASSWORD_FILE", pw.toString());
        env.put("MODEL_NAME", "gat-majors");
        env.put("HTTP_PORT", "9090");
        VisualizerSettings s = VisualizerSettings.read(new ConfigReader(env));
        assertThat(s.database().password()).isEqualTo("s3cr3t-value");
        assertThat(s.modelName()).isEqualTo("gat-majors");
        assertThat(s.httpPort()).isEqualTo(9090);
        assertThat(s.toString()).doesNotContain("s3cr3t-value").contains("gat-majors");
    }

    @Test
    void everyProblemIsListedAtOnce() {
        Map<String, String> env = new HashMap<>();
        env.put("HTTP_PORT", "70000");
        env.put("MODEL_NAME", "bad/name");
        env.put("S3_ENDPOINT", "ftp://x");
        env.put("POSTGRES_PASSWORD_FILE", dir.resolve("missing").toString());
        assertThatThrownBy(() -> VisualizerSettings.read(new ConfigReader(env)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("missing QUEUE_MANAGER_URL")
                .hasMessageContaining("missing POSTGRES_JDBC_URL")
                .hasMessageContaining("invalid HTTP_PORT")
                .hasMessageContaining("invalid MODEL_NAME")
                .hasMessageContaining("invalid S3_ENDPOINT")
                .hasMessageContaining("invalid POSTGRES_PASSWORD_FILE");
    }

    @Test
    void badUrlsAreRefused() {
        Map<String, String> env = minimal();
        env.put("QUEUE_MANAGER_URL", "queue-manager:8080");
        env.put("POSTGRES_JDBC_URL", "jdbc:mysql://db/x");
        assertThatThrownBy(() -> VisualizerSettings.read(new ConfigReader(env)))
                .hasMessageContaining("invalid QUEUE_MANAGER_URL: expected http(s)://host[:port]")
                .hasMessageContaining("invalid POSTGRES_JDBC_URL");
    }

    @Test
    void mainExitsWithTwoOnBadConfiguration() {
        assertThat(Main.run(Map.of(), new StopSignal())).isEqualTo(2);
    }

    @Test
    void arangoWhenDbKindSaysSo() {
        Map<String, String> env = minimal();
        env.remove("POSTGRES_JDBC_URL");
        env.put("DB_KIND", "arango");
        env.put("ARANGO_URL", "http://arangodb:8529");
        VisualizerSettings s = VisualizerSettings.read(new ConfigReader(env));
        assertThat(s.database().arango()).isTrue();
        assertThat(s.toString()).contains("arango http://arangodb:8529/streamforge");
    }
}
