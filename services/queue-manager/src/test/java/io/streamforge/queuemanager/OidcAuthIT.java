package io.streamforge.queuemanager;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.streamforge.embedded.KeycloakServer;
import io.streamforge.embedded.OidcLogin;
import io.streamforge.kafka.Json;
import io.streamforge.runtime.auth.HttpAuth;
import io.streamforge.runtime.auth.JwtAuthenticator;
import io.streamforge.runtime.auth.OidcSettings;
import io.streamforge.testkit.KeycloakZip;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The queue-manager API behind a REAL Keycloak (the {@code keycloak-quarkus-dist} zip started on
 * free ports with {@code deploy/keycloak/streamforge-realm.json} imported). Users sign in with the
 * UI's public client (authorization code + PKCE) over HTTP. The API is the real {@link ApiServer}
 * with the real validation over an in-memory queue store ({@link ApiFixture}): this test is about
 * identity, pipelines themselves run in StandaloneQueueManagerIT and the app's ITs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OidcAuthIT {
    static final String REALM = "streamforge";
    static final String UI = "streamforge-ui";
    static final String REDIRECT = "http://127.0.0.1:8081/";
    static final String PIPELINE =
            "{\"symbol\":\"BTCUSDT\",\"microservices\":[{\"target\":\"dummy-service\"}]}";

    static KeycloakServer keycloak;
    static ApiFixture api;
    static OidcSettings settings;

    @BeforeAll
    static void start() throws Exception {
        keycloak =
                KeycloakServer.start(
                        KeycloakZip.required(),
                        Path.of("../../deploy/keycloak/streamforge-realm.json"),
                        REALM,
                        Path.of("target"));
        settings = new OidcSettings(keycloak.issuer(REALM), "streamforge-api", UI);
        // clock skew 0 so that a token of a 1-second client is expired within seconds
        api =
                new ApiFixture(
                        HttpAuth.with(
                                settings,
                                new JwtAuthenticator(
                                        settings,
                                        new JwtAuthenticator.JwksPolicy(
                                                300_000, 15_000, 30_000, 0))));
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
        if (keycloak != null) {
            keycloak.close();
        }
    }

    static String token(String user) throws Exception {
        return OidcLogin.accessToken(settings.issuerUrl(), UI, REDIRECT, user, user + "-pass");
    }

    @Test
    @Order(1)
    void noTokenIs401WithABearerChallenge() throws Exception {
        HttpResponse<String> res = api.send("GET", "/queues", null, null);
        assertThat(res.statusCode()).isEqualTo(401);
        assertThat(res.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(res.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(api.send("GET", "/health/ready", null, null).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void viewerListsQueuesButCannotStart() throws Exception {
        String viewer = token("viewer");
        assertThat(api.send("GET", "/queues", null, viewer).statusCode()).isEqualTo(200);
        HttpResponse<String> start = api.send("POST", "/queues/start-pipeline", PIPELINE, viewer);
        assertThat(start.statusCode()).as(start.body()).isEqualTo(403);
        assertThat(start.body()).contains("viewer lacks role [operator]");
    }

    @Test
    @Order(3)
    void operatorStartsAndStopsAPipeline() throws Exception {
        String operator = token("operator");
        HttpResponse<String> start = api.send("POST", "/queues/start-pipeline", PIPELINE, operator);
        assertThat(start.statusCode()).as(start.body()).isEqualTo(201);
        String id = Json.MAPPER.readTree(start.body()).get("queue_id").asText();
        HttpResponse<String> stop = api.send("POST", "/queues/" + id + "/stop", null, operator);
        assertThat(stop.statusCode()).as(stop.body()).isEqualTo(202);
        JsonNode q = Json.MAPPER.readTree(api.send("GET", "/queues/" + id, null, operator).body());
        assertThat(q.path("status").asText()).isEqualTo("interrupted");
        // admin implies operator
        String admin = token("admin");
        HttpResponse<String> again = api.send("POST", "/queues/start-pipeline", PIPELINE, admin);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
        String second = Json.MAPPER.readTree(again.body()).get("queue_id").asText();
        assertThat(api.send("POST", "/queues/" + second + "/stop", null, admin).statusCode())
                .isEqualTo(202);
    }

    @Test
    @Order(4)
    void forgedTokensAre401() throws Exception {
        String real = token("viewer");
        SignedJWT parsed = SignedJWT.parse(real);
        // the same claims, promoted to admin, signed by a key of our own under Keycloak's kid
        JWTClaimsSet promoted =
                new JWTClaimsSet.Builder(parsed.getJWTClaimsSet())
                        .claim(
                                "realm_access",
                                java.util.Map.of("roles", java.util.List.of("admin")))
                        .build();
        var key = new RSAKeyGenerator(2048).keyID(parsed.getHeader().getKeyID()).generate();
        SignedJWT forged =
                new SignedJWT(
                        new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                        promoted);
        forged.sign(new RSASSASigner(key));
        HttpResponse<String> res =
                api.send("POST", "/queues/start-pipeline", PIPELINE, forged.serialize());
        assertThat(res.statusCode()).as(res.body()).isEqualTo(401);
        String[] parts = real.split("\\.");
        String tampered =
                parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];
        assertThat(api.send("GET", "/queues", null, tampered).statusCode()).isEqualTo(401);
    }

    @Test
    @Order(5)
    void aTokenForAnotherAudienceIs401() throws Exception {
        // Keycloak's own account console client: a real token of this realm, without our audience
        String account =
                OidcLogin.accessToken(
                        settings.issuerUrl(),
                        "account-console",
                        settings.issuerUrl() + "/account/",
                        "admin",
                        "admin-pass");
        HttpResponse<String> res = api.send("GET", "/queues", null, account);
        assertThat(res.statusCode()).as(res.body()).isEqualTo(401);
        assertThat(res.body()).contains("aud");
    }

    @Test
    @Order(6)
    void anExpiredTokenIs401() throws Exception {
        keycloak.setClientAttribute(REALM, UI, "access.token.lifespan", "1");
        String shortLived = token("admin");
        long exp = SignedJWT.parse(shortLived).getJWTClaimsSet().getExpirationTime().getTime();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.currentTimeMillis() <= exp + 1_000 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        HttpResponse<String> res = api.send("GET", "/queues", null, shortLived);
        assertThat(res.statusCode()).as(res.body()).isEqualTo(401);
        assertThat(res.body()).contains("xpired");
    }
}
