package io.streamforge.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dist handling and process launch of {@link KeycloakServer}, with a stand-in distribution: a
 * zip whose {@code bin/kc.sh} writes its arguments, the bootstrap admin's name and the imported
 * realm file to its output and exits 3. A real process runs it; the real Keycloak's start (about 80
 * s) is covered by the ITs of queue-manager, visualizer and app.
 */
class KeycloakServerTest {
    @TempDir Path dir;

    @Test
    void launchUnpacksOnceStartsKcShWithTheRealmImportedAndAnExitNamesTheLog() throws Exception {
        Path zip = fakeDist("echo \"$@\"; echo admin=$KC_BOOTSTRAP_ADMIN_USERNAME; exit 3");
        Path realm = Files.writeString(dir.resolve("my-realm.json"), "{\"realm\":\"r\"}");
        Path work = dir.resolve("work");
        KeycloakServer kc = KeycloakServer.launch(zip, realm, work);
        assertThatThrownBy(() -> kc.awaitRealm("r", Duration.ofMinutes(2)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Keycloak exited with 3; see " + work.resolve("keycloak.log"));
        String log = Files.readString(kc.log());
        assertThat(log)
                .contains("start-dev --http-port=" + kc.port())
                .contains("--hostname=http://127.0.0.1:" + kc.port() + " --import-realm")
                .contains("admin=sf-test-admin");
        Path home = work.resolve("keycloak/keycloak-9.9.9");
        assertThat(home.resolve("data/import/my-realm.json")).hasContent("{\"realm\":\"r\"}");
        assertThat(kc.issuer("r")).isEqualTo("http://127.0.0.1:" + kc.port() + "/realms/r");

        Files.writeString(
                home.resolve("kept.txt"), "x"); // the marker makes a second launch reuse it
        KeycloakServer again = KeycloakServer.launch(zip, realm, work);
        assertThat(home.resolve("kept.txt")).exists();
        again.closeAndDelete();
        assertThat(work.resolve("keycloak")).doesNotExist();
        assertThat(work.resolve("keycloak.log")).exists();
        kc.close(); // idempotent on an ended process
    }

    @Test
    void aZipEntryOutsideTheTargetIsRefused() throws IOException {
        Path zip = dir.resolve("evil.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("../escaped.sh"));
            out.write("x".getBytes(StandardCharsets.UTF_8));
        }
        assertThatThrownBy(() -> DistZip.unpacked(zip, dir.resolve("t")))
                .isInstanceOf(IOException.class)
                .hasMessage("zip entry outside the target: ../escaped.sh");
        assertThat(dir.resolve("escaped.sh")).doesNotExist();
    }

    @Test
    void aMissingZipOrOneWithoutBinIsNamed() throws IOException {
        assertThatThrownBy(() -> DistZip.unpacked(dir.resolve("none.zip"), dir.resolve("t")))
                .hasMessage("no distribution zip at " + dir.resolve("none.zip"));
        Path zip = dir.resolve("flat.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("README.md"));
        }
        assertThatThrownBy(() -> DistZip.unpacked(zip, dir.resolve("t")))
                .hasMessage("no <dist>/bin under " + dir.resolve("t"));
    }

    /**
     * A zip with {@code keycloak-9.9.9/bin/kc.sh} running {@code script} (not executable in the
     * zip).
     */
    private Path fakeDist(String script) throws IOException {
        Path zip = dir.resolve("keycloak-quarkus-dist-9.9.9.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("keycloak-9.9.9/bin/kc.sh"));
            out.write(("#!/bin/sh\n" + script + "\n").getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new ZipEntry("keycloak-9.9.9/data/"));
        }
        return zip;
    }
}
