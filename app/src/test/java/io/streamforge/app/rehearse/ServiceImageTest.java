package io.streamforge.app.rehearse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A service's image read from a repository layout built in a temporary folder. */
class ServiceImageTest {
    @TempDir Path root;
    Path module;

    @BeforeEach
    void setUp() throws Exception {
        module = Files.createDirectories(root.resolve("services/loader-ws"));
        Files.writeString(
                module.resolve("Dockerfile"),
                String.join(
                        "\n",
                        "FROM base AS build",
                        "ENTRYPOINT [\"sh\", \"-c\", \"echo build stage\"]",
                        "FROM runtime",
                        "ENTRYPOINT [\"java\", \"-cp\", \"app.jar:lib/*\", \"io.streamforge.loader.ws.Main\"]",
                        ""));
    }

    void packaged(String... jars) throws Exception {
        Path target = Files.createDirectories(module.resolve("target/lib"));
        for (String jar : jars) {
            Files.writeString(target.getParent().resolve(jar), "jar");
        }
    }

    @Test
    void thePackagedJarAndTheLastEntrypointMakeTheCommand() throws Exception {
        packaged(
                "loader-ws-0.1.0-SNAPSHOT-sources.jar",
                "loader-ws-0.1.0-SNAPSHOT-tests.jar",
                "loader-ws-0.1.0-SNAPSHOT.jar",
                "other-0.1.0.jar");
        ServiceImage image = ServiceImage.of(root, "loader-ws");
        Path target = module.resolve("target");
        assertThat(image.jar()).isEqualTo(target.resolve("loader-ws-0.1.0-SNAPSHOT.jar"));
        assertThat(image.lib()).isEqualTo(target.resolve("lib"));
        assertThat(image.entrypoint())
                .as("the runtime stage's ENTRYPOINT, not the build stage's")
                .containsExactly("java", "-cp", "app.jar:lib/*", "io.streamforge.loader.ws.Main");
        assertThat(image.command().subList(1, 4))
                .containsExactly(
                        "-cp",
                        target.resolve("loader-ws-0.1.0-SNAPSHOT.jar")
                                + ":"
                                + target.resolve("lib/*"),
                        "io.streamforge.loader.ws.Main");
        assertThat(ServiceImage.missingOf(root, List.of("loader-ws"))).isEmpty();
    }

    @Test
    void onlySourcesOrTestsJarsOrNoLibFolderCountAsMissing() throws Exception {
        Files.createDirectories(module.resolve("target"));
        Files.writeString(module.resolve("target/loader-ws-0.1.0-SNAPSHOT-sources.jar"), "x");
        assertThat(ServiceImage.missingOf(root, List.of("loader-ws"))).containsExactly("loader-ws");
        Files.writeString(module.resolve("target/loader-ws-0.1.0-SNAPSHOT.jar"), "x");
        assertThat(ServiceImage.missingOf(root, List.of("loader-ws")))
                .as("the jar without target/lib is not an image yet")
                .containsExactly("loader-ws");
        assertThatThrownBy(() -> ServiceImage.of(root, "loader-ws"))
                .hasMessageStartingWith("packaged jars missing for loader-ws")
                .hasMessageContaining("./mvnw -pl services/loader-ws -am package -DskipTests");
    }

    @Test
    void aDockerfileWithoutAnExecFormEntrypointIsNamed() throws Exception {
        packaged("loader-ws-0.1.0-SNAPSHOT.jar");
        Files.writeString(
                module.resolve("Dockerfile"), "FROM runtime\nENTRYPOINT java -jar app.jar\n");
        assertThatThrownBy(() -> ServiceImage.of(root, "loader-ws"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(module.resolve("Dockerfile") + " has no ENTRYPOINT [...]");
    }

    @Test
    void aServiceWithoutADockerfileIsNotAnImage() {
        assertThatThrownBy(() -> ServiceImage.of(root, "graph-builder"))
                .hasMessage(
                        "the chart runs 'graph-builder', but "
                                + root.resolve("services/graph-builder/Dockerfile")
                                + " does not exist");
    }
}
