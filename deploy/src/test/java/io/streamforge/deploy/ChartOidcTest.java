package io.streamforge.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The chart binds the queue-manager and the visualizer to 0.0.0.0, so both must get an OIDC issuer
 * (they refuse to start without one); the chart refuses to render without it.
 */
class ChartOidcTest {
    @ParameterizedTest
    @ValueSource(strings = {"values.yaml", "values-homelab.yaml"})
    void bothHttpServicesGetTheOidcVariables(String values) {
        String issuer =
                values.equals("values.yaml")
                        ? "https://keycloak.example.local/realms/streamforge"
                        : "https://keycloak.dmz.home/realms/streamforge";
        for (String name : new String[] {"sf-queue-manager", "sf-visualizer"}) {
            Deployment d =
                    Chart.ofType(Chart.objects(values), Deployment.class).stream()
                            .filter(x -> x.getMetadata().getName().equals(name))
                            .findFirst()
                            .orElseThrow(() -> new AssertionError("no Deployment " + name));
            Map<String, String> env =
                    d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                            .filter(e -> e.getValue() != null)
                            .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
            assertThat(env)
                    .as(name)
                    .containsEntry("OIDC_ISSUER_URL", issuer)
                    .containsEntry("OIDC_AUDIENCE", "streamforge-api")
                    .containsEntry("OIDC_CLIENT_ID", "streamforge-ui");
        }
    }

    @Test
    void noIssuerIsARenderError() {
        assertThatThrownBy(() -> Chart.template().set("oidc.issuerUrl", "").call())
                .hasMessageContaining(
                        "oidc.issuerUrl, oidc.audience and oidc.clientId are required");
    }
}
