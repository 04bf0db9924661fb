package io.streamforge.app.cli;

import io.streamforge.app.rehearse.KeycloakDist;
import java.nio.file.Path;

/**
 * {@code rehearse --identity keycloak|local}: which OIDC provider the rehearsal uses. {@code
 * keycloak} (the default) is the real Keycloak from the dist zip in the local Maven repository;
 * when the zip is not there, the default falls back to the local issuer with a NOTE saying why and
 * how to get it, while {@code --identity keycloak} given explicitly is a usage error. {@code local}
 * is the rehearsal's local OIDC issuer.
 */
final class RehearseIdentity {
    /** The option's values. */
    enum Choice {
        KEYCLOAK,
        LOCAL
    }

    /**
     * What to start.
     *
     * @param zip the Keycloak dist zip, or null for the local issuer
     * @param note why the default fell back to the local issuer, or null
     */
    record Plan(Path zip, String note) {
        boolean keycloak() {
            return zip != null;
        }
    }

    private RehearseIdentity() {}

    /**
     * The plan for {@code given} (null: the option was not given) with the zip {@code where}.
     *
     * @throws UsageError for an explicit {@code --identity keycloak} without the zip
     */
    static Plan plan(Choice given, KeycloakDist.Location where) {
        if (given == Choice.LOCAL) {
            return new Plan(null, null);
        }
        if (where.present()) {
            return new Plan(where.zip(), null);
        }
        String missing =
                "no Keycloak dist zip at "
                        + where.zip()
                        + " (local Maven repository from "
                        + where.source()
                        + ")";
        if (given == Choice.KEYCLOAK) {
            throw new UsageError(
                    "--identity keycloak: "
                            + missing
                            + "; download it with "
                            + where.downloadCommand()
                            + " or use --identity local");
        }
        return new Plan(
                null,
                missing
                        + ": the LOCAL OIDC issuer stands in for Keycloak. For the real Keycloak,"
                        + " download the zip with "
                        + where.downloadCommand()
                        + " (any build of app does too); --identity local silences this note.");
    }
}
