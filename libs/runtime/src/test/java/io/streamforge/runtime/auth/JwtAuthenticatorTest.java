package io.streamforge.runtime.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Token validation against a real JWKS over loopback HTTP (keys generated in the test). */
class JwtAuthenticatorTest {
    static final String AUD = "streamforge-api";
    TestIssuer issuer;
    JwtAuthenticator jwt;

    @BeforeEach
    void start() throws Exception {
        issuer = new TestIssuer();
        jwt =
                new JwtAuthenticator(
                        issuer.settings(AUD),
                        new JwtAuthenticator.JwksPolicy(300_000, 5_000, 1, 60));
    }

    @AfterEach
    void stop() {
        issuer.close();
    }

    @Test
    void validTokenGivesUserAndImpliedRoles() throws Exception {
        AuthUser u = jwt.authenticate("Bearer " + issuer.token(AUD, List.of("operator", "other")));
        assertThat(u.name()).isEqualTo("alice");
        assertThat(u.subject()).isEqualTo("user-1");
        assertThat(u.roles()).containsExactlyInAnyOrder(Role.VIEWER, Role.OPERATOR);
    }

    @Test
    void clientRolesOfTheAudienceCount() throws Exception {
        var claims =
                issuer.claims(
                        AUD,
                        List.of(),
                        b ->
                                b.claim(
                                        "resource_access",
                                        Map.of(
                                                AUD,
                                                Map.of("roles", List.of("admin")),
                                                "elsewhere",
                                                Map.of("roles", List.of("x")))));
        AuthUser u = jwt.verify(TestIssuer.sign(issuer.key(), claims));
        assertThat(u.roles()).containsExactlyInAnyOrder(Role.values());
    }

    @Test
    void missingOrNonBearerHeaderIs401() {
        assertStatus(() -> jwt.authenticate(null), 401, "missing bearer token");
        assertStatus(() -> jwt.authenticate("Basic dXNlcjpwdw=="), 401, "Bearer");
        assertStatus(() -> jwt.authenticate("Bearer not-a-jwt"), 401, "malformed");
    }

    @Test
    void forgedSignatureIs401() throws Exception {
        // same kid, another private key: the published key does not verify it
        var forger = TestIssuer.newKey(issuer.key().getKeyID());
        String forged = TestIssuer.sign(forger, issuer.claims(AUD, List.of("admin"), b -> {}));
        assertStatus(() -> jwt.verify(forged), 401, "invalid token");
    }

    @Test
    void tamperedPayloadIs401() throws Exception {
        String[] parts = issuer.token(AUD, List.of("viewer")).split("\\.");
        String payload =
                Base64URL.encode(
                                issuer.claims(AUD, List.of("admin"), b -> {})
                                        .toString()
                                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .toString();
        assertStatus(
                () -> jwt.verify(parts[0] + "." + payload + "." + parts[2]), 401, "invalid token");
    }

    @Test
    void expiredIs401() throws Exception {
        Instant past = Instant.now().minusSeconds(600);
        var claims =
                issuer.claims(
                        AUD,
                        List.of("admin"),
                        b ->
                                b.issueTime(Date.from(past.minusSeconds(60)))
                                        .expirationTime(Date.from(past)));
        assertStatus(() -> jwt.verify(TestIssuer.sign(issuer.key(), claims)), 401, "xpired");
    }

    @Test
    void wrongAudienceOrIssuerIs401() throws Exception {
        assertStatus(() -> jwt.verify(issuer.token("account", List.of("admin"))), 401, "aud");
        var otherIssuer = issuer.claims(AUD, List.of("admin"), b -> b.issuer("http://evil/realm"));
        assertStatus(
                () -> jwt.verify(TestIssuer.sign(issuer.key(), otherIssuer)), 401, "invalid token");
    }

    @Test
    void unsignedAndSymmetricTokensAre401() throws Exception {
        var claims = issuer.claims(AUD, List.of("admin"), b -> {});
        assertStatus(() -> jwt.verify(new PlainJWT(claims).serialize()), 401, "");
        SignedJWT hs = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        hs.sign(new MACSigner(new byte[32]));
        assertStatus(() -> jwt.verify(hs.serialize()), 401, "invalid token");
    }

    @Test
    void keysAreCachedAndAnUnknownKidRefetchesTheJwks() throws Exception {
        jwt.verify(issuer.token(AUD, List.of("viewer")));
        jwt.verify(issuer.token(AUD, List.of("viewer")));
        assertThat(issuer.jwksFetches.get()).isEqualTo(1);
        issuer.rotate("k2");
        AuthUser u = jwt.verify(issuer.token(AUD, List.of("viewer")));
        assertThat(u.roles()).contains(Role.VIEWER);
        assertThat(issuer.jwksFetches.get()).isEqualTo(2);
    }

    @Test
    void unreachableIssuerIs503NotAccepted() throws Exception {
        String token = issuer.token(AUD, List.of("admin"));
        issuer.close();
        assertStatus(() -> jwt.verify(token), 503, "discovery");
    }

    static void assertStatus(
            org.assertj.core.api.ThrowableAssert.ThrowingCallable call, int status, String detail) {
        assertThatThrownBy(call)
                .isInstanceOf(AuthException.class)
                .hasMessageContaining(detail)
                .satisfies(e -> assertThat(((AuthException) e).status()).isEqualTo(status));
    }
}
