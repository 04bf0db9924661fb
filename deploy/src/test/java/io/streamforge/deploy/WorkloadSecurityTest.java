package io.streamforge.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Pod hardening and the no-literal-secrets rule, for default and homelab values. */
class WorkloadSecurityTest {
    private static final Pattern SECRETISH =
            Pattern.compile("(?i).*(PASSWORD|SECRET|TOKEN|ACCESS_KEY|PRIVATE_KEY|CREDENTIAL).*");

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = "values-homelab.yaml")
    void noSecretValueIsRenderedLiterally(String values) {
        List<HasMetadata> objects = Chart.objects(values);
        assertThat(objects).noneMatch(o -> "Secret".equals(o.getKind()));
        String text = Chart.render(values);
        assertThat(text).doesNotContain("BEGIN PRIVATE KEY", "BEGIN RSA PRIVATE KEY", "password=");
        for (var e : Workloads.podSpecs(objects).entrySet()) {
            for (Container c : e.getValue().getContainers()) {
                for (EnvVar env : c.getEnv()) {
                    if (!SECRETISH.matcher(env.getName()).matches()) {
                        continue;
                    }
                    boolean fileRef =
                            env.getName().endsWith("_FILE") && env.getValue().startsWith("/");
                    boolean secretRef =
                            env.getValueFrom() != null
                                    && env.getValueFrom().getSecretKeyRef() != null;
                    assertThat(fileRef || secretRef)
                            .as(
                                    "%s env %s must be a *_FILE path or a secretKeyRef",
                                    e.getKey(), env.getName())
                            .isTrue();
                }
            }
        }
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = "values-homelab.yaml")
    void everyPodIsNonRootReadOnlyProbedAndBounded(String values) {
        Map<String, PodSpec> specs = Workloads.podSpecs(Chart.objects(values));
        assertThat(specs.keySet()).hasSizeGreaterThanOrEqualTo(9);
        specs.forEach(
                (name, spec) -> {
                    assertThat(spec.getSecurityContext().getRunAsNonRoot()).as(name).isTrue();
                    assertThat(spec.getSecurityContext().getRunAsUser()).as(name).isPositive();
                    Container c = spec.getContainers().get(0);
                    assertThat(c.getSecurityContext().getReadOnlyRootFilesystem())
                            .as(name)
                            .isTrue();
                    assertThat(c.getSecurityContext().getAllowPrivilegeEscalation())
                            .as(name)
                            .isFalse();
                    assertThat(c.getSecurityContext().getCapabilities().getDrop())
                            .as(name)
                            .contains("ALL");
                    assertThat(c.getPorts()).as(name).anyMatch(p -> p.getContainerPort() == 8080);
                    assertThat(c.getLivenessProbe().getHttpGet().getPath())
                            .as(name)
                            .isEqualTo("/health/live");
                    assertThat(c.getStartupProbe().getHttpGet().getPath())
                            .as(name)
                            .isEqualTo("/health/startup");
                    if (name.startsWith("deployment/")) {
                        assertThat(c.getReadinessProbe().getHttpGet().getPath())
                                .as(name)
                                .isEqualTo("/health/ready");
                    }
                    assertThat(c.getResources().getRequests())
                            .as(name)
                            .containsKeys("cpu", "memory");
                    assertThat(c.getResources().getLimits()).as(name).containsKey("memory");
                    assertThat(c.getVolumeMounts())
                            .as(name)
                            .anyMatch(m -> "/tmp".equals(m.getMountPath()));
                    assertThat(c.getEnv())
                            .as(name)
                            .anyMatch(
                                    env ->
                                            "HTTP_PORT".equals(env.getName())
                                                    && "8080".equals(env.getValue()));
                });
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = "values-homelab.yaml")
    void secretsArriveAsFilesFromTheConfiguredProvider(String values) {
        boolean vault = values != null;
        Workloads.podSpecs(Chart.objects(values))
                .forEach(
                        (name, spec) -> {
                            Volume secrets =
                                    spec.getVolumes().stream()
                                            .filter(v -> v.getName().endsWith("-secrets"))
                                            .findFirst()
                                            .orElseThrow(
                                                    () ->
                                                            new AssertionError(
                                                                    name + ": no secrets volume"));
                            if (vault) {
                                assertThat(secrets.getCsi().getDriver())
                                        .isEqualTo("secrets-store.csi.k8s.io");
                                assertThat(secrets.getCsi().getVolumeAttributes())
                                        .containsKey("secretProviderClass");
                            } else {
                                assertThat(secrets.getSecret().getSecretName())
                                        .startsWith("streamforge-");
                            }
                            Container c = spec.getContainers().get(0);
                            assertThat(c.getVolumeMounts())
                                    .anyMatch(
                                            m ->
                                                    m.getName().equals(secrets.getName())
                                                            && "/var/run/secrets/streamforge"
                                                                    .equals(m.getMountPath())
                                                            && Boolean.TRUE.equals(
                                                                    m.getReadOnly()));
                        });
    }
}
