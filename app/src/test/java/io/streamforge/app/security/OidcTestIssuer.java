package io.streamforge.app.security;

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
import io.streamforge.runtime.auth.OidcSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * An OIDC issuer in the test (a minimal copy of libs/runtime's {@code TestIssuer}, which is not
 * published as a test-jar): a JDK HttpServer on a free loopback port serving the discovery document
 * and the JWKS of one RSA key generated here with nimbus, and tokens signed with that key.
 */
final class OidcTestIssuer implements AutoCloseable {
    static final String AUDIENCE = "streamforge-api";

    private final HttpServer server;
    private final String issuer;
    private final RSAKey key;

    OidcTestIssuer() throws IOException, JOSEException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/test";
        key = new RSAKeyGenerator(2048).keyID("k1").generate();
        String discovery = "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/certs\"}";
        serve("/realms/test/.well-known/openid-configuration", discovery);
        serve("/realms/test/certs", new JWKSet(key.toPublicJWK()).toString());
        server.start();
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

    OidcSettings settings() {
        return new OidcSettings(issuer, AUDIENCE, "streamforge-ui");
    }

    /** The signing key's private parts (d, p, q, dp, dq, qi), base64url: secrets to scan for. */
    Map<String, String> privateParts() {
        return Map.of(
                "oidc-key d", key.getPrivateExponent().toString(),
                "oidc-key p", key.getFirstPrimeFactor().toString(),
                "oidc-key q", key.getSecondPrimeFactor().toString(),
                "oidc-key dp", key.getFirstFactorCRTExponent().toString(),
                "oidc-key dq", key.getSecondFactorCRTExponent().toString(),
                "oidc-key qi", key.getFirstCRTCoefficient().toString());
    }

    /** A token for {@link #AUDIENCE} with these realm roles, valid for 15 minutes. */
    String token(List<String> realmRoles) throws JOSEException {
        Instant now = Instant.now();
        JWTClaimsSet claims =
                new JWTClaimsSet.Builder()
                        .issuer(issuer)
                        .audience(AUDIENCE)
                        .subject("user-operator")
                        .claim("preferred_username", "olivia")
                        .issueTime(Date.from(now))
                        .expirationTime(Date.from(now.plusSeconds(900)))
                        .claim("realm_access", Map.of("roles", realmRoles))
                        .build();
        SignedJWT jwt =
                new SignedJWT(
                        new JWSHeader.Builder(JWSAlgorithm.RS256)
                                .keyID(key.getKeyID())
                                .type(JOSEObjectType.JWT)
                                .build(),
                        claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
