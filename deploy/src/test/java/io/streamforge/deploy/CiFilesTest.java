package io.streamforge.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** .gitlab-ci.yml and its includes parse, and the jobs hang together. */
class CiFilesTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> RESERVED =
            Set.of(
                    "stages",
                    "variables",
                    "default",
                    "workflow",
                    "include",
                    "image",
                    "services",
                    "cache",
                    "before_script",
                    "after_script");

    static List<String> includes() throws IOException {
        List<String> out = new ArrayList<>();
        for (JsonNode inc : root().path("include")) {
            out.add(inc.path("local").asText());
        }
        return out;
    }

    @Test
    void stagesAreSetupBuildTestDeploy() throws IOException {
        List<String> stages = new ArrayList<>();
        root().path("stages").forEach(s -> stages.add(s.asText()));
        assertThat(stages).containsExactly("setup", "build", "test", "deploy");
    }

    @Test
    void everyIncludeExistsAndEveryJobIsWellFormed() throws IOException {
        Map<String, JsonNode> jobs = allJobs();
        assertThat(jobs)
                .containsKeys(
                        ".java-service-build",
                        ".java-service-test",
                        ".java-service-rules",
                        "base-image",
                        "deploy-checks",
                        "argocd-sync");
        Set<String> stages = Set.of("setup", "build", "test", "deploy");
        jobs.forEach(
                (name, job) -> {
                    JsonNode ext = job.path("extends");
                    if (!ext.isMissingNode()) {
                        assertThat(jobs)
                                .as("%s extends %s", name, ext.asText())
                                .containsKey(ext.asText());
                    }
                    if (!name.startsWith(".")) {
                        String stage = resolve(jobs, name, "stage");
                        assertThat(stages).as("stage of %s", name).contains(stage);
                        assertThat(resolve(jobs, name, "script"))
                                .as("script of %s", name)
                                .isNotNull();
                    }
                });
    }

    @Test
    void kanikoTemplateTagsImagesFromVersionWithTheSeedRules() throws IOException {
        JsonNode build = allJobs().get(".java-service-build");
        assertThat(build.at("/image/name").asText()).isEqualTo("$KANIKO_IMAGE");
        assertThat(root().at("/variables/KANIKO_IMAGE").asText())
                .startsWith("gcr.io/kaniko-project/executor:");
        String script = build.path("script").toString();
        assertThat(script)
                .contains(
                        "cat services/$SERVICE_NAME/VERSION",
                        "/kaniko/executor",
                        "$CI_REGISTRY_IMAGE/$SERVICE_NAME:$VERSION",
                        "services/$SERVICE_NAME/Dockerfile");
        JsonNode rules = allJobs().get(".java-service-rules").path("rules");
        assertThat(rules.get(0).path("if").asText()).contains("merge_request_event");
        assertThat(rules.get(0).path("changes").toString())
                .contains("services/$SERVICE_NAME/**/*", "libs/**/*");
        assertThat(rules.get(1).path("if").asText()).contains("$CI_DEFAULT_BRANCH");
        assertThat(rules.get(2).path("when").asText()).isEqualTo("manual");
        assertThat(rules.get(2).path("allow_failure").asBoolean()).isTrue();
    }

    @Test
    void platformJobRunsTheseChecksWithTheirDebianTools() throws IOException {
        String script = allJobs().get("deploy-checks").path("script").toString();
        assertThat(script).contains("bash deploy/ci-deps.sh", "-pl deploy");
        assertThat(Files.isRegularFile(Tools.deployDir().resolve("ci-deps.sh"))).isTrue();
    }

    private static String resolve(Map<String, JsonNode> jobs, String name, String key) {
        JsonNode job = jobs.get(name);
        while (job != null) {
            if (job.has(key)) {
                return job.get(key).toString().replace("\"", "");
            }
            job = job.has("extends") ? jobs.get(job.get("extends").asText()) : null;
        }
        return null;
    }

    private static Map<String, JsonNode> allJobs() throws IOException {
        Map<String, JsonNode> jobs = new LinkedHashMap<>();
        List<Path> files = new ArrayList<>();
        files.add(Tools.repoRoot().resolve(".gitlab-ci.yml"));
        for (String inc : includes()) {
            Path p = Tools.repoRoot().resolve(inc);
            assertThat(Files.isRegularFile(p)).as("include %s", inc).isTrue();
            files.add(p);
        }
        for (Path f : files) {
            JsonNode doc = YAML.readTree(f.toFile());
            assertThat(doc.isObject()).as(f.toString()).isTrue();
            doc.fields()
                    .forEachRemaining(
                            e -> {
                                if (!RESERVED.contains(e.getKey())) {
                                    assertThat(jobs.put(e.getKey(), e.getValue()))
                                            .as("duplicate job %s", e.getKey())
                                            .isNull();
                                }
                            });
        }
        return jobs;
    }

    private static JsonNode root() throws IOException {
        return YAML.readTree(Tools.repoRoot().resolve(".gitlab-ci.yml").toFile());
    }
}
