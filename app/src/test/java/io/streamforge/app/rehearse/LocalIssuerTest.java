package io.streamforge.app.rehearse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rehearsal's issuer over real HTTP: discovery, JWKS, and tokens its own key verifies. */
class LocalIssuerTest {
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static String get(String url) throws Exception {
        HttpResponse<String> r =
                HTTP.send(
                        HttpRequest.newBuilder(URI.create(url)).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(url).isEqualTo(200);
        return r.body();
    }

    @Test
    void discoveryPointsAtTheKeysThatVerifyItsTokens() throws Exception {
        try (LocalIssuer issuer = new LocalIssuer("/realms/streamforge", "streamforge-api")) {
            assertThat(issuer.issuer()).isEqualTo(issuer.origin() + "/realms/streamforge");
            var discovery =
                    new ObjectMapper()
                            .readTree(get(issuer.issuer() + "/.well-known/openid-configuration"));
            assertThat(discovery.get("issuer").asText()).isEqualTo(issuer.issuer());
            String jwksUri = discovery.get("jwks_uri").asText();
            RSAKey key = (RSAKey) JWKSet.parse(get(jwksUri)).getKeyByKeyId("rehearsal");
            assertThat(key.isPrivate()).as("only the public key is served").isFalse();

            SignedJWT jwt = SignedJWT.parse(issuer.token(List.of("operator", "viewer")));
            assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
            var claims = jwt.getJWTClaimsSet();
            assertThat(claims.getIssuer()).isEqualTo(issuer.issuer());
            assertThat(claims.getAudience()).containsExactly("streamforge-api");
            assertThat(claims.getExpirationTime()).isAfter(claims.getIssueTime());
            assertThat(claims.getJSONObjectClaim("realm_access"))
                    .isEqualTo(Map.of("roles", List.of("operator", "viewer")));
            assertThat(issuer.privateParts()).hasSize(6).doesNotContainValue("");
        }
    }
}
