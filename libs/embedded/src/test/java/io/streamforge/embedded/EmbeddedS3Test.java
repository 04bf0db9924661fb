package io.streamforge.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** EmbeddedS3 against the real AWS SDK v2 client over loopback. */
class EmbeddedS3Test {
    @TempDir Path dir;

    private static S3Client client(EmbeddedS3 s3, String secret) {
        return S3Client.builder()
                .endpointOverride(s3.endpoint())
                .region(Region.of(s3.region()))
                .forcePathStyle(true)
                .credentialsProvider(
                        StaticCredentialsProvider.create(
                                AwsBasicCredentials.create(s3.accessKey(), secret)))
                .build();
    }

    @Test
    void putGetListAndKeepObjectsAcrossARestartOnTheSameFolder() {
        byte[] binary = new byte[70_000];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (i * 31);
        }
        try (EmbeddedS3 s3 = EmbeddedS3.start(dir);
                S3Client c = client(s3, s3.secretKey())) {
            assertThat(s3.endpoint().toString()).isEqualTo("http://127.0.0.1:" + s3.port());
            c.createBucket(b -> b.bucket("models"));
            c.putObject(
                    b -> b.bucket("models").key("m/run-1/params.bin"),
                    RequestBody.fromBytes(binary));
            c.putObject(
                    b -> b.bucket("models").key("m/run-1/metadata.json"),
                    RequestBody.fromString("{\"a\":1}"));
            c.putObject(
                    b -> b.bucket("models").key("m/run-2/metadata.json"),
                    RequestBody.fromString("{}"));
            c.putObject(b -> b.bucket("models").key("other/x"), RequestBody.fromString("x"));

            byte[] back =
                    c.getObjectAsBytes(b -> b.bucket("models").key("m/run-1/params.bin"))
                            .asByteArray();
            assertThat(back).isEqualTo(binary);
            List<String> keys =
                    c.listObjectsV2(b -> b.bucket("models").prefix("m/")).contents().stream()
                            .map(S3Object::key)
                            .toList();
            assertThat(keys)
                    .containsExactly(
                            "m/run-1/metadata.json", "m/run-1/params.bin", "m/run-2/metadata.json");
            List<String> runs =
                    c
                            .listObjectsV2(b -> b.bucket("models").prefix("m/").delimiter("/"))
                            .commonPrefixes()
                            .stream()
                            .map(p -> p.prefix())
                            .toList();
            assertThat(runs).containsExactly("m/run-1/", "m/run-2/");
        }
        try (EmbeddedS3 s3 = EmbeddedS3.start(dir);
                S3Client c = client(s3, s3.secretKey())) {
            String text =
                    c.getObjectAsBytes(b -> b.bucket("models").key("m/run-1/metadata.json"))
                            .asString(StandardCharsets.UTF_8);
            assertThat(text).isEqualTo("{\"a\":1}");
        }
        assertThat(Files.isDirectory(dir.resolve("blobs").resolve("models"))).isTrue();
    }

    @Test
    void rejectsAWrongSecretAndReportsMissingKeys() {
        try (EmbeddedS3 s3 = EmbeddedS3.start();
                S3Client good = client(s3, s3.secretKey());
                S3Client bad = client(s3, "wrong-secret")) {
            good.createBucket(b -> b.bucket("bucket-one"));
            assertThatThrownBy(() -> bad.listObjectsV2(b -> b.bucket("bucket-one")))
                    .isInstanceOf(S3Exception.class)
                    .satisfies(e -> assertThat(((S3Exception) e).statusCode()).isEqualTo(403));
            assertThatThrownBy(() -> good.getObjectAsBytes(b -> b.bucket("bucket-one").key("nope")))
                    .isInstanceOf(NoSuchKeyException.class);
        }
    }

    @Test
    void temporaryStoreDeletesItsFolderOnCloseAndCloseIsIdempotent() {
        EmbeddedS3 s3 = EmbeddedS3.start();
        Path folder = s3.dataDir();
        try (S3Client c = client(s3, s3.secretKey())) {
            c.createBucket(b -> b.bucket("tmp"));
            c.putObject(b -> b.bucket("tmp").key("k"), RequestBody.fromString("v"));
        }
        assertThat(Files.exists(folder.resolve("blobs").resolve("tmp"))).isTrue();
        s3.close();
        s3.close();
        assertThat(Files.exists(folder)).isFalse();
    }

    @Test
    void clearErrorWhenTheFolderCannotBeUsed() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
        assertThatThrownBy(() -> EmbeddedS3.start(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot start embedded S3")
                .hasMessageContaining(file.toString());
    }
}
