package io.streamforge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The secret files the local platform hands its workers as {@code *_FILE} paths. */
class PlatformEnvTest {
    @TempDir Path dir;

    @Test
    void aSecretIsWrittenUnderSecretsReadableByTheOwnerOnly() throws Exception {
        String path = PlatformEnv.secretFile(dir, "postgres-password", "s3cr3t=\"x\"");
        Path f = Path.of(path);
        assertThat(f).isEqualTo(dir.resolve("secrets").resolve("postgres-password"));
        assertThat(Files.readString(f)).isEqualTo("s3cr3t=\"x\"");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
                .isEqualTo("rw-------");
    }

    @Test
    void aMissingValueIsAnEmptyFileAndARewriteReplacesTheOldValue() throws Exception {
        Path f = Path.of(PlatformEnv.secretFile(dir, "s3-secret-key", null));
        assertThat(Files.readString(f)).isEmpty();
        PlatformEnv.secretFile(dir, "s3-secret-key", "new");
        assertThat(Files.readString(f)).isEqualTo("new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
                .isEqualTo("rw-------");
    }

    @Test
    void aDataFolderThatCannotHoldSecretsIsAnError() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        assertThatThrownBy(() -> PlatformEnv.secretFile(file, "k", "v"))
                .isInstanceOf(UncheckedIOException.class);
    }
}
