package io.streamforge.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsAndShapesTest {
    @Test
    void saslSslUsesScramAndPemTruststoreAndNeverPrintsThePassword() {
        var s =
                new KafkaSettings(
                        "k3-kafka-bootstrap.kafka:9093",
                        "sasl_ssl",
                        "loader",
                        "s3cr\"et",
                        "/ca/ca.crt");
        Map<String, Object> p = s.clientProperties();
        assertThat(p)
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512");
        assertThat(p)
                .containsEntry("ssl.truststore.type", "PEM")
                .containsEntry("ssl.truststore.location", "/ca/ca.crt");
        assertThat((String) p.get("sasl.jaas.config"))
                .contains("username=\"loader\"")
                .contains("password=\"s3cr\\\"et\"");
        assertThat(s.toString()).doesNotContain("s3cr").contains("***");
    }

    @Test
    void plaintextHasNoSaslSettings() {
        assertThat(KafkaSettings.plaintext("localhost:9092").clientProperties())
                .containsEntry("security.protocol", "PLAINTEXT")
                .doesNotContainKey("sasl.jaas.config");
    }

    @Test
    void badSecuritySettingsAreRejected() {
        assertThatThrownBy(() -> new KafkaSettings("x:1", "SSL", null, null, null))
                .hasMessageContaining("KAFKA_SECURITY_PROTOCOL");
        assertThatThrownBy(() -> new KafkaSettings("x:1", "SASL_SSL", "u", null, null))
                .hasMessageContaining("KAFKA_SASL_PASSWORD_FILE");
    }

    @Test
    void topicNames() {
        assertThat(Topics.data("loader-btcusdt-candles-2024-01-01-abc123"))
                .isEqualTo("loader-btcusdt-candles-2024-01-01-abc123");
        assertThat(Topics.dlq("q1")).isEqualTo("q1.dlq");
        assertThatThrownBy(() -> Topics.data("bad topic"))
                .hasMessageContaining("illegal Kafka topic name");
    }

    @Test
    void controlCommandShapeAndAddressing() {
        var cmd = ControlCommand.of("stop", "q1", null, 5);
        String json = new String(TelemetryCodec.encode(cmd), StandardCharsets.UTF_8);
        assertThat(json)
                .isEqualTo("{\"v\":1,\"command\":\"stop\",\"queue_id\":\"q1\",\"sent_at_us\":5}");
        assertThat(TelemetryCodec.decodeCommand(json.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(cmd);
        assertThat(cmd.addresses("q1", "loader-api-candles")).isTrue();
        assertThat(cmd.addresses("q2", "loader-api-candles")).isFalse();
        assertThat(
                        ControlCommand.of("ping", "*", "arango-connector", 1)
                                .addresses("q9", "arango-connector"))
                .isTrue();
        assertThat(
                        ControlCommand.of("ping", "*", "arango-connector", 1)
                                .addresses("q9", "dummy-service"))
                .isFalse();
        assertThatThrownBy(
                        () ->
                                TelemetryCodec.decodeCommand(
                                        "{\"v\":1,\"command\":\"explode\",\"queue_id\":\"q\"}"
                                                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("start|stop|ping");
    }

    @Test
    void telemetryShapeHasExactlyTheContractFields() throws Exception {
        var e =
                new TelemetryEvent(
                        1,
                        "q1",
                        "loader-api-candles__abc123",
                        "loader-api-candles",
                        "BTCUSDT",
                        "candles",
                        "finished",
                        "done",
                        42,
                        true,
                        99,
                        null,
                        null);
        var node = Json.MAPPER.readTree(TelemetryCodec.encode(e));
        assertThat(node.fieldNames())
                .toIterable()
                .containsExactly(
                        "v",
                        "queue_id",
                        "telemetry_id",
                        "target",
                        "symbol",
                        "type",
                        "status",
                        "message",
                        "records_written",
                        "finished",
                        "timestamp_us");
        assertThat(TelemetryCodec.decodeEvent(TelemetryCodec.encode(e))).isEqualTo(e);
        assertThat(e.terminal()).isTrue();
        assertThatThrownBy(
                        () ->
                                new TelemetryEvent(
                                        1, "q", "t", "x", null, null, "done", null, 0, false, 0,
                                        null, null))
                .hasMessageContaining("status");
    }
}
