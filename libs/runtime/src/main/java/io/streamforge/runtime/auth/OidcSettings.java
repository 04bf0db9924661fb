package io.streamforge.runtime.auth;

import io.streamforge.runtime.ConfigReader;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;

/**
 * OpenID Connect settings of an HTTP service: {@code OIDC_ISSUER_URL} (the realm's issuer, e.g.
 * {@code https://keycloak.dmz.home/realms/streamforge}; unset = authentication off, allowed only on
 * a loopback bind), {@code OIDC_AUDIENCE} (the {@code aud} every token must carry, required with an
 * issuer) and {@code OIDC_CLIENT_ID} (the public client the web UI signs in with; optional).
 */
public record OidcSettings(String issuerUrl, String audience, String clientId) {
    /** Authentication off: only for a service bound to a loopback address. */
    public static final OidcSettings DISABLED = new OidcSettings(null, null, null);

    public boolean enabled() {
        return issuerUrl != null;
    }

    /** Reads {@code OIDC_*} from an environment map; one ConfigException lists every problem. */
    public static OidcSettings fromEnv(Map<String, String> env) {
        ConfigReader r = new ConfigReader(env);
        OidcSettings s = read(r);
        r.validate();
        return s;
    }

    /** Reads {@code OIDC_*}, recording problems in {@code r} (the caller validates). */
    public static OidcSettings read(ConfigReader r) {
        String issuer = r.parsed("OIDC_ISSUER_URL", OidcSettings::issuer, null);
        String clientId = r.optional("OIDC_CLIENT_ID", null);
        if (r.optional("OIDC_ISSUER_URL", null) == null) {
            return new OidcSettings(null, r.optional("OIDC_AUDIENCE", null), clientId);
        }
        return new OidcSettings(issuer, r.required("OIDC_AUDIENCE"), clientId);
    }

    /**
     * Records a problem when authentication is off and {@code host} is not a loopback address: an
     * API reachable from other machines must not run without identity.
     */
    public void checkBind(String host, String hostVariable, ConfigReader r) {
        if (!enabled() && host != null && !isLoopback(host)) {
            r.problem(unsafeBindMessage(host, hostVariable));
        }
    }

    static String unsafeBindMessage(String host, String hostVariable) {
        return "OIDC_ISSUER_URL is required when "
                + hostVariable
                + " ("
                + host
                + ") is not a loopback address: set OIDC_ISSUER_URL and OIDC_AUDIENCE, or bind to"
                + " 127.0.0.1 for a local run without authentication";
    }

    /** True for {@code localhost}, {@code 127.0.0.0/8} and {@code ::1}; {@code 0.0.0.0} is not. */
    public static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!host.matches("[0-9.]+|\\[?[0-9a-fA-F:]+]?")) {
            return false; // a name other than localhost: never trusted as loopback
        }
        try {
            return InetAddress.getByName(host.replace("[", "").replace("]", ""))
                    .isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    static String issuer(String text) {
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("expected http(s)://host[:port]/realms/<realm>");
        }
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "expected http(s)://host[:port]/realms/<realm>, got '" + text + "'");
        }
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
