package io.streamforge.app.rehearse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link KeycloakIdentity} without a real Keycloak start (about 80 s; {@code HomelabRehearsalIT}
 * runs the real one): a stand-in dist whose {@code bin/kc.sh} exits 3 at once, run as a real
 * process. What the host table says, a failed start reported at the first token (naming the log)
 * and again at the next, and the unpacked dist deleted on close.
 */
class KeycloakIdentityTest {
    @TempDir Path dir;

    @Test
    void aKeycloakThatExitsFailsEveryTokenNamingItsLogAndCloseDeletesTheDist() throws IOException {
        Path zip = dir.resolve("keycloak-quarkus-dist-9.9.9.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("keycloak-9.9.9/bin/kc.sh"));
            out.write("#!/bin/sh\necho no java here\nexit 3\n".getBytes(StandardCharsets.UTF_8));
        }
        Path realm = Path.of("../deploy/keycloak/streamforge-realm.json");
        Path work = dir.resolve("work");
        try (KeycloakIdentity kc =
                KeycloakIdentity.start(zip, realm, work, Duration.ofMinutes(2))) {
            assertThat(kc.description())
                    .isEqualTo(
                            "real Keycloak "
                                    + KeycloakDist.version()
                                    + " (realm file ../deploy/keycloak/streamforge-realm.json,"
                                    + " realm streamforge; tokens by streamforge-ui's code + PKCE)");
            assertThat(kc.origin()).matches("http://127\\.0\\.0\\.1:\\d+");
            assertThat(kc.issuer()).isEqualTo(kc.origin() + "/realms/streamforge");
            String exited = "Keycloak exited with 3; see " + work.resolve("keycloak.log");
            assertThatThrownBy(() -> kc.token(List.of("operator"))).hasMessage(exited);
            assertThatThrownBy(() -> kc.token(List.of("viewer"))).hasMessage(exited);
            assertThat(work.resolve("keycloak")).isDirectory();
        }
        assertThat(work.resolve("keycloak")).doesNotExist();
        assertThat(work.resolve("keycloak.log")).content().contains("no java here");
    }

    @Test
    void aRealmFileWithoutARealmIsRefusedBeforeAnythingStarts() throws IOException {
        Path realm = Files.writeString(dir.resolve("realm.json"), "{\"clients\":[]}");
        assertThatThrownBy(
                        () ->
                                KeycloakIdentity.start(
                                        dir.resolve("none.zip"),
                                        realm,
                                        dir.resolve("work"),
                                        Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no \"realm\" in " + realm);
        assertThat(dir.resolve("work")).doesNotExist();
    }
}
