package io.streamforge.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The PostgreSQL server process of {@link EmbeddedPostgresServer}: started by zonky on a cluster
 * folder and port, listening on {@code localhost} only, its output appended to a log file whose
 * tail explains a failed start.
 */
final class PostgresProcess {
    private PostgresProcess() {}

    /** Starts the server on {@code cluster} (initdb on first use) with these settings. */
    static EmbeddedPostgres launch(
            Path cluster,
            Path log,
            EmbeddedPostgresServer.Durability durability,
            Map<String, String> extra,
            int port)
            throws IOException {
        EmbeddedPostgres.Builder b = EmbeddedPostgres.builder();
        extra.forEach(b::setServerConfig);
        b.setDataDirectory(cluster)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("max_connections", "100")
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return durabilitySettings(b, durability).start();
    }

    /**
     * zonky starts postgres with {@code -F} (fsync off) and {@code synchronous_commit=off}; the
     * {@code -c} settings given here come later on the command line and win.
     */
    private static EmbeddedPostgres.Builder durabilitySettings(
            EmbeddedPostgres.Builder b, EmbeddedPostgresServer.Durability durability) {
        String on = durability == EmbeddedPostgresServer.Durability.DURABLE ? "on" : "off";
        return b.setServerConfig("fsync", on).setServerConfig("synchronous_commit", on);
    }

    /** What the server logged since {@code from} (at most the last 2000 characters). */
    static String logTail(Path log, long from) {
        try {
            if (!Files.exists(log)) {
                return "";
            }
            byte[] all = Files.readAllBytes(log);
            int start = (int) Math.max(from, all.length - 2000L);
            return new String(all, start, all.length - start, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
