package io.streamforge.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Reads the PostgreSQL JDBC URL with its TLS settings: {@code POSTGRES_JDBC_URL} (required), {@code
 * POSTGRES_SSL_MODE} (the driver's {@code sslmode}: disable, allow, prefer, require, verify-ca,
 * verify-full; unset = the URL decides) and {@code POSTGRES_SSL_ROOT_CERT_FILE} (the CA certificate
 * file; required by verify-ca and verify-full). The TLS settings are appended to the URL as {@code
 * sslmode} / {@code sslrootcert}, so every store that opens the URL connects the same way.
 */
public final class PostgresUrl {
    static final Set<String> MODES =
            Set.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");

    private PostgresUrl() {}

    /** The URL, or null when POSTGRES_JDBC_URL is missing or a TLS setting is invalid. */
    public static String read(ConfigReader r) {
        String url = r.required("POSTGRES_JDBC_URL");
        String mode = r.optional("POSTGRES_SSL_MODE", null);
        String rootCert = r.optional("POSTGRES_SSL_ROOT_CERT_FILE", null);
        if (url == null) {
            return null;
        }
        if (!url.startsWith("jdbc:postgresql:")) {
            r.problem("invalid POSTGRES_JDBC_URL: expected jdbc:postgresql://host:port/db");
            return null;
        }
        return withTls(r, url, mode, rootCert);
    }

    private static String withTls(ConfigReader r, String url, String mode, String rootCert) {
        if (mode == null && rootCert == null) {
            return url;
        }
        boolean ok = true;
        if (mode != null && !MODES.contains(mode)) {
            r.problem("invalid POSTGRES_SSL_MODE: '" + mode + "' (expected one of " + MODES + ")");
            ok = false;
        }
        if (mode != null && url.contains("sslmode=")) {
            r.problem("POSTGRES_SSL_MODE is set and POSTGRES_JDBC_URL has sslmode: use one");
            ok = false;
        }
        if (mode != null && mode.startsWith("verify-") && rootCert == null) {
            r.problem("POSTGRES_SSL_MODE=" + mode + " needs POSTGRES_SSL_ROOT_CERT_FILE");
            ok = false;
        }
        if (rootCert != null && !Files.isReadable(Path.of(rootCert))) {
            r.problem("invalid POSTGRES_SSL_ROOT_CERT_FILE: cannot read " + rootCert);
            ok = false;
        }
        if (!ok) {
            return null;
        }
        StringBuilder b = new StringBuilder(url).append(url.contains("?") ? '&' : '?');
        if (mode != null) {
            b.append("sslmode=").append(mode);
        }
        if (rootCert != null) {
            b.append(mode != null ? "&" : "").append("sslrootcert=").append(rootCert);
        }
        return b.toString();
    }
}
