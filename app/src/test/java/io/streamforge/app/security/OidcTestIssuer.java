package io.streamforge.app.security;

import io.streamforge.app.rehearse.LocalIssuer;
import io.streamforge.runtime.auth.OidcSettings;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * An OIDC issuer in the test: the rehearsal's {@link LocalIssuer} (a JDK HttpServer on a free
 * loopback port serving the discovery document and the JWKS of one RSA key generated with nimbus)
 * at {@code /realms/test}, with the settings the platform needs to trust it.
 */
final class OidcTestIssuer implements AutoCloseable {
    static final String AUDIENCE = "streamforge-api";

    private final LocalIssuer issuer;

    OidcTestIssuer() throws IOException {
        issuer = new LocalIssuer("/realms/test", AUDIENCE);
    }

    OidcSettings settings() {
        return new OidcSettings(issuer.issuer(), AUDIENCE, "streamforge-ui");
    }

    /** The signing key's private parts (d, p, q, dp, dq, qi), base64url: secrets to scan for. */
    Map<String, String> privateParts() {
        return issuer.privateParts();
    }

    /** A token for {@link #AUDIENCE} with these realm roles, valid for an hour. */
    String token(List<String> realmRoles) {
        return issuer.token(realmRoles);
    }

    @Override
    public void close() {
        issuer.close();
    }
}
