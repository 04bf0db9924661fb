package io.streamforge.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The {@code org.keycloak:keycloak-quarkus-dist} zip for ITs that start a real Keycloak
 * (libs/embedded {@code KeycloakServer}): the system property {@code keycloak.zip}, which a
 * module's failsafe configuration points at the file in the local Maven repository. A missing zip
 * skips the test, except under {@code CI=true} where it fails.
 */
public final class KeycloakZip {
    private KeycloakZip() {}

    /** The zip; skips (or, under CI, fails) the calling test when there is none. */
    public static Path required() {
        String zip = System.getProperty("keycloak.zip");
        boolean present = zip != null && Files.isRegularFile(Path.of(zip));
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI: the Keycloak dist zip is required (keycloak.zip=" + zip + ")");
        }
        Assumptions.assumeTrue(present, "no Keycloak dist at " + zip + ": skipped");
        return Path.of(zip);
    }
}
