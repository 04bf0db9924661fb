package io.streamforge.app;

import io.streamforge.embedded.EmbeddedKafkaBroker;
import io.streamforge.embedded.EmbeddedPostgresServer;
import io.streamforge.embedded.EmbeddedS3;
import io.streamforge.sim.ExchangeSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;

/**
 * The environment every worker of the local platform gets (as the chart gives pods theirs): the
 * broker, the database, the exchange, S3 — secrets as {@code *_FILE}s under {@code
 * <data-dir>/secrets}, readable by the owner only.
 */
final class PlatformEnv {
    private PlatformEnv() {}

    static Map<String, String> of(
            Path dataDir,
            Map<String, String> extraEnv,
            SecuredInfra secured,
            EmbeddedKafkaBroker kafka,
            EmbeddedPostgresServer postgres,
            EmbeddedS3 s3,
            String exchangeUrl,
            ExchangeSimulator sim) {
        Map<String, String> env = new HashMap<>(extraEnv);
        if (secured != null) {
            env.putAll(secured.env());
        }
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("POSTGRES_JDBC_URL", postgres.jdbcUrl());
        env.put("POSTGRES_USER", postgres.user());
        env.put(
                "POSTGRES_PASSWORD_FILE",
                secretFile(dataDir, "postgres-password", postgres.password()));
        env.put("BINANCE_BASE_URL", exchangeUrl);
        if (sim != null) {
            env.put("BINANCE_WS_URL", sim.wsBaseUrl());
        }
        env.put("S3_ENDPOINT", s3.endpoint().toString());
        env.put("S3_REGION", s3.region());
        env.put("S3_ACCESS_KEY_FILE", secretFile(dataDir, "s3-access-key", s3.accessKey()));
        env.put("S3_SECRET_KEY_FILE", secretFile(dataDir, "s3-secret-key", s3.secretKey()));
        env.put("HTTP_HOST", "127.0.0.1");
        return env;
    }

    /** Writes {@code value} to {@code <dir>/secrets/<name>} (mode 600) and returns its path. */
    static String secretFile(Path dir, String name, String value) {
        try {
            Path secrets = Files.createDirectories(dir.resolve("secrets"));
            Path f = secrets.resolve(name);
            Files.writeString(f, value == null ? "" : value);
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
            return f.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
