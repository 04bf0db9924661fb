package io.streamforge.app;

import io.streamforge.embedded.EmbeddedKafkaBroker;
import io.streamforge.embedded.EmbeddedPostgresServer;
import io.streamforge.embedded.KafkaSecurity;
import io.streamforge.embedded.Passwords;
import io.streamforge.embedded.ThrowawayCa;
import io.streamforge.kafka.KafkaSettings;
import io.streamforge.kafka.Topics;
import io.streamforge.queuemanager.LocalJobLauncher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The secured variant of local mode's infrastructure, as the homelab runs it: a throwaway CA, Kafka
 * with a SASL_SSL listener (SCRAM-SHA-512, {@code StandardAuthorizer}, one SCRAM user per principal
 * of the given ACLs, each with its own password file), PostgreSQL with {@code ssl=on} reached with
 * {@code sslmode=verify-full}. Every worker connects as {@code <userPrefix><target>}.
 */
final class SecuredInfra {
    static final String ADMIN = "streamforge-admin";

    private final LocalPlatform.Secured options;
    private final Path dataDir;
    private final ThrowawayCa ca;
    private final Map<String, String> passwordFiles = new HashMap<>();

    SecuredInfra(LocalPlatform.Secured options, Path dataDir) {
        this.options = options;
        this.dataDir = dataDir;
        this.ca = ThrowawayCa.create(dataDir.resolve("tls"));
    }

    /** The broker (admin password kept in the secrets folder: a kept data folder reuses it). */
    EmbeddedKafkaBroker startKafka(Path dir) {
        Path adminFile = dataDir.resolve("secrets").resolve("kafka-admin-password");
        String admin = readOr(adminFile, Passwords.random());
        PlatformEnv.secretFile(dataDir, "kafka-admin-password", admin);
        return EmbeddedKafkaBroker.startSecured(
                dir, new KafkaSecurity(ca.issueLocalhost("kafka"), ca.caFile(), ADMIN, admin));
    }

    /**
     * Creates a SCRAM user per principal of the ACLs, applies the ACLs and creates the two control
     * topics (the chart's Strimzi {@code KafkaTopic}s; no service may create them).
     */
    void provision(EmbeddedKafkaBroker kafka) {
        TreeSet<String> users = new TreeSet<>();
        options.acls().forEach(a -> users.add(a.entry().principal().replaceFirst("^User:", "")));
        for (String user : users) {
            String password = Passwords.random();
            kafka.users().createScramUser(user, password);
            passwordFiles.put(
                    user, PlatformEnv.secretFile(dataDir, "kafka-password-" + user, password));
        }
        kafka.users().addAcls(options.acls());
        kafka.createTopic(Topics.CONTROL, 1);
        kafka.createTopic(Topics.EVENTS, 3);
    }

    EmbeddedPostgresServer startPostgres(Path dir) {
        return EmbeddedPostgresServer.start(dir, ca.issueLocalhost("postgres"));
    }

    /** The JDBC URL with verify-full against the throwaway CA. */
    String jdbcUrl(EmbeddedPostgresServer pg) {
        return pg.jdbcUrl() + "?sslmode=verify-full&sslrootcert=" + ca.caFile();
    }

    /** Platform-wide variables: SASL_SSL with the CA file, PostgreSQL TLS settings. */
    Map<String, String> env() {
        return Map.of(
                "KAFKA_SECURITY_PROTOCOL",
                "SASL_SSL",
                "KAFKA_SSL_CA_FILE",
                ca.caFile().toString(),
                "POSTGRES_SSL_MODE",
                "verify-full",
                "POSTGRES_SSL_ROOT_CERT_FILE",
                ca.caFile().toString());
    }

    /** The variables that make a worker of {@code target} log in as its own user. */
    Map<String, String> userEnv(String target) {
        String user = options.userPrefix() + target;
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_SASL_USERNAME", user);
        // a target without a KafkaUser gets no password file: its config check fails, as in the
        // cluster
        String file = passwordFiles.get(user);
        if (file != null) {
            env.put("KAFKA_SASL_PASSWORD_FILE", file);
        }
        return env;
    }

    /** Wraps each entry so its worker runs with its own Kafka user. */
    Map<String, LocalJobLauncher.Entry> perUser(Map<String, LocalJobLauncher.Entry> entries) {
        Map<String, LocalJobLauncher.Entry> out = new HashMap<>();
        entries.forEach(
                (target, entry) ->
                        out.put(
                                target,
                                (env, stop) -> {
                                    Map<String, String> e = new HashMap<>(env);
                                    e.putAll(userEnv(target));
                                    return entry.run(e, stop);
                                }));
        return out;
    }

    /** Kafka settings of a user (e.g. the queue-manager's own). */
    KafkaSettings kafka(String bootstrap, String target) {
        Map<String, String> e = userEnv(target);
        String file = e.get("KAFKA_SASL_PASSWORD_FILE");
        if (file == null) {
            throw new IllegalStateException("no Kafka user for " + target + " in the ACLs");
        }
        return new KafkaSettings(
                bootstrap,
                "SASL_SSL",
                e.get("KAFKA_SASL_USERNAME"),
                readOr(Path.of(file), null),
                ca.caFile().toString());
    }

    ThrowawayCa ca() {
        return ca;
    }

    private static String readOr(Path file, String fallback) {
        try {
            return Files.exists(file) ? Files.readString(file).strip() : fallback;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
