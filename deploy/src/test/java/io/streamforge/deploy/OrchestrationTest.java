package io.streamforge.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** queue-manager RBAC, worker Job templates, GPU, Reloader and the homelab-specific values. */
class OrchestrationTest {
    private static final String HOMELAB = "values-homelab.yaml";
    static final Set<String> JOB_SERVICES =
            Set.of(
                    "loader-api-candles",
                    "loader-api-trades",
                    "loader-ws",
                    "arango-connector",
                    "graph-builder",
                    "gnn-trainer",
                    "dummy-service");

    @Test
    void queueManagerMayOnlyManageJobsInItsNamespace() {
        List<HasMetadata> objects = Chart.objects(HOMELAB);
        List<Role> roles = Chart.ofType(objects, Role.class);
        assertThat(roles).hasSize(1);
        List<PolicyRule> rules = roles.get(0).getRules();
        for (PolicyRule r : rules) {
            assertThat(r.getVerbs()).doesNotContain("*", "patch", "update", "deletecollection");
            assertThat(r.getResources()).doesNotContain("*", "secrets", "roles", "rolebindings");
            assertThat(r.getApiGroups()).doesNotContain("*");
        }
        PolicyRule jobs =
                rules.stream()
                        .filter(r -> r.getResources().contains("jobs"))
                        .findFirst()
                        .orElseThrow();
        assertThat(jobs.getApiGroups()).containsExactly("batch");
        // exactly the launcher's calls: LauncherRbacTest (services/queue-manager) records them
        assertThat(jobs.getVerbs()).containsExactlyInAnyOrder("create", "get", "list", "delete");
        assertThat(rules).hasSize(1);

        RoleBinding rb = Chart.ofType(objects, RoleBinding.class).get(0);
        assertThat(rb.getRoleRef().getName()).isEqualTo(roles.get(0).getMetadata().getName());
        String sa = rb.getSubjects().get(0).getName();
        Deployment qm = deployment(objects, "sf-queue-manager");
        assertThat(qm.getSpec().getTemplate().getSpec().getServiceAccountName()).isEqualTo(sa);
        assertThat(qm.getSpec().getTemplate().getSpec().getAutomountServiceAccountToken()).isTrue();
        Workloads.jobTemplates(objects)
                .values()
                .forEach(
                        job -> {
                            PodSpec spec = job.getSpec().getTemplate().getSpec();
                            assertThat(spec.getServiceAccountName()).isNotEqualTo(sa);
                            assertThat(spec.getAutomountServiceAccountToken()).isFalse();
                        });
    }

    @Test
    void workerJobTemplatesCoverEveryWorkerAndMatchTheQueueManagerImages() {
        List<HasMetadata> objects = Chart.objects(HOMELAB);
        Map<String, Job> jobs = Workloads.jobTemplates(objects);
        assertThat(jobs.keySet()).containsExactlyInAnyOrderElementsOf(JOB_SERVICES);
        Container qm =
                deployment(objects, "sf-queue-manager")
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0);
        Map<String, String> env =
                qm.getEnv().stream()
                        .filter(e -> e.getValue() != null)
                        .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
        assertThat(env).containsEntry("JOB_LAUNCHER", "kubernetes");
        assertThat(qm.getEnv())
                .anyMatch(
                        e ->
                                e.getName().equals("K8S_NAMESPACE")
                                        && "metadata.namespace"
                                                .equals(
                                                        e.getValueFrom()
                                                                .getFieldRef()
                                                                .getFieldPath()));
        jobs.forEach(
                (name, job) -> {
                    assertThat(job.getSpec().getBackoffLimit()).as(name).isNotNull();
                    assertThat(job.getSpec().getTtlSecondsAfterFinished()).as(name).isPositive();
                    PodSpec spec = job.getSpec().getTemplate().getSpec();
                    assertThat(spec.getRestartPolicy()).isEqualTo("Never");
                    String image = spec.getContainers().get(0).getImage();
                    String var = "WORKER_IMAGE_" + name.toUpperCase().replace('-', '_');
                    assertThat(env).as(var).containsEntry(var, image);
                    assertThat(image).startsWith("registry.dmz.home/").contains("/" + name + ":");
                });
    }

    /**
     * Maven Central serves no CUDA natives for the build's DJL version (gnn-trainer README), so the
     * image trains on the CPU and the homelab requests no GPU by default; the trainer still goes to
     * the GPU node, and {@code services.gnn-trainer.gpu.enabled=true} (an image with CUDA natives)
     * adds the request and the runtime class.
     */
    @Test
    void gnnTrainerRequestsAGpuOnlyWhenEnabled() {
        PodSpec homelab =
                Workloads.jobTemplates(Chart.objects(HOMELAB))
                        .get("gnn-trainer")
                        .getSpec()
                        .getTemplate()
                        .getSpec();
        assertThat(homelab.getContainers().get(0).getResources().getLimits())
                .doesNotContainKey("nvidia.com/gpu");
        assertThat(homelab.getRuntimeClassName()).isNull();
        assertThat(homelab.getNodeSelector()).containsEntry("nvidia.com/gpu.present", "true");
        assertThat(homelab.getTolerations()).anyMatch(t -> "nvidia.com/gpu".equals(t.getKey()));
        String enabled =
                Chart.template()
                        .withValuesFile(Chart.dir().resolve(HOMELAB))
                        .set("services.gnn-trainer.gpu.enabled", "true")
                        .call();
        List<HasMetadata> withGpu = new java.util.ArrayList<>();
        for (String doc : Chart.documents(enabled)) {
            withGpu.add(
                    (HasMetadata) io.fabric8.kubernetes.client.utils.Serialization.unmarshal(doc));
        }
        PodSpec gpu =
                Workloads.jobTemplates(withGpu)
                        .get("gnn-trainer")
                        .getSpec()
                        .getTemplate()
                        .getSpec();
        assertThat(gpu.getContainers().get(0).getResources().getLimits())
                .containsEntry("nvidia.com/gpu", new Quantity("1"));
        assertThat(gpu.getRuntimeClassName()).isEqualTo("nvidia");
        Workloads.podSpecs(Chart.objects(null))
                .values()
                .forEach(
                        spec ->
                                assertThat(spec.getContainers().get(0).getResources().getLimits())
                                        .doesNotContainKey("nvidia.com/gpu"));
        PodSpec loader =
                Workloads.jobTemplates(Chart.objects(HOMELAB))
                        .get("loader-api-candles")
                        .getSpec()
                        .getTemplate()
                        .getSpec();
        assertThat(loader.getContainers().get(0).getResources().getLimits())
                .doesNotContainKey("nvidia.com/gpu");
        assertThat(loader.getNodeSelector()).containsEntry("node-role.dmz.home/workload", "true");
    }

    @Test
    void longRunningDeploymentsReloadOnSecretAndConfigChanges() {
        List<Deployment> deployments = Chart.ofType(Chart.objects(HOMELAB), Deployment.class);
        assertThat(deployments)
                .extracting(d -> d.getMetadata().getName())
                .contains(
                        "sf-queue-manager",
                        "sf-visualizer",
                        "sf-connector-live",
                        "sf-loader-ws-live");
        deployments.forEach(
                d ->
                        assertThat(d.getMetadata().getAnnotations())
                                .containsEntry("reloader.stakater.com/auto", "true"));
        assertThat(
                        deployment(Chart.objects(HOMELAB), "sf-queue-manager")
                                .getMetadata()
                                .getAnnotations())
                .containsEntry("configmap.reloader.stakater.com/reload", "sf-worker-templates");
    }

    @Test
    void homelabValuesPointAtTheHomelabPlatform() {
        List<HasMetadata> objects = Chart.objects(HOMELAB);
        Container c =
                deployment(objects, "sf-visualizer")
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0);
        Map<String, String> env =
                c.getEnv().stream()
                        .filter(e -> e.getValue() != null)
                        .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
        // the UI reads queues from the queue-manager's Service, models from S3 and market data,
        // indicators and graphs from the homelab's ArangoDB; it uses no Kafka
        assertThat(env)
                .containsEntry("QUEUE_MANAGER_URL", "http://sf-queue-manager:8080")
                .containsEntry("S3_ACCESS_KEY_FILE", "/var/run/secrets/streamforge/s3-access-key")
                .containsEntry("DB_KIND", "arango")
                .containsEntry(
                        "ARANGO_PASSWORD_FILE", "/var/run/secrets/streamforge/arango-password")
                .containsKey("ARANGO_URL")
                .containsEntry("POSTGRES_SSL_MODE", "verify-full")
                .containsEntry(
                        "POSTGRES_SSL_ROOT_CERT_FILE",
                        "/var/run/secrets/streamforge/postgres-ca.crt")
                .doesNotContainKey("KAFKA_SASL_USERNAME")
                .doesNotContainKey("KAFKA_BOOTSTRAP_SERVERS");
        Map<String, String> loader =
                values(
                        Workloads.jobTemplates(objects)
                                .get("loader-api-candles")
                                .getSpec()
                                .getTemplate()
                                .getSpec());
        assertThat(loader)
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "k3-kafka-bootstrap.kafka:9093")
                .containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                .containsEntry("KAFKA_SASL_USERNAME", "streamforge-loader-api-candles")
                .containsEntry(
                        "KAFKA_SASL_PASSWORD_FILE", "/var/run/secrets/streamforge/kafka-password")
                .containsEntry("KAFKA_SSL_CA_FILE", "/var/run/secrets/streamforge/kafka-ca.crt");
        Map<String, String> qm =
                values(deployment(objects, "sf-queue-manager").getSpec().getTemplate().getSpec());
        // queues in PostgreSQL, the coverage ledger in ArangoDB where the homelab's connectors
        // write it
        assertThat(qm).containsKey("POSTGRES_JDBC_URL").containsKey("ARANGO_URL");
        assertThat(qm)
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "k3-kafka-bootstrap.kafka:9093")
                .containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                .containsEntry("KAFKA_SASL_USERNAME", "streamforge-queue-manager")
                .containsEntry(
                        "KAFKA_SASL_PASSWORD_FILE", "/var/run/secrets/streamforge/kafka-password")
                .containsEntry("KAFKA_SSL_CA_FILE", "/var/run/secrets/streamforge/kafka-ca.crt");
        assertThat(qm.get("DB_KIND")).isEqualTo("arango");
        GenericKubernetesResource cert =
                (GenericKubernetesResource) Chart.ofKind(objects, "Certificate").get(0);
        assertThat(cert.get("spec", "issuerRef", "name").toString()).isEqualTo("homelab-ca-issuer");
        assertThat(cert.get("spec", "issuerRef", "kind").toString()).isEqualTo("ClusterIssuer");
        assertThat((List<?>) cert.get("spec", "dnsNames"))
                .isNotEmpty()
                .allMatch(h -> h.toString().endsWith(".dmz.home"));
        Chart.ofKind(objects, "HTTPRoute")
                .forEach(
                        route -> {
                            var r = (io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute) route;
                            assertThat(r.getSpec().getHostnames())
                                    .allMatch(h -> h.endsWith(".dmz.home"));
                            assertThat(r.getSpec().getParentRefs().get(0).getName())
                                    .isEqualTo("traefik-gateway");
                        });
        var pvc =
                Chart.ofType(objects, io.fabric8.kubernetes.api.model.PersistentVolumeClaim.class)
                        .get(0);
        assertThat(pvc.getSpec().getStorageClassName()).isEqualTo("nfs-client");
        assertThat(pvc.getSpec().getAccessModes()).containsExactly("ReadWriteMany");
    }

    @Test
    void everySecretProviderClassServesExactlyTheFilesItsPodsMount() {
        List<HasMetadata> objects = Chart.objects(HOMELAB);
        Set<String> spcNames =
                Chart.ofKind(objects, "SecretProviderClass").stream()
                        .map(o -> o.getMetadata().getName())
                        .collect(Collectors.toSet());
        Workloads.podSpecs(objects)
                .forEach(
                        (name, spec) ->
                                spec.getVolumes().stream()
                                        .filter(v -> v.getCsi() != null)
                                        .forEach(
                                                v ->
                                                        assertThat(spcNames)
                                                                .as(name)
                                                                .contains(
                                                                        v.getCsi()
                                                                                .getVolumeAttributes()
                                                                                .get(
                                                                                        "secretProviderClass"))));
        for (HasMetadata o : Chart.ofKind(objects, "SecretProviderClass")) {
            String objectsYaml =
                    ((GenericKubernetesResource) o).get("spec", "parameters", "objects").toString();
            assertThat(objectsYaml).contains("secretPath: \"secret/data/streamforge/");
            if (objectsYaml.contains("objectName: \"postgres-password\"")) {
                assertThat(objectsYaml).contains("objectName: \"postgres-ca.crt\"");
            }
            assertThat(objectsYaml).doesNotContainIgnoringCase("value:");
            // the Kafka password exactly for the services that use Kafka (not the visualizer)
            String service = o.getMetadata().getName().substring("sf-".length());
            boolean kafka =
                    io.streamforge.registry.ServiceRegistry.of(service)
                            .variable("KAFKA_BOOTSTRAP_SERVERS")
                            .isPresent();
            assertThat(objectsYaml.contains("objectName: \"kafka-password\""))
                    .as(service)
                    .isEqualTo(kafka);
        }
    }

    static Deployment deployment(List<HasMetadata> objects, String name) {
        return Chart.ofType(objects, Deployment.class).stream()
                .filter(d -> d.getMetadata().getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Deployment " + name));
    }

    /** The literal env values of a pod's first container. */
    static Map<String, String> values(PodSpec spec) {
        return spec.getContainers().get(0).getEnv().stream()
                .filter(e -> e.getValue() != null)
                .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
    }
}
