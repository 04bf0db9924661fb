package io.streamforge.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamforge.domain.Symbol;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigReaderTest {
    @Test
    void oneErrorNamesEveryMissingAndInvalidVariable() {
        ConfigReader r = new ConfigReader(Map.of("HTTP_PORT", "99999", "SYMBOLS", "btcusdt,???"));
        WorkerConfig.read(r, "loader-api-candles", true);
        assertThatThrownBy(r::validate)
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("missing QUEUE_ID")
                .hasMessageContaining("missing KAFKA_BOOTSTRAP_SERVERS")
                .hasMessageContaining("invalid HTTP_PORT: 99999 not in [0, 65535]")
                .hasMessageContaining("invalid SYMBOLS: invalid symbol '???'");
    }

    @Test
    void secretsComeFromFilesAndNeverAppearInErrors(@TempDir Path dir) throws Exception {
        Path pw = dir.resolve("pw");
        Files.writeString(pw, "hunter2\n");
        ConfigReader r =
                new ConfigReader(
                        Map.of(
                                "QUEUE_ID", "q1",
                                "KAFKA_BOOTSTRAP_SERVERS", "k3-kafka-bootstrap.kafka:9093",
                                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                                "KAFKA_SASL_USERNAME", "loader",
                                "KAFKA_SASL_PASSWORD_FILE", pw.toString(),
                                "SYMBOL", "ethusdt"));
        WorkerConfig c = WorkerConfig.read(r, "loader-api-candles", true);
        r.validate();
        assertThat(c.kafka().saslPassword()).isEqualTo("hunter2");
        assertThat(c.kafka().toString()).doesNotContain("hunter2");
        assertThat(c.symbols()).containsExactly(Symbol.of("ETHUSDT"));
        assertThat(c.telemetryId()).isEqualTo("loader-api-candles__q1");
        assertThat(c.httpPort()).isEqualTo(8080);
    }

    @Test
    void unreadableSecretFileIsReportedWithoutItsContent() {
        ConfigReader r = new ConfigReader(Map.of("DB_PASSWORD_FILE", "/nonexistent/pw"));
        assertThat(r.secret("DB_PASSWORD")).isNull();
        assertThatThrownBy(r::validate)
                .hasMessageContaining("invalid DB_PASSWORD_FILE: cannot read /nonexistent/pw");
        ConfigReader missing = new ConfigReader(Map.of());
        missing.secret("DB_PASSWORD");
        assertThatThrownBy(missing::validate).hasMessageContaining("missing DB_PASSWORD_FILE");
    }

    @Test
    void saslWithoutCredentialsIsAConfigError() {
        ConfigReader r =
                new ConfigReader(
                        Map.of(
                                "QUEUE_ID",
                                "q",
                                "KAFKA_BOOTSTRAP_SERVERS",
                                "x:1",
                                "KAFKA_SECURITY_PROTOCOL",
                                "SASL_SSL"));
        WorkerConfig.read(r, "dummy-service", false);
        assertThatThrownBy(r::validate)
                .hasMessageContaining("missing KAFKA_SASL_USERNAME")
                .hasMessageContaining("missing KAFKA_SASL_PASSWORD_FILE");
    }

    @Test
    void workerRunnerExitsWithCode2OnBadConfigWithoutRunningTheWorker() {
        boolean[] ran = {false};
        int code =
                WorkerRunner.run(
                        "dummy-service",
                        Map.of(),
                        false,
                        (r, c) ->
                                ctx -> {
                                    ran[0] = true;
                                    return 0;
                                },
                        new StopSignal(),
                        () -> 0L);
        assertThat(code).isEqualTo(2);
        assertThat(ran[0]).isFalse();
    }
}
