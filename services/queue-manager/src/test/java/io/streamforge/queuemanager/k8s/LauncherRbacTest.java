package io.streamforge.queuemanager.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.marcnuri.helm.Helm;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The queue-manager's Role in the chart grants exactly the Kubernetes API calls that {@link
 * KubernetesJobLauncher} makes: every public operation of the launcher runs against the fabric8
 * mock API server (no Kubernetes API server here), each recorded request is turned into an RBAC
 * (apiGroup, resource, verb), and that set must equal the rules of the rendered Role (real Helm,
 * values-homelab.yaml) — nothing missing, nothing extra.
 */
@EnableKubernetesMockClient(crud = true)
class LauncherRbacTest {
    private static final Path CHART = Path.of("../../deploy/helm/streamforge");
    private static final Pattern PATH =
            Pattern.compile("^/(?:api|apis/([^/]+))/v[^/]+/namespaces/[^/]+/([a-z]+)(/[^/?]+)?$");

    KubernetesClient client;
    KubernetesMockServer server;

    @Test
    void theRenderedRoleGrantsExactlyTheCallsTheLauncherMakes() throws Exception {
        assumeThat(Files.isDirectory(CHART)).as("chart folder " + CHART).isTrue();
        try (KubernetesJobLauncher launcher =
                new KubernetesJobLauncher(
                        client,
                        new KubernetesLauncherSettings(
                                "streamforge",
                                null,
                                "sf-worker",
                                Map.of("dummy-service", "reg/dummy:1"),
                                null,
                                null,
                                0))) {
            String queue = "loader-btcusdt-rbac";
            launcher.launch(Jobs.spec(queue, "dummy-service", "q-dummy-1", Map.of()));
            launcher.launch(Jobs.spec(queue, "dummy-service", "q-dummy-1", Map.of())); // 409
            launcher.launch(Jobs.spec(queue, "dummy-service", "q-dummy-2", Map.of()));
            launcher.isRunning("q-dummy-1");
            launcher.stop("q-dummy-1");
            launcher.stopQueue(queue);
            launcher.deleteAfter("q-dummy-2", 0).get(30, TimeUnit.SECONDS);
            launcher.delete("q-dummy-1");
            launcher.delete("no-such-job");
        }
        Set<String> used = new TreeSet<>();
        RecordedRequest r;
        while ((r = server.takeRequest(1, TimeUnit.SECONDS)) != null) {
            used.add(permission(r));
        }
        assertThat(used).contains("batch/jobs:create", "batch/jobs:delete");
        assertThat(granted()).isEqualTo(used);
    }

    /** "group/resource:verb" of a recorded request. */
    static String permission(RecordedRequest r) {
        URI uri = URI.create(r.getPath());
        Matcher m = PATH.matcher(uri.getPath());
        if (!m.matches()) {
            throw new AssertionError("unexpected API path " + r.getPath());
        }
        String group = m.group(1) == null ? "" : m.group(1);
        boolean named = m.group(3) != null;
        String query = uri.getQuery() == null ? "" : uri.getQuery();
        String verb =
                switch (r.getMethod()) {
                    case "POST" -> "create";
                    case "DELETE" -> named ? "delete" : "deletecollection";
                    case "PUT" -> "update";
                    case "PATCH" -> "patch";
                    case "GET" -> query.contains("watch=true") ? "watch" : named ? "get" : "list";
                    default -> throw new AssertionError("unexpected method " + r.getMethod());
                };
        return group + "/" + m.group(2) + ":" + verb;
    }

    private static Set<String> granted() {
        String rendered =
                new Helm(CHART)
                        .template()
                        .withName("sf")
                        .withNamespace("streamforge")
                        .withKubeVersion("1.30.0")
                        .withValuesFile(CHART.resolve("values-homelab.yaml"))
                        .call();
        KubernetesSerialization json = new KubernetesSerialization();
        Set<String> out = new TreeSet<>();
        for (String doc : rendered.split("(?m)^---\\s*$")) {
            if (!doc.contains("kind: Role\n")) {
                continue;
            }
            Role role = json.unmarshal(doc, Role.class);
            for (PolicyRule rule : role.getRules()) {
                for (String g : rule.getApiGroups()) {
                    for (String res : rule.getResources()) {
                        for (String verb : rule.getVerbs()) {
                            out.add(g + "/" + res + ":" + verb);
                        }
                    }
                }
            }
        }
        return out;
    }
}
