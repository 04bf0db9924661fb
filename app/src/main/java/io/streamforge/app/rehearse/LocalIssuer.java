package io.streamforge.app.rehearse;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * The rehearsal's stand-in for Keycloak (printed as such; also the tests' issuer): an OIDC issuer
 * on a free loopback port at the rendered issuer's path ({@code /realms/streamforge}), serving the
 * discovery document and the JWKS of one RSA key made here with nimbus, and signing tokens with the
 * realm's role claim ({@code realm_access.roles}) for the rendered {@code OIDC_AUDIENCE}. The
 * services validate them exactly as they validate Keycloak's (issuer, audience, expiry, signature
 * from the JWKS).
 */
public final class LocalIssuer implements Identity, AutoCloseable {
    private final HttpServer server;
    private final String origin;
    private final String issuer;
    private final String audience;
    private final RSAKey key;

    /**
     * Serves the issuer {@code http://127.0.0.1:<free port><path>} for tokens of {@code audience}.
     */
    public LocalIssuer(String path, String audience) throws IOException {
        this.server =
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.origin = "http://127.0.0.1:" + server.getAddress().getPort();
        this.issuer = origin + path;
        this.audience = audience;
        try {
            this.key = new RSAKeyGenerator(2048).keyID("rehearsal").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        String discovery = "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/certs\"}";
        serve(path + "/.well-known/openid-configuration", discovery);
        serve(path + "/certs", new JWKSet(key.toPublicJWK()).toString());
        server.start();
    }

    /** {@code http://127.0.0.1:<port>}: what the issuer's scheme and host map to. */
    @Override
    public String origin() {
        return origin;
    }

    /** The issuer URL: the tokens' {@code iss}, what {@code OIDC_ISSUER_URL} must say. */
    public String issuer() {
        return issuer;
    }

    /** The signing key's private parts (d, p, q, dp, dq, qi): secrets a leak scan looks for. */
    public Map<String, String> privateParts() {
        return Map.of(
                "oidc-key d", key.getPrivateExponent().toString(),
                "oidc-key p", key.getFirstPrimeFactor().toString(),
                "oidc-key q", key.getSecondPrimeFactor().toString(),
                "oidc-key dp", key.getFirstFactorCRTExponent().toString(),
                "oidc-key dq", key.getSecondFactorCRTExponent().toString(),
                "oidc-key qi", key.getFirstCRTCoefficient().toString());
    }

    private void serve(String path, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        server.createContext(
                path,
                ex -> {
                    ex.getResponseHeaders().add("Content-Type", "application/json");
                    ex.sendResponseHeaders(200, body.length);
                    ex.getResponseBody().write(body);
                    ex.close();
                });
    }

    /** A token of user {@code rehearsal} with these realm roles, valid for an hour. */
    @Override
    public String token(List<String> roles) {
        Instant now = Instant.now();
        JWTClaimsSet claims =
                new JWTClaimsSet.Builder()
                        .issuer(issuer)
                        .audience(audience)
                        .subject("rehearsal")
                        .claim("preferred_username", "rehearsal")
                        .issueTime(Date.from(now))
                        .expirationTime(Date.from(now.plusSeconds(3600)))
                        .claim("realm_access", Map.of("roles", roles))
                        .build();
        SignedJWT jwt =
                new SignedJWT(
                        new JWSHeader.Builder(JWSAlgorithm.RS256)
                                .keyID(key.getKeyID())
                                .type(JOSEObjectType.JWT)
                                .build(),
                        claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
