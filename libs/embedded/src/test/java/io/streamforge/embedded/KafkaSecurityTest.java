package io.streamforge.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings {@link KafkaSecurity} hands to the broker and clients, and what it refuses. */
class KafkaSecurityTest {
    @TempDir static Path dir;
    static KafkaSecurity security;

    @BeforeAll
    static void ca() {
        security = KafkaSecurity.withNewCa(dir, "sf-admin");
    }

    @Test
    void brokerSettingsPutTheClientListenerOnSaslSslAndTheControllerOnPlainText() {
        Map<String, Object> p = security.brokerSettings(19092, 19093);
        assertThat(p)
                .containsEntry(
                        "listeners", "SASL_SSL://localhost:19092,CONTROLLER://localhost:19093")
                .containsEntry("advertised.listeners", "SASL_SSL://localhost:19092")
                .containsEntry(
                        "listener.security.protocol.map",
                        "SASL_SSL:SASL_SSL,CONTROLLER:SASL_PLAINTEXT")
                .containsEntry("super.users", "User:sf-admin")
                .containsEntry("allow.everyone.if.no.acl.found", "false")
                .containsEntry("ssl.truststore.location", security.caFile().toString())
                .containsEntry("ssl.keystore.key", security.cert().keyPem());
        assertThat((String) p.get("listener.name.controller.plain.sasl.jaas.config"))
                .contains("username=\"sf-admin\"")
                .contains("user_sf-admin=\"" + security.adminPassword() + "\"");
    }

    @Test
    void theFormatterArgumentAndClientPropertiesCarryTheCredentials() {
        assertThat(security.scramBootstrapArgument())
                .isEqualTo(
                        "SCRAM-SHA-512=[name=sf-admin,password=" + security.adminPassword() + "]");
        Map<String, Object> c = security.clientProperties("localhost:1", "reader", "pw");
        assertThat(c)
                .containsEntry("bootstrap.servers", "localhost:1")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry(
                        "sasl.jaas.config",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required"
                                + " username=\"reader\" password=\"pw\";");
    }

    @Test
    void quotesAndBackslashesInJaasValuesAreEscaped() {
        assertThat(KafkaSecurity.scramJaas("a\"b", "c\\d\""))
                .endsWith("username=\"a\\\"b\" password=\"c\\\\d\\\"\";");
    }

    @Test
    void toStringMasksTheAdminPassword() {
        assertThat(security.toString())
                .doesNotContain(security.adminPassword())
                .contains("adminUser=sf-admin")
                .contains("adminPassword=***");
    }

    @Test
    void adminNamesAndPasswordsThatCannotGoIntoTheFormatterSyntaxAreRefused() {
        ThrowawayCa.ServerCert cert = security.cert();
        Path ca = security.caFile();
        assertThatThrownBy(() -> new KafkaSecurity(cert, ca, "ad min", "abcdefgh"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("adminUser: expected [A-Za-z0-9._-]+");
        assertThatThrownBy(() -> new KafkaSecurity(cert, ca, "admin", "short7x"))
                .hasMessage("adminPassword: expected at least 8 letters or digits");
        assertThatThrownBy(() -> new KafkaSecurity(cert, ca, "admin", "abcdefg,]"))
                .hasMessage("adminPassword: expected at least 8 letters or digits");
        assertThatThrownBy(() -> new KafkaSecurity(cert, null, "admin", "abcdefgh"))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("caFile");
    }

    @Test
    void randomPasswordsAreTwentyFourUnambiguousLettersOrDigitsAndPassTheCheck() {
        for (int i = 0; i < 200; i++) {
            String p = Passwords.random();
            assertThat(p).hasSize(24).matches("[A-HJ-NP-Za-km-z2-9]{24}");
            new KafkaSecurity(security.cert(), security.caFile(), "admin", p);
        }
    }
}
