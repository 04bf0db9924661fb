package io.streamforge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamforge.app.rehearse.KeycloakDist;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rehearse --identity keycloak|local} (ADR 3501): parsing, and the plan for each choice with
 * and without the Keycloak dist zip — the default falls back to the local issuer with a NOTE, an
 * explicit {@code keycloak} without the zip is a one-line usage error before anything starts.
 * Nothing is started here: the real Keycloak runs in {@code HomelabRehearsalIT}.
 */
class RehearseIdentityTest {
    @TempDir Path dir;

    @Test
    void identityIsParsedCaseInsensitivelyAndUnsetByDefault() {
        assertThat(CliRun.<RehearseCli>parsed("rehearse").identity).isNull();
        assertThat(CliRun.<RehearseCli>parsed("rehearse", "--identity", "local").identity)
                .isEqualTo(RehearseIdentity.Choice.LOCAL);
        assertThat(CliRun.<RehearseCli>parsed("rehearse", "--identity", "KeyCloak").identity)
                .isEqualTo(RehearseIdentity.Choice.KEYCLOAK);
    }

    @Test
    void anUnknownIdentityIsAOneLineUsageError() {
        CliRun r = CliRun.of("rehearse", "--identity", "dex");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--identity", "dex").doesNotContain("\tat ");
        assertThat(List.of(r.err().strip().split("\n"))).hasSize(1);
    }

    @Test
    void withTheZipKeycloakIsUsedUnlessLocalIsAsked() {
        Path zip = dir.resolve("kc.zip");
        var present = new KeycloakDist.Location(zip, "MAVEN_OPTS", true);
        assertThat(RehearseIdentity.plan(null, present))
                .isEqualTo(new RehearseIdentity.Plan(zip, null));
        assertThat(RehearseIdentity.plan(RehearseIdentity.Choice.KEYCLOAK, present).zip())
                .isEqualTo(zip);
        RehearseIdentity.Plan local = RehearseIdentity.plan(RehearseIdentity.Choice.LOCAL, present);
        assertThat(local.keycloak()).isFalse();
        assertThat(local.note()).isNull();
    }

    @Test
    void withoutTheZipTheDefaultFallsBackToTheLocalIssuerWithANoteSayingWhyAndHow() {
        Path zip = dir.resolve("repo/kc.zip");
        var absent = new KeycloakDist.Location(zip, "~/.m2/settings.xml", false);
        RehearseIdentity.Plan plan = RehearseIdentity.plan(null, absent);
        assertThat(plan.keycloak()).isFalse();
        assertThat(plan.note())
                .startsWith(
                        "no Keycloak dist zip at "
                                + zip
                                + " (local Maven repository from ~/.m2/settings.xml)")
                .contains("the LOCAL OIDC issuer stands in for Keycloak")
                .contains(absent.downloadCommand())
                .contains("--identity local");
        assertThat(RehearseIdentity.plan(RehearseIdentity.Choice.LOCAL, absent).note()).isNull();
        assertThatThrownBy(() -> RehearseIdentity.plan(RehearseIdentity.Choice.KEYCLOAK, absent))
                .isInstanceOf(UsageError.class)
                .hasMessage(
                        "--identity keycloak: no Keycloak dist zip at "
                                + zip
                                + " (local Maven repository from ~/.m2/settings.xml); download it"
                                + " with "
                                + absent.downloadCommand()
                                + " or use --identity local");
    }

    @Test
    void anExplicitKeycloakWithoutTheZipExits2InOneLineBeforeAnythingStarts() {
        Assumptions.assumeTrue(
                System.getProperty("maven.repo.local") == null,
                "this JVM's -Dmaven.repo.local would win over the empty repository of the test");
        Path empty = dir.resolve("empty-repo");
        CliRun r =
                CliRun.with(
                        Map.of("MAVEN_OPTS", "-Dmaven.repo.local=" + empty),
                        "rehearse",
                        "--identity",
                        "keycloak");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err())
                .contains(
                        "--identity keycloak: no Keycloak dist zip at "
                                + empty.resolve("org/keycloak"))
                .contains("(local Maven repository from MAVEN_OPTS)")
                .doesNotContain("\tat ");
        assertThat(List.of(r.err().strip().split("\n"))).hasSize(1);
        assertThat(r.out()).doesNotContain("Rehearsing", "Starting Keycloak");
    }
}
