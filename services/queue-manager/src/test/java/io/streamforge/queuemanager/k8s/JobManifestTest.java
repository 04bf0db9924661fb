package io.streamforge.queuemanager.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.streamforge.domain.PermanentException;
import io.streamforge.domain.queue.JobSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pure manifest rules, on the built-in template (no API server involved). */
class JobManifestTest {
    private static final String QUEUE = "loader-btcusdt-api-candles-1m-2024-01-01-abc123";
    private static final KubernetesLauncherSettings SETTINGS =
            new KubernetesLauncherSettings(
                    "streamforge",
                    null,
                    null,
                    Map.of(
                            "loader-api-candles", "registry/loader-api-candles:0.1.0",
                            "dummy-service", "registry/dummy-service:0.1.0"),
                    null,
                    null,
                    30_000);

    private static Job build(JobSpec spec, KubernetesLauncherSettings s) {
        return JobManifest.build(JobTemplates.builtIn(spec.target()), spec, s);
    }

    @Test
    void jobCarriesNameNamespaceAndEveryLabelOnJobAndPod() {
        String name = "q-loader-api-candles";
        Job job = build(Jobs.spec(QUEUE, "loader-api-candles", name, Map.of()), SETTINGS);

        assertThat(job.getMetadata().getName()).isEqualTo(name);
        assertThat(job.getMetadata().getNamespace()).isEqualTo("streamforge");
        Map<String, String> expected =
                Map.of(
                        "app.kubernetes.io/name", "loader-api-candles",
                        "app.kubernetes.io/instance", name,
                        "app.kubernetes.io/component", "worker",
                        "app.kubernetes.io/part-of", "streamforge",
                        "app.kubernetes.io/managed-by", "queue-manager",
                        "streamforge.io/queue-id", QUEUE);
        assertThat(job.getMetadata().getLabels()).containsAllEntriesOf(expected);
        assertThat(job.getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(expected);
        assertThat(job.getMetadata().getAnnotations())
                .containsEntry("streamforge.io/queue-id", QUEUE)
                .containsEntry("streamforge.io/telemetry-id", "loader-api-candles__abc123");
        assertThat(job.getSpec().getTemplate().getSpec().getRestartPolicy()).isEqualTo("Never");
    }

    @Test
    void queueIdTooLongForALabelIsShortenedButKeptWholeInTheAnnotation() {
        String longQueue = "loader-" + "x".repeat(80);
        Job job = build(Jobs.spec(longQueue, "dummy-service", "short", Map.of()), SETTINGS);

        String label = job.getMetadata().getLabels().get("streamforge.io/queue-id");
        assertThat(label).hasSizeLessThanOrEqualTo(63).startsWith("loader-xxx");
        assertThat(label).isEqualTo(JobManifest.queueLabel(longQueue));
        assertThat(job.getMetadata().getAnnotations())
                .containsEntry("streamforge.io/queue-id", longQueue);
    }

    @Test
    void stepEnvIsMergedIntoTheTemplateEnv() {
        Job template = JobTemplates.builtIn("dummy-service");
        Jobs.container(template)
                .getEnv()
                .add(new EnvVarBuilder().withName("TYPE").withValue("old").build());
        JobSpec spec =
                Jobs.spec(
                        QUEUE, "dummy-service", "j", Map.of("TYPE", "test", "SYMBOLS", "BTCUSDT"));

        Job job = JobManifest.build(template, spec, SETTINGS);

        Map<String, String> env = Jobs.env(job);
        assertThat(env)
                .containsEntry("TYPE", "test")
                .containsEntry("SYMBOLS", "BTCUSDT")
                .containsEntry("QUEUE_ID", QUEUE)
                .containsEntry("HOME", "/tmp")
                .containsEntry("SERVICE_NAME", "dummy-service");
        assertThat(Jobs.container(job).getEnv().stream().filter(e -> e.getName().equals("TYPE")))
                .hasSize(1);
    }

    @Test
    void stepCannotReplaceATemplateSecretReference() {
        Job template = JobTemplates.builtIn("dummy-service");
        Jobs.container(template)
                .getEnv()
                .add(
                        new EnvVarBuilder()
                                .withName("KAFKA_SASL_USERNAME")
                                .withNewValueFrom()
                                .withNewSecretKeyRef("username", "kafka", false)
                                .endValueFrom()
                                .build());
        JobSpec spec = Jobs.spec(QUEUE, "dummy-service", "j", Map.of("KAFKA_SASL_USERNAME", "me"));

        assertThatThrownBy(() -> JobManifest.build(template, spec, SETTINGS))
                .isInstanceOf(PermanentException.class)
                .hasMessageContaining("KAFKA_SASL_USERNAME")
                .hasMessageContaining("reference");
    }

    @Test
    void secretValuesInStepEnvAreRefusedNamingEachVariable() {
        JobSpec spec =
                Jobs.spec(
                        QUEUE,
                        "dummy-service",
                        "j",
                        Map.of(
                                "POSTGRES_PASSWORD", "hunter2",
                                "S3_SECRET_KEY", "abc",
                                "api_token", "t",
                                "MY_SECRET", "s"));

        assertThatThrownBy(() -> build(spec, SETTINGS))
                .isInstanceOf(PermanentException.class)
                .hasMessageContaining("POSTGRES_PASSWORD_FILE")
                .hasMessageContaining("S3_SECRET_KEY")
                .hasMessageContaining("api_token")
                .hasMessageContaining("MY_SECRET")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void secretFilePathsAndHarmlessNamesPass() {
        JobSpec spec =
                Jobs.spec(
                        QUEUE,
                        "dummy-service",
                        "j",
                        Map.of(
                                "POSTGRES_PASSWORD_FILE",
                                        "/var/run/secrets/streamforge/postgres-password",
                                "S3_ACCESS_KEY_FILE", "/x",
                                "KAFKA_TOPIC", "t",
                                "KEYSPACE", "k"));

        assertThat(Jobs.env(build(spec, SETTINGS)))
                .containsEntry(
                        "POSTGRES_PASSWORD_FILE", "/var/run/secrets/streamforge/postgres-password")
                .containsEntry("S3_ACCESS_KEY_FILE", "/x")
                .containsEntry("KEYSPACE", "k");
    }

    @Test
    void invalidEnvNameIsRefused() {
        JobSpec spec = Jobs.spec(QUEUE, "dummy-service", "j", Map.of("1BAD NAME", "x"));

        assertThatThrownBy(() -> build(spec, SETTINGS))
                .isInstanceOf(PermanentException.class)
                .hasMessageContaining("invalid env name '1BAD NAME'");
    }

    @Test
    void imageComesFromTheSpecThenWorkerImageVariableThenTemplate() {
        JobSpec own = new JobSpec(QUEUE, "t", "loader-api-candles", "j", "mine:1", Map.of());
        assertThat(Jobs.container(build(own, SETTINGS)).getImage()).isEqualTo("mine:1");

        JobSpec configured = Jobs.spec(QUEUE, "loader-api-candles", "j", Map.of());
        assertThat(Jobs.container(build(configured, SETTINGS)).getImage())
                .isEqualTo("registry/loader-api-candles:0.1.0");

        Job template = JobTemplates.builtIn("graph-builder");
        Jobs.container(template).setImage("from-template:2");
        JobSpec fromTemplate = Jobs.spec(QUEUE, "graph-builder", "j", Map.of());
        assertThat(Jobs.container(JobManifest.build(template, fromTemplate, SETTINGS)).getImage())
                .isEqualTo("from-template:2");
    }

    @Test
    void missingImageNamesTheVariableToSet() {
        JobSpec spec = Jobs.spec(QUEUE, "graph-builder", "j", Map.of());

        assertThatThrownBy(() -> build(spec, SETTINGS))
                .isInstanceOf(PermanentException.class)
                .hasMessageContaining("WORKER_IMAGE_GRAPH_BUILDER");
    }

    @Test
    void settingsOverrideTtlBackoffAndServiceAccountElseTemplateValuesStay() {
        Job template = JobTemplates.builtIn("dummy-service");
        template.getSpec().setTtlSecondsAfterFinished(111);
        template.getSpec().setBackoffLimit(2);
        template.getSpec().getTemplate().getSpec().setServiceAccountName("sf-worker");
        template.getSpec().getTemplate().getSpec().setRestartPolicy("OnFailure");
        JobSpec spec = new JobSpec(QUEUE, "t", "dummy-service", "j", "img", Map.of());

        Job kept = JobManifest.build(template, spec, SETTINGS);
        assertThat(kept.getSpec().getTtlSecondsAfterFinished()).isEqualTo(111);
        assertThat(kept.getSpec().getBackoffLimit()).isEqualTo(2);
        assertThat(kept.getSpec().getTemplate().getSpec().getServiceAccountName())
                .isEqualTo("sf-worker");
        assertThat(kept.getSpec().getTemplate().getSpec().getRestartPolicy()).isEqualTo("Never");

        KubernetesLauncherSettings over =
                new KubernetesLauncherSettings("ns", null, "other-sa", Map.of(), 60, 0, 1_000);
        Job changed = JobManifest.build(JobTemplates.builtIn("dummy-service"), spec, over);
        assertThat(changed.getSpec().getTtlSecondsAfterFinished()).isEqualTo(60);
        assertThat(changed.getSpec().getBackoffLimit()).isZero();
        assertThat(changed.getSpec().getTemplate().getSpec().getServiceAccountName())
                .isEqualTo("other-sa");
    }

    @Test
    void builtInTemplateIsHardenedAndBounded() {
        Job job = JobTemplates.builtIn("dummy-service");
        var c = Jobs.container(job);
        assertThat(c.getName()).isEqualTo("dummy-service");
        assertThat(c.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(c.getResources().getLimits()).containsKey("memory");
        assertThat(job.getSpec().getActiveDeadlineSeconds()).isPositive();
        assertThat(job.getSpec().getTemplate().getSpec().getAutomountServiceAccountToken())
                .isFalse();
    }
}
