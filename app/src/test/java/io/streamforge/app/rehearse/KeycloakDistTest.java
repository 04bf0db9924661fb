package io.streamforge.app.rehearse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * Where {@code rehearse} looks for the Keycloak dist zip: the version of the build and the local
 * Maven repository from each place Maven takes it from, in order, on temporary folders.
 */
class KeycloakDistTest {
    private static final Function<String, String> NO_PROPERTIES = name -> null;

    @TempDir Path home;
    @TempDir Path root;

    @Test
    void theVersionIsTheParentPomsKeycloakVersion() throws Exception {
        Element properties =
                (Element)
                        DocumentBuilderFactory.newInstance()
                                .newDocumentBuilder()
                                .parse(Path.of("../pom.xml").toFile())
                                .getElementsByTagName("properties")
                                .item(0);
        String parent =
                properties.getElementsByTagName("keycloak.version").item(0).getTextContent();
        assertThat(KeycloakDist.version()).isEqualTo(parent.strip()).matches("\\d+\\.\\d+\\.\\d+");
    }

    @Test
    void theDefaultRepositoryIsUnderTheUsersM2() throws IOException {
        KeycloakDist.Location absent = KeycloakDist.locate(Map.of(), NO_PROPERTIES, root, home);
        Path zip = zipPath(home.resolve(".m2/repository"));
        assertThat(absent)
                .isEqualTo(
                        new KeycloakDist.Location(
                                zip, "the default local Maven repository", false));
        Files.createDirectories(zip.getParent());
        Files.write(zip, new byte[] {1});
        assertThat(KeycloakDist.locate(Map.of(), NO_PROPERTIES, root, home).present()).isTrue();
    }

    @Test
    void eachPlaceMavenReadsTheRepositoryFromIsHonouredFirstMatchWins() throws IOException {
        Files.createDirectories(home.resolve(".m2"));
        Files.writeString(
                home.resolve(".m2/settings.xml"),
                "<settings><localRepository>${user.home}/repo-s</localRepository></settings>");
        assertThat(KeycloakDist.locate(Map.of(), NO_PROPERTIES, root, home))
                .extracting(KeycloakDist.Location::zip, KeycloakDist.Location::source)
                .containsExactly(zipPath(home.resolve("repo-s")), "~/.m2/settings.xml");

        Files.createDirectories(root.resolve(".mvn"));
        Files.writeString(root.resolve(".mvn/maven.config"), "-B\n-Dmaven.repo.local=repo-c\n");
        assertThat(KeycloakDist.locate(Map.of(), NO_PROPERTIES, root, home))
                .extracting(KeycloakDist.Location::zip, KeycloakDist.Location::source)
                .containsExactly(zipPath(root.resolve("repo-c")), ".mvn/maven.config");

        Map<String, String> env =
                Map.of("MAVEN_OPTS", "-Xmx1g -Dmaven.repo.local=\"/ci/.m2/repository\"");
        assertThat(KeycloakDist.locate(env, NO_PROPERTIES, root, home))
                .extracting(KeycloakDist.Location::zip, KeycloakDist.Location::source)
                .containsExactly(zipPath(Path.of("/ci/.m2/repository")), "MAVEN_OPTS");

        Function<String, String> sys = name -> name.equals("maven.repo.local") ? "/sys/repo" : null;
        assertThat(KeycloakDist.locate(env, sys, root, home))
                .extracting(KeycloakDist.Location::zip, KeycloakDist.Location::source)
                .containsExactly(zipPath(Path.of("/sys/repo")), "-Dmaven.repo.local");
    }

    @Test
    void aSettingsFileWithoutALocalRepositoryOrUnreadableFallsBackToTheDefault()
            throws IOException {
        Files.createDirectories(home.resolve(".m2"));
        Files.writeString(
                home.resolve(".m2/settings.xml"), "<settings><offline>true</offline></settings>");
        assertThat(KeycloakDist.locate(Map.of(), NO_PROPERTIES, root, home).zip())
                .isEqualTo(zipPath(home.resolve(".m2/repository")));
        Files.writeString(home.resolve(".m2/settings.xml"), "<settings><localRepository>");
        assertThat(KeycloakDist.locate(Map.of(), NO_PROPERTIES, root, home).zip())
                .isEqualTo(zipPath(home.resolve(".m2/repository")));
    }

    @Test
    void theDownloadCommandNamesTheArtifactOfThisVersion() {
        assertThat(KeycloakDist.locate(Map.of(), NO_PROPERTIES, root, home).downloadCommand())
                .isEqualTo(
                        "./mvnw -q dependency:get -Dartifact=org.keycloak:keycloak-quarkus-dist:"
                                + KeycloakDist.version()
                                + ":zip");
    }

    private static Path zipPath(Path repo) {
        String v = KeycloakDist.version();
        return repo.resolve(
                "org/keycloak/keycloak-quarkus-dist/" + v + "/keycloak-quarkus-dist-" + v + ".zip");
    }
}
