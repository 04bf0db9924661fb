package io.streamforge.runtime.auth;

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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A minimal OIDC issuer for tests: a JDK HttpServer on a free loopback port serving the discovery
 * document and a JWKS of RSA keys generated here (nimbus), and tokens signed with them. {@link
 * #rotate} replaces the published key, as an identity provider does.
 */
final class TestIssuer implements AutoCloseable {
    final HttpServer server;
    final String issuer;
    final AtomicInteger jwksFetches = new AtomicInteger();
    private volatile RSAKey key;

    TestIssuer() throws IOException, JOSEException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/test";
        key = newKey("k1");
        server.createContext(
                "/realms/test/.well-known/openid-configuration",
                ex -> {
                    String doc =
                            "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/certs\"}";
                    byte[] b = doc.getBytes(StandardCharsets.UTF_8);
                    ex.sendResponseHeaders(200, b.length);
                    ex.getResponseBody().write(b);
                    ex.close();
                });
        server.createContext(
                "/realms/test/certs",
                ex -> {
                    jwksFetches.incrementAndGet();
                    byte[] b =
                            new JWKSet(key.toPublicJWK())
                                    .toString()
                                    .getBytes(StandardCharsets.UTF_8);
                    ex.getResponseHeaders().add("Content-Type", "application/json");
                    ex.sendResponseHeaders(200, b.length);
                    ex.getResponseBody().write(b);
                    ex.close();
                });
        server.start();
    }

    static RSAKey newKey(String kid) throws JOSEException {
        return new RSAKeyGenerator(2048).keyID(kid).generate();
    }

    OidcSettings settings(String audience) {
        return new OidcSettings(issuer, audience, "streamforge-ui");
    }

    void rotate(String kid) throws JOSEException {
        key = newKey(kid);
    }

    RSAKey key() {
        return key;
    }

    /** A token from this issuer for {@code aud}, valid for 5 minutes, with realm roles. */
    String token(String aud, List<String> realmRoles) throws JOSEException {
        return sign(key, claims(aud, realmRoles, b -> {}));
    }

    JWTClaimsSet claims(String aud, List<String> realmRoles, Consumer<JWTClaimsSet.Builder> edit) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder b =
                new JWTClaimsSet.Builder()
                        .issuer(issuer)
                        .audience(aud)
                        .subject("user-1")
                        .claim("preferred_username", "alice")
                        .issueTime(Date.from(now))
                        .expirationTime(Date.from(now.plusSeconds(300)))
                        .claim("realm_access", Map.of("roles", realmRoles));
        edit.accept(b);
        return b.build();
    }

    static String sign(RSAKey with, JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt =
                new SignedJWT(
                        new JWSHeader.Builder(JWSAlgorithm.RS256)
                                .keyID(with.getKeyID())
                                .type(JOSEObjectType.JWT)
                                .build(),
                        claims);
        jwt.sign(new RSASSASigner(with));
        return jwt.serialize();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
