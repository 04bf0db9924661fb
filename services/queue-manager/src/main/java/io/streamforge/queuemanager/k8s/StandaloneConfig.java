package io.streamforge.queuemanager.k8s;

import io.streamforge.kafka.KafkaSettings;
import io.streamforge.queuemanager.ControlPlaneLimits;
import io.streamforge.runtime.ConfigException;
import io.streamforge.runtime.ConfigReader;
import io.streamforge.runtime.DatabaseSettings;
import io.streamforge.runtime.WorkerConfig;
import io.streamforge.runtime.auth.OidcSettings;
import java.net.URI;
import java.util.Map;

/**
 * Configuration of the standalone queue-manager ({@code JOB_LAUNCHER=kubernetes}). {@link #read}
 * throws one {@link ConfigException} listing every problem. {@code ledgerDb} ({@code DB_KIND})
 * holds the coverage ledger, and the queues too when it is ArangoDB; with {@code DB_KIND=postgres}
 * the queues live in the PostgreSQL of {@code postgres*} (null on ArangoDB).
 */
public record StandaloneConfig(
        KafkaSettings kafka,
        String postgresJdbcUrl,
        String postgresUser,
        String postgresPassword,
        String httpHost,
        int httpPort,
        String binanceBaseUrl,
        int dataTopicPartitions,
        long reconcileGraceMs,
        long symbolsRefreshMs,
        KubernetesLauncherSettings launcher,
        DatabaseSettings ledgerDb,
        OidcSettings oidc,
        ControlPlaneLimits limits) {
    public static final String DEFAULT_BINANCE_URL = "https://api.binance.com";

    /** The password is never part of the text. */
    @Override
    public String toString() {
        return "StandaloneConfig[kafka="
                + kafka.bootstrapServers()
                + ", queues="
                + (ledgerDb.arango() ? "arango" : postgresJdbcUrl)
                + ", http="
                + httpHost
                + ":"
                + httpPort
                + ", binance="
                + binanceBaseUrl
                + ", launcher="
                + launcher
                + ", coverage ledger="
                + (ledgerDb.arango()
                        ? ledgerDb.arangoUrl() + "/" + ledgerDb.arangoDb()
                        : "postgres")
                + ", oidc="
                + (oidc.enabled() ? oidc.issuerUrl() + " aud=" + oidc.audience() : "off")
                + "]";
    }

    public static StandaloneConfig read(Map<String, String> env) {
        return read(ConfigReader.forService("queue-manager", env), env);
    }

    /** As {@link #read(Map)} through {@code r} (which records what is read). */
    public static StandaloneConfig read(ConfigReader r, Map<String, String> env) {
        String mode = r.optional("JOB_LAUNCHER", "kubernetes");
        if (!mode.equals("kubernetes")) {
            r.problem(
                    "invalid JOB_LAUNCHER: '"
                            + mode
                            + "' — the standalone queue-manager launches workers only as "
                            + "Kubernetes Jobs; local mode runs in-process via `streamforge up`");
        }
        KafkaSettings kafka = WorkerConfig.kafka(r);
        // DB_KIND: the coverage ledger lives where the connectors write it; the queues too on
        // ArangoDB, else in the PostgreSQL of POSTGRES_* (required then, null on ArangoDB)
        DatabaseSettings ledgerDb = DatabaseSettings.read(r);
        boolean postgres = !ledgerDb.arango();
        String jdbc = postgres ? io.streamforge.runtime.PostgresUrl.read(r) : null; // + SSL
        String user = postgres ? r.required("POSTGRES_USER") : null;
        String password = postgres ? r.secret("POSTGRES_PASSWORD") : null;
        String host = r.optional("HTTP_HOST", "0.0.0.0");
        int port = r.intValue("HTTP_PORT", 8080, 0, 65535);
        String binance = r.optional("BINANCE_BASE_URL", DEFAULT_BINANCE_URL);
        checkUrl(r, binance);
        int partitions = r.intValue("DATA_TOPIC_PARTITIONS", 3, 1, 1000);
        int grace = r.intValue("RECONCILE_GRACE_MS", 30_000, 0, 3_600_000);
        int refresh = r.intValue("SYMBOLS_REFRESH_MS", 600_000, 1_000, 86_400_000);
        KubernetesLauncherSettings launcher = KubernetesLauncherSettings.read(r, env);
        OidcSettings oidc = OidcSettings.read(r);
        oidc.checkBind(host, "HTTP_HOST", r);
        ControlPlaneLimits limits = ControlPlaneLimits.read(r);
        r.validate();
        return new StandaloneConfig(
                kafka,
                jdbc,
                user,
                password,
                host,
                port,
                binance,
                partitions,
                grace,
                refresh,
                launcher,
                ledgerDb,
                oidc,
                limits);
    }

    private static void checkUrl(ConfigReader r, String url) {
        try {
            URI u = URI.create(url);
            if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme()))
                    || u.getHost() == null) {
                r.problem("invalid BINANCE_BASE_URL: '" + url + "' is not an http(s) URL");
            }
        } catch (IllegalArgumentException e) {
            r.problem("invalid BINANCE_BASE_URL: '" + url + "' is not a URL");
        }
    }
}
