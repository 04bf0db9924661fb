package io.streamforge.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The small helpers every embedded server relies on for ports and folders. */
class FreePortsAndFoldersTest {
    @TempDir Path dir;

    @Test
    void aPickedPortCanBeBoundOnLoopback() throws IOException {
        int port = FreePorts.pick();
        assertThat(port).isBetween(1024, 65535);
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(s.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void bindFailuresAreRecognisedAnywhereInTheCauseChain() {
        assertThat(FreePorts.isBindFailure(new BindException("x"))).isTrue();
        assertThat(
                        FreePorts.isBindFailure(
                                new IllegalStateException(
                                        "start failed",
                                        new UncheckedIOException(
                                                new IOException("Address already in use")))))
                .isTrue();
        assertThat(
                        FreePorts.isBindFailure(
                                new RuntimeException(
                                        "LOG:  could not bind IPv4 address \"127.0.0.1\"")))
                .isTrue();
        assertThat(FreePorts.isBindFailure(new IOException("Connection refused"))).isFalse();
        assertThat(FreePorts.isBindFailure(new RuntimeException((String) null))).isFalse();
    }

    @Test
    void deleteRecursivelyRemovesATreeAndIgnoresWhatIsNotThere() throws IOException {
        Path root = dir.resolve("root");
        Files.createDirectories(root.resolve("a/b/c"));
        Files.writeString(root.resolve("a/b/c/file.txt"), "x");
        Files.writeString(root.resolve("top.txt"), "y");
        Folders.deleteRecursively(root);
        assertThat(root).doesNotExist();
        assertThat(dir).exists();
        Folders.deleteRecursively(root);
        Folders.deleteRecursively(null);
    }

    @Test
    void tempFoldersAreNewAndEmpty() throws IOException {
        Path a = Folders.temp("sf-test-", "test");
        Path b = Folders.temp("sf-test-", "test");
        try {
            assertThat(a).isNotEqualTo(b).isEmptyDirectory();
            assertThat(a.getFileName().toString()).startsWith("sf-test-");
        } finally {
            Folders.deleteRecursively(a);
            Folders.deleteRecursively(b);
        }
    }
}
