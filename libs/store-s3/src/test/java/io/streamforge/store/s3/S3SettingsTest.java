package io.streamforge.store.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamforge.runtime.ConfigException;
import io.streamforge.runtime.ConfigReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where gnn-trainer writes and the visualizer reads models: defaults, MODEL_OUTPUT overriding
 * bucket and prefix, keys and URIs, credentials from files only, and one error naming every bad
 * variable. Read through the registry-checked reader of both services that use it.
 */
class S3SettingsTest {
    @TempDir Path dir;

    private static S3Settings read(String service, Map<String, String> env) {
        ConfigReader r = ConfigReader.forService(service, env);
        S3Settings s = S3Settings.read(r);
        r.validate();
        return s;
    }

    @Test
    void defaultsAreTheAwsChainTheStreamforgeBucketAndTheModelsPrefix() {
        for (String service : new String[] {"gnn-trainer", "visualizer"}) {
            S3Settings s = read(service, Map.of());
            assertThat(s.endpoint()).isNull();
            assertThat(s.region()).isEqualTo("us-east-1");
            assertThat(s.bucket()).isEqualTo("streamforge");
            assertThat(s.prefix()).isEqualTo(S3Settings.DEFAULT_PREFIX);
            assertThat(s.accessKey()).isNull();
            assertThat(s.toString()).contains("credentials=default chain");
        }
    }

    @Test
    void modelOutputOverridesBucketAndPrefixAndShapesKeys() {
        S3Settings s =
                read(
                        "gnn-trainer",
                        Map.of(
                                "S3_ENDPOINT", "http://127.0.0.1:9000",
                                "S3_BUCKET", "ignored-bucket",
                                "MODEL_OUTPUT", "s3://team-models//experiments/gat/"));
        assertThat(s.endpoint()).isEqualTo(URI.create("http://127.0.0.1:9000"));
        assertThat(s.bucket()).isEqualTo("team-models");
        assertThat(s.prefix()).isEqualTo("experiments/gat");
        assertThat(s.key("m1", "run-1", "model.pt")).isEqualTo("experiments/gat/m1/run-1/model.pt");
        assertThat(s.uri("m1", "run-1")).isEqualTo("s3://team-models/experiments/gat/m1/run-1/");
        S3Settings bare = read("gnn-trainer", Map.of("MODEL_OUTPUT", "s3://bucket1"));
        assertThat(bare.prefix()).isEmpty();
        assertThat(bare.key("m", "r", "f")).isEqualTo("m/r/f");
    }

    @Test
    void credentialsComeFromFilesAndNeverShowInText() throws Exception {
        Path access = Files.writeString(dir.resolve("access"), "AKIAEXAMPLE\n");
        Path secret = Files.writeString(dir.resolve("secret"), "wJalrXUtnFEMI\n");
        S3Settings s =
                read(
                        "visualizer",
                        Map.of(
                                "S3_ACCESS_KEY_FILE", access.toString(),
                                "S3_SECRET_KEY_FILE", secret.toString()));
        assertThat(s.accessKey()).isEqualTo("AKIAEXAMPLE");
        assertThat(s.secretKey()).isEqualTo("wJalrXUtnFEMI");
        assertThat(s.toString()).contains("credentials=from files").doesNotContain("wJalr", "AKIA");
        assertThatThrownBy(
                        () -> read("visualizer", Map.of("S3_ACCESS_KEY_FILE", access.toString())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(
                        "S3_ACCESS_KEY_FILE and S3_SECRET_KEY_FILE must be set together");
    }

    @Test
    void everyBadVariableIsNamedInOneError() {
        Map<String, String> env = new HashMap<>();
        env.put("S3_ENDPOINT", "ftp://files");
        env.put("S3_BUCKET", "Upper_Case");
        env.put("MODEL_OUTPUT", "https://bucket/prefix");
        assertThatThrownBy(() -> read("gnn-trainer", env))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(
                        "invalid S3_ENDPOINT: expected http(s)://host[:port], got 'ftp://files'")
                .hasMessageContaining(
                        "invalid S3_BUCKET: bucket 'Upper_Case': expected 3-63 of [a-z0-9.-]")
                .hasMessageContaining("invalid MODEL_OUTPUT: expected s3://bucket[/prefix]");
    }

    @Test
    void bucketAndPrefixRulesAreThoseOfS3() {
        assertThat(S3Settings.bucket("a.b-c")).isEqualTo("a.b-c");
        for (String bad : new String[] {"ab", "-abc", "abc-", "a".repeat(64), "a_b"}) {
            assertThatThrownBy(() -> S3Settings.bucket(bad))
                    .as(bad)
                    .hasMessageContaining("expected 3-63");
        }
        assertThat(S3Settings.output("s3://abc/x/y")).containsExactly("abc", "x/y");
        assertThatThrownBy(() -> S3Settings.output("s3://abc/x//y"))
                .hasMessage("prefix 'x//y': expected [A-Za-z0-9_./-] segments");
        assertThatThrownBy(() -> S3Settings.output("s3://abc/x y"))
                .hasMessageContaining("prefix 'x y'");
        assertThatThrownBy(() -> S3Settings.endpoint("http:///nohost"))
                .hasMessageContaining("expected http(s)://host[:port]");
    }
}
