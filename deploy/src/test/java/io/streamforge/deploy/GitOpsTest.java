package io.streamforge.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** ArgoCD app-of-apps: every Application parses and points at paths/values that exist here. */
class GitOpsTest {
    private static final Path ARGO = Tools.deployDir().resolve("argocd");

    @Test
    void rootApplicationManagesTheAppsFolder() {
        var root =
                (GenericKubernetesResource)
                        Serialization.unmarshal(Tools.read(ARGO.resolve("root.yaml")));
        assertThat(root.getKind()).isEqualTo("Application");
        assertThat(root.get("spec", "source", "path").toString()).isEqualTo("deploy/argocd/apps");
        assertThat(Files.isDirectory(Tools.repoRoot().resolve("deploy/argocd/apps"))).isTrue();
    }

    @Test
    void everyApplicationReferencesExistingRepoPathsAndValueFiles() throws IOException {
        List<GenericKubernetesResource> apps = new ArrayList<>();
        try (Stream<Path> s = Files.list(ARGO.resolve("apps"))) {
            for (Path p : s.sorted().toList()) {
                apps.add((GenericKubernetesResource) Serialization.unmarshal(Tools.read(p)));
            }
        }
        assertThat(apps)
                .extracting(a -> a.getMetadata().getName())
                .contains("streamforge", "kafka-ui", "streamforge-logging");
        for (GenericKubernetesResource app : apps) {
            assertThat(app.getKind()).isEqualTo("Application");
            assertThat(app.get("spec", "destination", "namespace").toString()).isNotBlank();
            for (Map<String, Object> src : sources(app)) {
                Object path = src.get("path");
                if (path != null) {
                    assertThat(Files.isDirectory(Tools.repoRoot().resolve(path.toString())))
                            .as(path.toString())
                            .isTrue();
                }
                Object helm = src.get("helm");
                if (helm instanceof Map<?, ?> h && h.get("valueFiles") instanceof List<?> files) {
                    for (Object f : files) {
                        String file = f.toString();
                        Path resolved =
                                file.startsWith("$values/")
                                        ? Tools.repoRoot()
                                                .resolve(file.substring("$values/".length()))
                                        : Tools.repoRoot().resolve(path.toString()).resolve(file);
                        assertThat(Files.isRegularFile(resolved)).as(file).isTrue();
                    }
                }
            }
        }
        var main =
                apps.stream()
                        .filter(a -> a.getMetadata().getName().equals("streamforge"))
                        .findFirst()
                        .orElseThrow();
        assertThat(main.get("spec", "source", "path").toString())
                .isEqualTo("deploy/helm/streamforge");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> sources(GenericKubernetesResource app) {
        Object many = app.get("spec", "sources");
        if (many != null) {
            return (List<Map<String, Object>>) many;
        }
        return List.of((Map<String, Object>) app.get("spec", "source"));
    }
}
