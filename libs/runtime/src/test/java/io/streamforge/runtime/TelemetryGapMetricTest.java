package io.streamforge.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.streamforge.domain.port.TimeSource;
import java.net.ServerSocket;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * {@code streamforge_coverage_gaps_total} carries the {@code symbol} label the alert and the
 * dashboard group by. The producer is a real {@link KafkaProducer} towards a closed port with a 1
 * ms metadata wait: the counters are the subject, the undelivered telemetry is only logged.
 */
class TelemetryGapMetricTest {
    @Test
    void gapsAreCountedPerSymbolAndEveryConfiguredSymbolStartsAtZero() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        ConfigReader r =
                new ConfigReader(
                        Map.of(
                                "QUEUE_ID", "q-gaps",
                                "SYMBOLS", "BTCUSDT,ETHUSDT",
                                "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + closedPort));
        WorkerConfig config = WorkerConfig.read(r, "loader-api-trades", true);
        r.validate();
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(
                        Map.of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                "127.0.0.1:" + closedPort,
                                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                                1),
                        new StringSerializer(),
                        new ByteArraySerializer())) {
            Telemetry telemetry = new Telemetry(producer, config, TimeSource.system(), registry);
            assertThat(registry.scrape())
                    .contains("streamforge_coverage_gaps_total{symbol=\"BTCUSDT\"} 0.0")
                    .contains("streamforge_coverage_gaps_total{symbol=\"ETHUSDT\"} 0.0");
            telemetry.send(
                    "gap", "ETHUSDT aggTrades missing", 0, null, Map.of("symbol", "ETHUSDT"));
            telemetry.send("gap", "ETHUSDT again", 0, null, Map.of("symbol", "ETHUSDT"));
            assertThat(registry.scrape())
                    .contains("streamforge_coverage_gaps_total{symbol=\"BTCUSDT\"} 0.0")
                    .contains("streamforge_coverage_gaps_total{symbol=\"ETHUSDT\"} 2.0");
        }
    }
}
