package io.streamforge.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamforge.domain.port.TimeSource;
import io.streamforge.runtime.ConfigException;
import io.streamforge.runtime.ConfigReader;
import io.streamforge.runtime.StopSignal;
import io.streamforge.runtime.WorkerConfig;
import io.streamforge.runtime.WorkerRunner;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The connector's configuration: defaults, the batch and failover settings, bad values. */
class ConnectorSettingsTest {
    static Map<String, String> env(String... kv) {
        Map<String, String> env = new HashMap<>();
        env.put("QUEUE_ID", "q-conn");
        env.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1");
        env.put("EXPECTED_PRODUCERS", "loader-api-candles__abc");
        env.put("POSTGRES_JDBC_URL", "jdbc:postgresql://localhost:5432/sf");
        for (int i = 0; i < kv.length; i += 2) {
            env.put(kv[i], kv[i + 1]);
        }
        return env;
    }

    static ConnectorSettings read(Map<String, String> env) {
        ConfigReader r = new ConfigReader(env);
        WorkerConfig common = WorkerConfig.read(r, ConnectorWorker.SERVICE, false);
        ConnectorSettings s = ConnectorSettings.read(r, common);
        r.validate();
        return s;
    }

    @Test
    void defaultsKeepKafkasSessionTimeoutAndBatchesOf5000() {
        ConnectorSettings s = read(env());
        assertThat(s.topic()).isEqualTo("q-conn");
        assertThat(s.maxPollRecords()).isEqualTo(5_000);
        assertThat(s.sessionTimeoutMs()).isEqualTo(45_000);
        assertThat(read(env("MAX_POLL_RECORDS", "500", "KAFKA_SESSION_TIMEOUT_MS", "6000")))
                .satisfies(
                        t -> {
                            assertThat(t.maxPollRecords()).isEqualTo(500);
                            assertThat(t.sessionTimeoutMs()).isEqualTo(6_000);
                        });
    }

    @Test
    void badBatchAndTimeoutValuesAreNamedTogether() {
        assertThatThrownBy(
                        () ->
                                read(
                                        env(
                                                "MAX_POLL_RECORDS", "0",
                                                "KAFKA_SESSION_TIMEOUT_MS", "1000")))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e ->
                                assertThat(String.join("\n", e.problems()))
                                        .contains("MAX_POLL_RECORDS")
                                        .contains("KAFKA_SESSION_TIMEOUT_MS"));
        assertThatThrownBy(() -> read(env("MAX_POLL_RECORDS", "lots")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("MAX_POLL_RECORDS");
    }

    @Test
    void everyMissingVariableIsNamedInOneErrorAndTheRunnerExitsWith2() {
        Map<String, String> none = new HashMap<>(Map.of("TOPIC_PARTITIONS", "0"));
        assertThatThrownBy(() -> read(none))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e ->
                                assertThat(String.join("\n", e.problems()))
                                        .contains("QUEUE_ID")
                                        .contains("KAFKA_BOOTSTRAP_SERVERS")
                                        .contains("EXPECTED_PRODUCERS")
                                        .contains("POSTGRES_JDBC_URL")
                                        .contains("TOPIC_PARTITIONS"));
        assertThat(
                        WorkerRunner.run(
                                ConnectorWorker.SERVICE,
                                none,
                                false,
                                ConnectorWorker::create,
                                new StopSignal(),
                                TimeSource.system()))
                .isEqualTo(ConfigException.EXIT_CODE)
                .isEqualTo(2);
    }

    @Test
    void theArangoSinkNeedsItsUrlNotAJdbcUrl() {
        Map<String, String> arango = env("DB_KIND", "arango");
        arango.remove("POSTGRES_JDBC_URL");
        assertThatThrownBy(() -> read(arango))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("ARANGO_URL")
                .hasMessageNotContaining("POSTGRES_JDBC_URL");
        ConnectorSettings s = read(env("DB_KIND", "arango", "ARANGO_URL", "http://arango:8529"));
        assertThat(s.sink().arango()).isTrue();
        assertThat(s.sink().arangoUrl()).isEqualTo("http://arango:8529");
    }

    @Test
    void expectedProducersAreTrimmedAndAnEmptyListIsRefused() {
        assertThat(read(env("EXPECTED_PRODUCERS", " a , b,,c ")).expectedProducers())
                .containsExactlyInAnyOrder("a", "b", "c");
        assertThatThrownBy(() -> read(env("EXPECTED_PRODUCERS", " , ")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("invalid EXPECTED_PRODUCERS");
    }
}
