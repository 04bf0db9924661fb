package io.streamforge.visualizer;

import io.streamforge.domain.port.ModelRepository;
import io.streamforge.runtime.ConfigReader;
import io.streamforge.runtime.DatabaseSettings;
import io.streamforge.runtime.auth.OidcSettings;
import io.streamforge.store.s3.S3Settings;
import java.net.URI;

/**
 * Everything the visualizer reads from the environment, validated.
 *
 * @param queueManagerUrl base URL of the queue-manager API ({@code http(s)://host[:port]})
 * @param database DB_KIND with POSTGRES_* or ARANGO_* (passwords from files, never printed)
 * @param modelName model whose runs the GNN view shows by default; null = none (gnn-trainer names
 *     its model after the queue id unless {@code MODEL_NAME} is set, so the UI asks per queue)
 */
public record VisualizerSettings(
        String httpHost,
        int httpPort,
        String queueManagerUrl,
        DatabaseSettings database,
        S3Settings s3,
        String modelName,
        OidcSettings oidc) {

    /**
     * Reads HTTP_HOST, HTTP_PORT, QUEUE_MANAGER_URL, DB_KIND with POSTGRES_* or ARANGO_* ({@link
     * DatabaseSettings}), S3_* / MODEL_OUTPUT, MODEL_NAME and OIDC_* (an issuer is required unless
     * HTTP_HOST is a loopback address); then validates, throwing one {@link
     * io.streamforge.runtime.ConfigException} that lists every problem.
     */
    public static VisualizerSettings read(ConfigReader r) {
        String host = r.optional("HTTP_HOST", "0.0.0.0");
        int port = r.intValue("HTTP_PORT", 8080, 0, 65_535);
        String qm = r.requiredParsed("QUEUE_MANAGER_URL", VisualizerSettings::httpUrl);
        DatabaseSettings database = DatabaseSettings.read(r);
        S3Settings s3 = S3Settings.read(r);
        String model =
                r.parsed("MODEL_NAME", v -> ModelRepository.checkName("model name", v), null);
        OidcSettings oidc = OidcSettings.read(r);
        oidc.checkBind(host, "HTTP_HOST", r);
        if (oidc.enabled() && oidc.clientId() == null) {
            r.problem("missing OIDC_CLIENT_ID (the UI's public client) with OIDC_ISSUER_URL");
        }
        r.validate();
        return new VisualizerSettings(host, port, qm, database, s3, model, oidc);
    }

    static String httpUrl(String text) {
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "expected http(s)://host[:port], got '" + text + "'");
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "expected http(s)://host[:port], got '" + text + "'");
        }
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    @Override
    public String toString() {
        return "VisualizerSettings[http="
                + httpHost
                + ":"
                + httpPort
                + ", queueManager="
                + queueManagerUrl
                + ", "
                + database
                + ", "
                + s3
                + ", modelName="
                + modelName
                + ", oidc="
                + (oidc.enabled() ? oidc.issuerUrl() + " client=" + oidc.clientId() : "off")
                + "]";
    }
}
