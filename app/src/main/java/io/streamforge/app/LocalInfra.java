package io.streamforge.app;

import io.streamforge.embedded.EmbeddedKafkaBroker;
import io.streamforge.embedded.EmbeddedPostgresServer;
import io.streamforge.kafka.KafkaSettings;
import io.streamforge.queuemanager.LocalJobLauncher;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Kafka and PostgreSQL of the {@link LocalPlatform}: plain, or secured as the homelab runs them
 * ({@link SecuredInfra}: SASL_SSL + SCRAM + ACLs, PostgreSQL over TLS with {@code verify-full}),
 * and how each client connects to them — the JDBC URL, a Kafka user's settings, the super user's, a
 * worker's own Kafka user and job entries.
 */
final class LocalInfra {
    private final EmbeddedKafkaBroker kafka;
    private final EmbeddedPostgresServer postgres;
    private final SecuredInfra secured; // null: plain

    private LocalInfra(
            EmbeddedKafkaBroker kafka, EmbeddedPostgresServer postgres, SecuredInfra secured) {
        this.kafka = kafka;
        this.postgres = postgres;
        this.secured = secured;
    }

    /**
     * Starts Kafka, then PostgreSQL; {@code track} gets each part as soon as it runs, so the
     * platform closes what started when a later part fails.
     */
    static LocalInfra start(
            LocalPlatform.Options o, Consumer<String> progress, Consumer<AutoCloseable> track) {
        if (o.secured() != null) {
            SecuredInfra secured = new SecuredInfra(o.secured(), o.dataDir());
            progress.accept("starting Kafka (KRaft, in-process, SASL_SSL + SCRAM + ACLs)");
            EmbeddedKafkaBroker kafka = secured.startKafka(o.dataDir().resolve("kafka"));
            track.accept(kafka);
            secured.provision(kafka);
            progress.accept("starting PostgreSQL (embedded, TLS)");
            EmbeddedPostgresServer pg = secured.startPostgres(o.dataDir().resolve("postgres"));
            track.accept(pg);
            return new LocalInfra(kafka, pg, secured);
        }
        progress.accept("starting Kafka (KRaft, in-process)");
        EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(o.dataDir().resolve("kafka"));
        track.accept(kafka);
        EmbeddedPostgresServer pg = startPostgres(o, progress);
        track.accept(pg);
        return new LocalInfra(kafka, pg, null);
    }

    private static EmbeddedPostgresServer startPostgres(
            LocalPlatform.Options o, Consumer<String> progress) {
        progress.accept("starting PostgreSQL (embedded)");
        if (!o.durable()) {
            progress.accept(
                    "PostgreSQL durability off (fsync=off, synchronous_commit=off): a crash may"
                            + " lose the last commits; fine for this throw-away run");
        }
        return EmbeddedPostgresServer.start(
                o.dataDir().resolve("postgres"),
                o.durable()
                        ? EmbeddedPostgresServer.Durability.DURABLE
                        : EmbeddedPostgresServer.Durability.THROWAWAY);
    }

    EmbeddedKafkaBroker kafka() {
        return kafka;
    }

    EmbeddedPostgresServer postgres() {
        return postgres;
    }

    /** The homelab-like security setup, or null for plain infrastructure. */
    SecuredInfra secured() {
        return secured;
    }

    /** The platform's JDBC URL (TLS with {@code verify-full} when secured). */
    String jdbcUrl() {
        return secured == null ? postgres.jdbcUrl() : secured.jdbcUrl(postgres);
    }

    /** Kafka settings of the service {@code target} (its own SCRAM user when secured). */
    KafkaSettings kafkaFor(String target) {
        return secured == null
                ? KafkaSettings.plaintext(kafka.bootstrapServers())
                : secured.kafka(kafka.bootstrapServers(), target);
    }

    /** Kafka settings of the broker's super user (PLAINTEXT settings for an unsecured broker). */
    KafkaSettings adminKafka() {
        return kafka.security()
                .map(
                        s ->
                                new KafkaSettings(
                                        kafka.bootstrapServers(),
                                        "SASL_SSL",
                                        s.adminUser(),
                                        s.adminPassword(),
                                        s.caFile().toString()))
                .orElseGet(() -> KafkaSettings.plaintext(kafka.bootstrapServers()));
    }

    /** What a worker of {@code target} gets on top of the platform env: its own Kafka user. */
    Map<String, String> userEnv(String target) {
        return secured == null ? Map.of() : secured.userEnv(target);
    }

    /** The launcher's job entries: each worker logging in as its own Kafka user when secured. */
    Map<String, LocalJobLauncher.Entry> entries(Map<String, LocalJobLauncher.Entry> all) {
        return secured == null ? all : secured.perUser(all);
    }
}
