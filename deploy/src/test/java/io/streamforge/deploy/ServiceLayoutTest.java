package io.streamforge.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every service has a VERSION, a hardened multi-stage Dockerfile, a CI include and chart values.
 */
class ServiceLayoutTest {
    static final List<String> SERVICES =
            List.of(
                    "queue-manager",
                    "loader-api-candles",
                    "loader-api-trades",
                    "loader-ws",
                    "arango-connector",
                    "graph-builder",
                    "gnn-trainer",
                    "visualizer",
                    "dummy-service");
    static final Map<String, String> MAIN_PACKAGE =
            Map.of(
                    "queue-manager",
                    "queuemanager",
                    "loader-api-candles",
                    "loader.candles",
                    "loader-api-trades",
                    "loader.trades",
                    "loader-ws",
                    "loader.ws",
                    "arango-connector",
                    "connector",
                    "graph-builder",
                    "graphbuilder",
                    "gnn-trainer",
                    "gnntrainer",
                    "visualizer",
                    "visualizer",
                    "dummy-service",
                    "dummy");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static List<String> services() {
        return SERVICES;
    }

    @ParameterizedTest
    @MethodSource("services")
    void versionIsSemverAndEqualsTheChartImageTag(String svc) throws IOException {
        String version = Tools.read(dir(svc).resolve("VERSION")).strip();
        assertThat(version).matches("\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?");
        JsonNode values =
                YAML.readTree(Chart.dir().resolve("values.yaml").toFile())
                        .path("services")
                        .path(svc);
        assertThat(values.isMissingNode()).as("chart values services.%s", svc).isFalse();
        assertThat(values.at("/image/tag").asText())
                .as("services.%s.image.tag", svc)
                .isEqualTo(version);
        assertThat(values.path("mainClass").asText()).isEqualTo(mainClass(svc));
    }

    @ParameterizedTest
    @MethodSource("services")
    void dockerfileIsMultiStageNonRootAndRunsTheMainClass(String svc) {
        Dockerfile df = Dockerfile.parse(Tools.read(dir(svc).resolve("Dockerfile")));
        assertThat(df.stages()).hasSize(2);
        assertThat(df.stages().get(0).from()).isEqualTo("maven:3.9-eclipse-temurin-17");
        Dockerfile.Stage runtime = df.stages().get(1);
        assertThat(runtime.from()).isEqualTo("${BASE_IMAGE}");
        assertThat(df.arg("BASE_IMAGE")).startsWith("streamforge/base-jre:");
        assertThat(runtime.instructions("USER")).containsExactly("10001:10001");
        assertThat(runtime.instructions("RUN")).as("no build tools in the runtime stage").isEmpty();
        assertThat(String.join(" ", runtime.instructions("COPY"))).contains("--from=build");
        assertThat(runtime.instructions("ENTRYPOINT"))
                .containsExactly(
                        "[\"java\", \"-cp\", \"app.jar:lib/*\", \"" + mainClass(svc) + "\"]");
        assertThat(String.join(" ", df.stages().get(0).instructions("RUN")))
                .contains("-pl services/" + svc, "services/" + svc + "/target/lib/");
    }

    @ParameterizedTest
    @MethodSource("services")
    void ciIncludeExtendsTheJavaServiceTemplate(String svc) throws IOException {
        Path include = Tools.repoRoot().resolve(".gitlab/ci/services/" + svc + ".gitlab-ci.yml");
        assertThat(CiFilesTest.includes())
                .contains(".gitlab/ci/services/" + svc + ".gitlab-ci.yml");
        JsonNode jobs = YAML.readTree(include.toFile());
        assertThat(jobs.path(svc + ":build").path("extends").asText())
                .isEqualTo(".java-service-build");
        assertThat(jobs.path(svc + ":test").path("extends").asText())
                .isEqualTo(".java-service-test");
        jobs.forEach(job -> assertThat(job.at("/variables/SERVICE_NAME").asText()).isEqualTo(svc));
    }

    @org.junit.jupiter.api.Test
    void baseImageIsTemurinJreWithANonRootUser() {
        Dockerfile df =
                Dockerfile.parse(
                        Tools.read(Tools.repoRoot().resolve("platform/base-image/Dockerfile")));
        assertThat(df.stages()).hasSize(1);
        assertThat(df.stages().get(0).from()).isEqualTo("eclipse-temurin:17-jre");
        assertThat(df.stages().get(0).instructions("USER")).containsExactly("10001:10001");
        assertThat(String.join(" ", df.stages().get(0).instructions("RUN")))
                .doesNotContain("apt-get install", "mvn");
    }

    @org.junit.jupiter.api.Test
    void dockerfileParserRejectsAnInstructionBeforeFrom() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> Dockerfile.parse("RUN echo hi\nFROM x\n"))
                .hasMessageContaining("RUN before the first FROM");
    }

    static String mainClass(String svc) {
        return "io.streamforge." + MAIN_PACKAGE.get(svc) + ".Main";
    }

    private static Path dir(String svc) {
        Path d = Tools.repoRoot().resolve("services").resolve(svc);
        assertThat(Files.isDirectory(d)).as(d.toString()).isTrue();
        return d;
    }
}
