package io.streamforge.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.streamforge.embedded.KafkaSecurity;
import io.streamforge.embedded.ThrowawayCa;
import io.streamforge.gnntrainer.TrainerSettings;
import io.streamforge.graphbuilder.GraphBuilderSettings;
import io.streamforge.queuemanager.k8s.StandaloneConfig;
import io.streamforge.runtime.ConfigReader;
import io.streamforge.runtime.DatabaseSettings;
import io.streamforge.runtime.WorkerConfig;
import io.streamforge.store.s3.S3Settings;
import io.streamforge.visualizer.VisualizerSettings;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code toString} of every settings record masks its secrets: each record is read from an
 * environment whose secret files hold known values, and its text must contain none of them. A
 * structural check finds every record of {@code io.streamforge} with a secret-like component and
 * requires it to be one of the records tested here (a new one fails until it is added).
 */
class SettingsSecretsTest {
    /** Component names that hold a secret value. */
    static final Pattern SECRET_NAME =
            Pattern.compile("(?i).*(password|secret|token|accesskey|keypem|credential).*");

    /** Records with a secret component and the test below that covers each. */
    static final Set<String> COVERED =
            Set.of(
                    "io.streamforge.kafka.KafkaSettings",
                    "io.streamforge.runtime.DatabaseSettings",
                    "io.streamforge.store.s3.S3Settings",
                    "io.streamforge.queuemanager.k8s.StandaloneConfig",
                    "io.streamforge.embedded.KafkaSecurity",
                    "io.streamforge.embedded.ThrowawayCa$ServerCert");

    @TempDir Path dir;
    final Map<String, String> env = new HashMap<>();
    final List<String> secrets = new ArrayList<>();

    @BeforeEach
    void environmentWithSecretFiles() throws Exception {
        secret("KAFKA_SASL_PASSWORD", "kafka-pw-7f3a9c");
        secret("POSTGRES_PASSWORD", "pg-pw-41be02");
        secret("ARANGO_PASSWORD", "arango-pw-90dd1e");
        secret("S3_ACCESS_KEY", "s3-access-5c6b77");
        secret("S3_SECRET_KEY", "s3-secret-e2a810");
        env.put("QUEUE_ID", "loader-q1");
        env.put("HTTP_HOST", "127.0.0.1"); // no OIDC issuer: the HTTP services bind loopback
        env.put("SYMBOLS", "BTCUSDT,ETHUSDT");
        env.put("TIME_RANGE", "2024-01-01:2024-01-03");
        env.put("KAFKA_BOOTSTRAP_SERVERS", "kafka:9093");
        env.put("KAFKA_SECURITY_PROTOCOL", "SASL_SSL");
        env.put("KAFKA_SASL_USERNAME", "streamforge-test");
        env.put("POSTGRES_JDBC_URL", "jdbc:postgresql://db:5432/sf");
        env.put("POSTGRES_USER", "streamforge");
        env.put("ARANGO_URL", "http://arango:8529");
        env.put("S3_ENDPOINT", "http://s3:9000");
        env.put("S3_BUCKET", "models");
        env.put("QUEUE_MANAGER_URL", "http://qm:8080");
        env.put("K8S_NAMESPACE", "streamforge");
    }

    private void secret(String name, String value) throws Exception {
        Path f = Files.writeString(dir.resolve(name.toLowerCase()), value + "\n");
        env.put(name + "_FILE", f.toString());
        secrets.add(value);
    }

    private <T> T read(Function<ConfigReader, T> reader) {
        ConfigReader r = new ConfigReader(env);
        T t = reader.apply(r);
        r.validate();
        return t;
    }

    private void assertMasked(Object settings) {
        String text = settings.toString();
        for (String s : secrets) {
            assertThat(text).as(settings.getClass().getSimpleName()).doesNotContain(s);
        }
    }

    @Test
    void workerConfigAndKafkaSettings() {
        WorkerConfig c = read(r -> WorkerConfig.read(r, "test", true));
        assertThat(c.kafka().saslPassword()).isEqualTo("kafka-pw-7f3a9c");
        assertMasked(c);
        assertMasked(c.kafka());
    }

    @Test
    void databaseSettingsForPostgresAndArango() {
        DatabaseSettings pg = read(DatabaseSettings::read);
        assertThat(pg.password()).isEqualTo("pg-pw-41be02");
        assertMasked(pg);
        env.put("DB_KIND", "arango");
        DatabaseSettings arango = read(DatabaseSettings::read);
        assertThat(arango.password()).isEqualTo("arango-pw-90dd1e");
        assertMasked(arango);
    }

    @Test
    void s3AndVisualizerSettings() {
        S3Settings s3 = read(S3Settings::read);
        assertThat(s3.secretKey()).isEqualTo("s3-secret-e2a810");
        assertMasked(s3);
        VisualizerSettings v = read(VisualizerSettings::read);
        assertThat(v.database().password()).isEqualTo("pg-pw-41be02");
        assertMasked(v);
    }

    @Test
    void analyticsSettings() {
        WorkerConfig common = read(r -> WorkerConfig.read(r, "gnn-trainer", true));
        TrainerSettings t = read(r -> TrainerSettings.read(r, common));
        assertThat(t.database().password()).isEqualTo("pg-pw-41be02");
        assertMasked(t);
        assertMasked(t.database());
        assertMasked(read(r -> GraphBuilderSettings.read(r, common)));
    }

    @Test
    void standaloneQueueManagerConfig() {
        StandaloneConfig c = StandaloneConfig.read(env);
        assertThat(c.postgresPassword()).isEqualTo("pg-pw-41be02");
        assertMasked(c);
    }

    @Test
    void embeddedKafkaSecurityAndServerCertificates() {
        KafkaSecurity s = KafkaSecurity.withNewCa(dir.resolve("ca"), "admin");
        secrets.add(s.adminPassword());
        secrets.add(s.cert().keyPem().lines().skip(1).findFirst().orElseThrow());
        assertMasked(s);
        assertMasked(s.cert());
        assertMasked(ThrowawayCa.create(dir.resolve("ca2")));
    }

    @Test
    void everyRecordWithASecretComponentIsCoveredAndOverridesToString() throws Exception {
        Set<String> found = new TreeSet<>();
        for (JavaClass c :
                new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.streamforge")) {
            Class<?> type = Class.forName(c.getName(), false, getClass().getClassLoader());
            if (!type.isRecord()) {
                continue;
            }
            for (RecordComponent rc : type.getRecordComponents()) {
                if (rc.getType() == String.class && SECRET_NAME.matcher(rc.getName()).matches()) {
                    found.add(c.getName());
                    assertThat(type.getDeclaredMethod("toString"))
                            .as(c.getName() + " declares its own toString")
                            .isNotNull();
                }
            }
        }
        assertThat(COVERED).containsAll(found);
        assertThat(found)
                .as("the structural check sees the records")
                .contains(COVERED.toArray(String[]::new));
    }
}
