package io.streamforge.app.rehearse;

import java.util.List;

/**
 * The OIDC provider the rendered {@code OIDC_ISSUER_URL} points at: the rehearsal maps the issuer's
 * scheme and host to {@link #origin()} and calls the API with {@link #token}. Null in {@link
 * Rehearsal.Options}: a {@link LocalIssuer}; {@code streamforge rehearse} passes a {@link
 * KeycloakIdentity} (a real Keycloak with the realm file imported) unless {@code --identity local}.
 */
public interface Identity {
    /** {@code http://127.0.0.1:<port>}: where the issuer's {@code https://host} goes. */
    String origin();

    /** An access token of a user with these realm roles, for the chart's audience. */
    String token(List<String> roles);

    /** What it is, for the host table: {@code Keycloak -> <description>}. */
    default String description() {
        return "the given OIDC provider";
    }
}
