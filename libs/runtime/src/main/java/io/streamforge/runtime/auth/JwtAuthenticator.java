package io.streamforge.runtime.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Validates OIDC bearer access tokens with nimbus-jose-jwt: signature against the issuer's JWKS
 * (found through {@code /.well-known/openid-configuration} on first use, cached, refetched when a
 * token names an unknown {@code kid} — key rotation — at most once per {@link
 * JwksPolicy#minRefetchMs}), {@code iss} exact, {@code aud} containing the audience, {@code exp}
 * required and in the future (60 s clock skew by default). Roles: the realm roles ({@code
 * realm_access.roles}) and the client roles of the audience or the UI client ({@code
 * resource_access.<client>.roles}) named {@code viewer}, {@code operator} or {@code admin}.
 */
public final class JwtAuthenticator {
    /**
     * How the JWKS is cached (time to live, fetch timeout, least time between two fetches) and the
     * clock skew tolerated on {@code exp}/{@code nbf}.
     */
    public record JwksPolicy(
            long cacheTtlMs, long fetchTimeoutMs, long minRefetchMs, int clockSkewS) {
        public static final JwksPolicy DEFAULT = new JwksPolicy(300_000, 15_000, 30_000, 60);
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<JWSAlgorithm> ALGORITHMS =
            Set.of(
                    JWSAlgorithm.RS256,
                    JWSAlgorithm.RS384,
                    JWSAlgorithm.RS512,
                    JWSAlgorithm.PS256,
                    JWSAlgorithm.ES256,
                    JWSAlgorithm.ES384);

    private final OidcSettings settings;
    private final JwksPolicy policy;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile ConfigurableJWTProcessor<SecurityContext> processor;

    public JwtAuthenticator(OidcSettings settings) {
        this(settings, JwksPolicy.DEFAULT);
    }

    public JwtAuthenticator(OidcSettings settings, JwksPolicy policy) {
        if (!settings.enabled() || settings.audience() == null) {
            throw new IllegalArgumentException("JwtAuthenticator needs an issuer and an audience");
        }
        this.settings = settings;
        this.policy = policy;
    }

    /** The caller of an {@code Authorization} header value; 401/503 {@link AuthException}. */
    public AuthUser authenticate(String authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            throw AuthException.unauthorized("missing bearer token");
        }
        if (!authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw AuthException.unauthorized("expected 'Authorization: Bearer <token>'");
        }
        return verify(authorizationHeader.substring(7).trim());
    }

    /** Validates a compact JWS access token. */
    public AuthUser verify(String token) {
        JWTClaimsSet claims;
        try {
            claims = processor().process(token, null);
        } catch (ParseException e) {
            throw AuthException.unauthorized("malformed token");
        } catch (BadJOSEException e) {
            throw AuthException.unauthorized("invalid token: " + e.getMessage());
        } catch (KeySourceException e) {
            throw new AuthException(503, "issuer keys unavailable: " + e.getMessage());
        } catch (JOSEException e) {
            throw AuthException.unauthorized("invalid token: " + e.getMessage());
        }
        String name = stringClaim(claims, "preferred_username");
        String subject = claims.getSubject() != null ? claims.getSubject() : name;
        return new AuthUser(subject, name != null ? name : subject, roles(claims));
    }

    private Set<Role> roles(JWTClaimsSet claims) {
        EnumSet<Role> out = EnumSet.noneOf(Role.class);
        addRoles(mapClaim(claims, "realm_access"), out);
        Map<String, Object> clients = mapClaim(claims, "resource_access");
        for (String client : new String[] {settings.audience(), settings.clientId()}) {
            if (client != null && clients.get(client) instanceof Map<?, ?> m) {
                addRoles(m, out);
            }
        }
        return out;
    }

    private static void addRoles(Map<?, ?> access, Set<Role> out) {
        if (access.get("roles") instanceof Collection<?> names) {
            names.forEach(n -> Role.fromClaim(String.valueOf(n)).ifPresent(out::add));
        }
    }

    private static Map<String, Object> mapClaim(JWTClaimsSet claims, String name) {
        try {
            Map<String, Object> m = claims.getJSONObjectClaim(name);
            return m == null ? Map.of() : m;
        } catch (ParseException e) {
            return Map.of();
        }
    }

    private static String stringClaim(JWTClaimsSet claims, String name) {
        try {
            return claims.getStringClaim(name);
        } catch (ParseException e) {
            return null;
        }
    }

    private ConfigurableJWTProcessor<SecurityContext> processor() {
        ConfigurableJWTProcessor<SecurityContext> p = processor;
        if (p == null) {
            synchronized (this) {
                if (processor == null) {
                    processor = build(discoverJwksUri());
                }
                p = processor;
            }
        }
        return p;
    }

    private ConfigurableJWTProcessor<SecurityContext> build(URI jwksUri) {
        JWKSource<SecurityContext> keys;
        try {
            keys =
                    JWKSourceBuilder.<SecurityContext>create(jwksUri.toURL())
                            .cache(policy.cacheTtlMs(), policy.fetchTimeoutMs())
                            .rateLimited(policy.minRefetchMs())
                            .retrying(true)
                            .build();
        } catch (IOException e) {
            throw new AuthException(503, "bad jwks_uri " + jwksUri);
        }
        DefaultJWTProcessor<SecurityContext> p = new DefaultJWTProcessor<>();
        p.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
        var claims =
                new DefaultJWTClaimsVerifier<SecurityContext>(
                        settings.audience(),
                        new JWTClaimsSet.Builder().issuer(settings.issuerUrl()).build(),
                        Set.of("exp", "iat"));
        claims.setMaxClockSkew(policy.clockSkewS());
        p.setJWTClaimsSetVerifier(claims);
        return p;
    }

    /** {@code jwks_uri} from the issuer's discovery document, whose issuer must match exactly. */
    private URI discoverJwksUri() {
        URI doc = URI.create(settings.issuerUrl() + "/.well-known/openid-configuration");
        try {
            HttpResponse<byte[]> res =
                    http.send(
                            HttpRequest.newBuilder(doc)
                                    .timeout(Duration.ofMillis(policy.fetchTimeoutMs()))
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
            if (res.statusCode() != 200) {
                throw new AuthException(503, "issuer discovery " + doc + ": " + res.statusCode());
            }
            JsonNode meta = JSON.readTree(res.body());
            if (!settings.issuerUrl().equals(meta.path("issuer").asText())) {
                throw new AuthException(
                        503, "issuer discovery " + doc + " names issuer " + meta.path("issuer"));
            }
            return URI.create(meta.path("jwks_uri").asText());
        } catch (IOException | IllegalArgumentException e) {
            throw new AuthException(503, "issuer discovery " + doc + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuthException(503, "interrupted during issuer discovery");
        }
    }
}
