package io.streamforge.runtime.auth;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import io.streamforge.runtime.ConfigException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bearer-token access control for a Javalin server. Routes registered with a {@link Role} ({@code
 * r.get(path, handler, Role.VIEWER)}) need a valid token carrying that role or a higher one (401
 * without a valid token, 403 without the role); routes without a role (health, metrics, docs, the
 * page) are public. With authentication off (no issuer, loopback bind only) every caller is {@link
 * AuthUser#ANONYMOUS}. Refusals are thrown as {@link AuthException} for the server's own
 * problem+json handler.
 */
public final class HttpAuth {
    private static final Logger LOG = LoggerFactory.getLogger(HttpAuth.class);
    private static final String USER = "streamforge.user";

    private final OidcSettings settings;
    private final JwtAuthenticator jwt;

    private HttpAuth(OidcSettings settings, JwtAuthenticator jwt) {
        this.settings = settings;
        this.jwt = jwt;
    }

    /**
     * Access control for a server bound to {@code host}: with an issuer, tokens are required;
     * without one, only a loopback bind is allowed (one log line says authentication is off), any
     * other bind is a {@link ConfigException} (exit 2).
     */
    public static HttpAuth forBind(OidcSettings settings, String host, String service) {
        if (settings.enabled()) {
            LOG.info(
                    "{}: OIDC on — issuer {}, audience {}",
                    service,
                    settings.issuerUrl(),
                    settings.audience());
            return new HttpAuth(settings, new JwtAuthenticator(settings));
        }
        if (!OidcSettings.isLoopback(host)) {
            throw new ConfigException(List.of(OidcSettings.unsafeBindMessage(host, "HTTP_HOST")));
        }
        LOG.warn(
                "{}: authentication OFF (no OIDC_ISSUER_URL) — listening on loopback {} only",
                service,
                host);
        return new HttpAuth(settings, null);
    }

    /** With a ready authenticator (tests: a custom JWKS policy). */
    public static HttpAuth with(OidcSettings settings, JwtAuthenticator jwt) {
        return new HttpAuth(settings, jwt);
    }

    public boolean enabled() {
        return jwt != null;
    }

    public OidcSettings settings() {
        return settings;
    }

    /** Checks every matched route's roles before its handler runs. */
    public void install(RoutesConfig routes) {
        routes.beforeMatched(this::check);
    }

    private void check(Context ctx) {
        Set<RouteRole> required = ctx.routeRoles();
        if (required.isEmpty()) {
            return;
        }
        AuthUser user =
                jwt == null ? AuthUser.ANONYMOUS : jwt.authenticate(ctx.header("Authorization"));
        ctx.attribute(USER, user);
        boolean allowed = required.stream().anyMatch(r -> r instanceof Role role && user.has(role));
        if (!allowed) {
            throw AuthException.forbidden(
                    user.name() + " lacks role " + names(required) + " for " + ctx.path());
        }
    }

    private static String names(Set<RouteRole> roles) {
        return roles.stream()
                .map(r -> r instanceof Role role ? role.claimValue() : r.toString())
                .sorted()
                .toList()
                .toString();
    }

    /** The caller of a protected route (after {@link #install}); anonymous when auth is off. */
    public static AuthUser user(Context ctx) {
        AuthUser u = ctx.attribute(USER);
        return u == null ? AuthUser.ANONYMOUS : u;
    }

    /**
     * What a browser needs to sign in: {@code {"enabled":false}} or {@code {"enabled":true, issuer,
     * client_id, audience}} — no secret (the UI client is public, PKCE).
     */
    public Map<String, Object> browserConfig() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("enabled", enabled());
        if (enabled()) {
            out.put("issuer", settings.issuerUrl());
            out.put("client_id", settings.clientId());
            out.put("audience", settings.audience());
        }
        return out;
    }
}
