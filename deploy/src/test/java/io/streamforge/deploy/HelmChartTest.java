package io.streamforge.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * helm lint / helm template (real Helm via helm-java), every document parsed into fabric8's model.
 */
class HelmChartTest {
    /** Custom resources the chart may render; anything else must map to a typed fabric8 class. */
    static final Set<String> CRD_KINDS =
            Set.of(
                    "KafkaTopic",
                    "KafkaUser",
                    "ScaledObject",
                    "TriggerAuthentication",
                    "Certificate",
                    "SecretProviderClass",
                    "ServiceMonitor",
                    "PodMonitor",
                    "PrometheusRule",
                    "AlertmanagerConfig");

    @Test
    void helmLintStrictPasses() {
        LintResult result = new Helm(Chart.dir()).lint().strict().call();
        assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = "values-homelab.yaml")
    void everyRenderedDocumentParsesIntoTheTypedModel(String values) {
        List<HasMetadata> objects = Chart.objects(values);
        assertThat(objects).isNotEmpty();
        for (HasMetadata o : objects) {
            assertThat(o.getMetadata().getName()).as(o.getKind()).isNotBlank();
            assertThat(o.getMetadata().getName().length())
                    .as(o.getMetadata().getName())
                    .isLessThanOrEqualTo(63);
            if (o instanceof GenericKubernetesResource) {
                assertThat(CRD_KINDS)
                        .as("untyped kind %s (typo?)", o.getKind())
                        .contains(o.getKind());
            }
        }
        Set<String> kinds = objects.stream().map(HasMetadata::getKind).collect(Collectors.toSet());
        assertThat(kinds).contains("Deployment", "Service", "Role", "RoleBinding", "ConfigMap");
    }

    @Test
    void homelabRendersTheWholePlatform() {
        Set<String> kinds =
                Chart.objects("values-homelab.yaml").stream()
                        .map(HasMetadata::getKind)
                        .collect(Collectors.toSet());
        assertThat(kinds)
                .contains("HTTPRoute", "ReferenceGrant", "PersistentVolumeClaim", "NetworkPolicy")
                .containsAll(CRD_KINDS);
        assertThat(kinds).doesNotContain("Secret", "ClusterRole", "ClusterRoleBinding", "Ingress");
    }

    @Test
    void ingressNginxFallbackRendersATypedIngressWithTls() {
        String rendered =
                Chart.template()
                        .withValuesFile(Chart.dir().resolve("values-homelab.yaml"))
                        .set("ingress.enabled", "true")
                        .set("gateway.enabled", "false")
                        .call();
        List<Ingress> ingresses =
                Chart.documents(rendered).stream()
                        .map(io.fabric8.kubernetes.client.utils.Serialization::unmarshal)
                        .filter(Ingress.class::isInstance)
                        .map(Ingress.class::cast)
                        .toList();
        assertThat(ingresses).hasSize(1);
        Ingress ing = ingresses.get(0);
        assertThat(ing.getSpec().getIngressClassName()).isEqualTo("nginx");
        assertThat(ing.getSpec().getTls().get(0).getSecretName())
                .isEqualTo("streamforge-dmz-home-tls");
        assertThat(ing.getSpec().getRules())
                .extracting(r -> r.getHost())
                .containsExactlyInAnyOrder("queue-manager.dmz.home", "streamforge.dmz.home");
        assertThat(rendered).doesNotContain("kind: HTTPRoute");
    }

    @Test
    void badValuesFailWithAMessageNamingTheField() {
        assertThatThrownBy(() -> renderWith("kafka.securityProtocol", "SASL_PLAINTEXT"))
                .hasMessageContaining("kafka.securityProtocol must be PLAINTEXT or SASL_SSL");
        assertThatThrownBy(() -> renderWith("secrets.provider", "env"))
                .hasMessageContaining("secrets.provider must be vault or existingSecret");
        assertThatThrownBy(() -> renderWith("services.gnn-trainer.image.tag", ""))
                .hasMessageContaining("services.gnn-trainer.image.tag is required");
        assertThatThrownBy(() -> renderWith("services.loader-ws.kind", "cronjob"))
                .hasMessageContaining("services.loader-ws.kind must be deployment or job");
    }

    private static String renderWith(String key, String value) {
        return Chart.template().set(key, value).call();
    }
}
