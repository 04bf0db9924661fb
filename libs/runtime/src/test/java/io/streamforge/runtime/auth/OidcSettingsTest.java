package io.streamforge.runtime.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamforge.runtime.ConfigException;
import io.streamforge.runtime.ConfigReader;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OidcSettingsTest {
    @Test
    void noIssuerMeansDisabled() {
        assertThat(OidcSettings.fromEnv(Map.of()).enabled()).isFalse();
    }

    @Test
    void issuerNeedsAudienceAndAnHttpUrl() {
        assertThatThrownBy(
                        () ->
                                OidcSettings.fromEnv(
                                        Map.of("OIDC_ISSUER_URL", "ftp://kc/realms/streamforge")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("invalid OIDC_ISSUER_URL")
                .hasMessageContaining("missing OIDC_AUDIENCE");
        var s =
                OidcSettings.fromEnv(
                        Map.of(
                                "OIDC_ISSUER_URL", "https://kc.example/realms/streamforge/",
                                "OIDC_AUDIENCE", "streamforge-api",
                                "OIDC_CLIENT_ID", "streamforge-ui"));
        assertThat(s.issuerUrl()).isEqualTo("https://kc.example/realms/streamforge");
        assertThat(s.enabled()).isTrue();
    }

    @Test
    void loopbackAddresses() {
        assertThat(OidcSettings.isLoopback("127.0.0.1")).isTrue();
        assertThat(OidcSettings.isLoopback("127.1.2.3")).isTrue();
        assertThat(OidcSettings.isLoopback("localhost")).isTrue();
        assertThat(OidcSettings.isLoopback("::1")).isTrue();
        assertThat(OidcSettings.isLoopback("[::1]")).isTrue();
        assertThat(OidcSettings.isLoopback("0.0.0.0")).isFalse();
        assertThat(OidcSettings.isLoopback("::")).isFalse();
        assertThat(OidcSettings.isLoopback("192.168.1.5")).isFalse();
        assertThat(OidcSettings.isLoopback("localhost.evil.example")).isFalse();
    }

    @Test
    void publicBindWithoutIssuerIsAConfigProblem() {
        ConfigReader r = new ConfigReader(Map.of());
        OidcSettings.DISABLED.checkBind("0.0.0.0", "HTTP_HOST", r);
        assertThatThrownBy(r::validate)
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("OIDC_ISSUER_URL is required when HTTP_HOST (0.0.0.0)");
        ConfigReader ok = new ConfigReader(Map.of());
        OidcSettings.DISABLED.checkBind("127.0.0.1", "HTTP_HOST", ok);
        ok.validate();
        assertThatThrownBy(() -> HttpAuth.forBind(OidcSettings.DISABLED, "0.0.0.0", "svc"))
                .isInstanceOf(ConfigException.class);
        assertThat(HttpAuth.forBind(OidcSettings.DISABLED, "127.0.0.1", "svc").enabled()).isFalse();
    }
}
