package io.streamforge.app.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamforge.app.Platforms;
import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * The app's runtime class path (what {@code app/target/lib} packages) holds PostgreSQL binaries for
 * linux-amd64, linux-arm64v8, darwin-amd64 and darwin-arm64v8, found by the same zonky resolver
 * that picks them at run time; GNN training elsewhere fails with a clear message.
 */
class PlatformBinariesTest {
    @Test
    void postgresBinariesArePackagedForEveryPlatformNamed() throws Exception {
        assertThat(Platforms.POSTGRES)
                .extracting(Platforms.Platform::toString)
                .containsExactly(
                        "linux-x86_64", "linux-aarch64", "darwin-x86_64", "darwin-aarch64");
        for (Platforms.Platform p : Platforms.POSTGRES) {
            try (InputStream archive =
                    DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(p.os(), p.arch())) {
                assertThat(archive).as("PostgreSQL binaries for " + p).isNotNull();
                byte[] head = archive.readNBytes(6);
                assertThat(head)
                        .as("an xz archive for " + p)
                        .containsExactly(0xFD, '7', 'z', 'X', 'Z', 0x00);
            }
        }
    }

    @Test
    void aPlatformWithoutBinariesGetsNoArchive() {
        InputStream archive;
        try {
            archive = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", "s390x");
        } catch (java.io.IOException | RuntimeException e) {
            archive = null; // zonky refuses it: as good as none
        }
        assertThat(archive).as("no binaries are packaged for linux-s390x").isNull();
    }

    @Test
    void gnnTrainingOutsideLinuxX8664FailsWithAClearMessage() {
        var mac = new Platforms.Platform("Darwin", "aarch64");
        assertThatThrownBy(() -> Platforms.gnnTrainer(mac).create(null, null).run(null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("GNN training needs linux-x86_64")
                .hasMessageContaining("darwin-aarch64");
        assertThat(Platforms.gnnTrainer(Platforms.GNN)).isNotNull();
    }
}
