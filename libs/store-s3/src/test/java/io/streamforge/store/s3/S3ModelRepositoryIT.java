package io.streamforge.store.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamforge.domain.PermanentException;
import io.streamforge.domain.TransientException;
import io.streamforge.embedded.EmbeddedS3;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** S3ModelRepository against a real S3 API (EmbeddedS3 = S3Proxy) over loopback. */
class S3ModelRepositoryIT {
    private static EmbeddedS3 s3;

    @BeforeAll
    static void start() {
        s3 = EmbeddedS3.start();
    }

    @AfterAll
    static void stop() {
        s3.close();
    }

    private static S3Settings settings(String bucket, String prefix) {
        return new S3Settings(
                s3.endpoint(), s3.region(), bucket, prefix, s3.accessKey(), s3.secretKey());
    }

    private static Map<String, byte[]> files() {
        byte[] params = new byte[100_000];
        for (int i = 0; i < params.length; i++) {
            params[i] = (byte) (i * 7 + 3);
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("parameters.ndlist", params);
        files.put("metadata.json", "{\"v\":1}".getBytes(StandardCharsets.UTF_8));
        return files;
    }

    @Test
    void createsTheBucketAndRoundTripsRuns() {
        try (S3ModelRepository repo = S3ModelRepository.open(settings("fresh-bucket", "models"))) {
            assertThat(repo.list("gat")).isEmpty();
            String uri = repo.put("gat", "20240102T000000Z-bbbbbb", files());
            repo.put("gat", "20240101T000000Z-aaaaaa", Map.of("metadata.json", new byte[0]));
            repo.put("other", "r1", Map.of("x", new byte[] {1}));
            assertThat(uri).isEqualTo("s3://fresh-bucket/models/gat/20240102T000000Z-bbbbbb/");
            assertThat(repo.list("gat"))
                    .containsExactly("20240101T000000Z-aaaaaa", "20240102T000000Z-bbbbbb");
            Map<String, byte[]> back = repo.get("gat", "20240102T000000Z-bbbbbb");
            assertThat(back.keySet()).containsExactly("metadata.json", "parameters.ndlist");
            assertThat(back.get("parameters.ndlist")).isEqualTo(files().get("parameters.ndlist"));
            assertThat(repo.get("gat", "20240101T000000Z-aaaaaa").get("metadata.json")).isEmpty();
        }
        try (S3Client raw = rawClient()) {
            List<String> keys =
                    raw
                            .listObjectsV2(
                                    b -> b.bucket("fresh-bucket").prefix("models/gat/2024010"))
                            .contents()
                            .stream()
                            .map(S3Object::key)
                            .toList();
            assertThat(keys)
                    .contains(
                            "models/gat/20240102T000000Z-bbbbbb/parameters.ndlist",
                            "models/gat/20240102T000000Z-bbbbbb/metadata.json",
                            "models/gat/20240102T000000Z-bbbbbb/_manifest");
        }
    }

    @Test
    void neverOverwritesARunAndHidesIncompleteOnes() {
        try (S3ModelRepository repo = S3ModelRepository.open(settings("keep-bucket", "a/b"));
                S3Client raw = rawClient()) {
            repo.put("m", "r1", files());
            assertThatThrownBy(() -> repo.put("m", "r1", Map.of("metadata.json", new byte[1])))
                    .isInstanceOf(PermanentException.class)
                    .hasMessageContaining("run r1 already exists at s3://keep-bucket/a/b/m/r1/");
            assertThat(repo.get("m", "r1").get("metadata.json"))
                    .isEqualTo(files().get("metadata.json"));
            // an upload that died before its manifest: files without _manifest
            raw.putObject(
                    b -> b.bucket("keep-bucket").key("a/b/m/r2/metadata.json"),
                    RequestBody.fromString("{}"));
            assertThat(repo.list("m")).containsExactly("r1");
            assertThatThrownBy(() -> repo.get("m", "r2"))
                    .isInstanceOf(NoSuchElementException.class)
                    .hasMessageContaining("no complete run r2 of model m");
            assertThatThrownBy(() -> repo.put("m", "r2", files()))
                    .isInstanceOf(PermanentException.class);
        }
    }

    @Test
    void rejectsBadNamesAndEmptyRuns() {
        try (S3ModelRepository repo = S3ModelRepository.open(settings("names-bucket", "models"))) {
            assertThatThrownBy(() -> repo.put("a/b", "r", files()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("model name 'a/b'");
            assertThatThrownBy(() -> repo.put("m", "../r", files()))
                    .hasMessageContaining("run '../r'");
            assertThatThrownBy(() -> repo.put("m", "r", Map.of("_manifest", new byte[1])))
                    .hasMessageContaining("file name '_manifest'");
            assertThatThrownBy(() -> repo.put("m", "r", Map.of())).hasMessageContaining("no files");
            assertThatThrownBy(() -> repo.get("m", "nothing-here"))
                    .isInstanceOf(NoSuchElementException.class);
            assertThat(repo.list("m")).isEmpty();
        }
    }

    @Test
    void wrongCredentialsArePermanentAndNoServerIsTransient() {
        S3Settings wrong =
                new S3Settings(s3.endpoint(), s3.region(), "creds-bucket", "models", "x", "y");
        try (S3ModelRepository repo = S3ModelRepository.open(wrong)) {
            assertThatThrownBy(() -> repo.put("m", "r", files()))
                    .isInstanceOf(PermanentException.class)
                    .hasMessageContaining("HTTP 403");
        }
        S3Settings nobody =
                new S3Settings(
                        URI.create("http://127.0.0.1:1"), "us-east-1", "b-b-b", "models", "x", "y");
        try (S3ModelRepository repo = S3ModelRepository.open(nobody)) {
            assertThatThrownBy(() -> repo.put("m", "r", files()))
                    .isInstanceOf(TransientException.class)
                    .hasMessageContaining("http://127.0.0.1:1");
        }
    }

    private static S3Client rawClient() {
        return S3Client.builder()
                .endpointOverride(s3.endpoint())
                .region(software.amazon.awssdk.regions.Region.of(s3.region()))
                .forcePathStyle(true)
                .credentialsProvider(
                        software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                                software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(
                                        s3.accessKey(), s3.secretKey())))
                .build();
    }
}
