package io.streamforge.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The worker's health and metrics endpoints, over real HTTP on a free loopback port. */
class HealthServerTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> get(HealthServer s, String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void livenessIsUpWhileReadinessFollowsTheWorker() throws Exception {
        AtomicBoolean ready = new AtomicBoolean(false);
        try (HealthServer s =
                new HealthServer(
                        0, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), ready::get)) {
            assertThat(s.port()).isPositive();
            HttpResponse<String> live = get(s, "/health/live");
            assertThat(live.statusCode()).isEqualTo(200);
            assertThat(live.body()).contains("\"status\":\"UP\"");
            assertThat(get(s, "/health/startup").statusCode()).isEqualTo(200);
            HttpResponse<String> notReady = get(s, "/health/ready");
            assertThat(notReady.statusCode()).isEqualTo(503);
            assertThat(notReady.body()).contains("\"status\":\"DOWN\"");
            ready.set(true);
            assertThat(get(s, "/health/ready").statusCode()).isEqualTo(200);
            assertThat(get(s, "/nope").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void metricsArePrometheusTextOfTheRegistry() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.counter("streamforge_records_written", "kind", "candle").increment(42);
        try (HealthServer s = new HealthServer(0, registry, () -> true)) {
            HttpResponse<String> m = get(s, "/metrics");
            assertThat(m.statusCode()).isEqualTo(200);
            assertThat(m.headers().firstValue("content-type"))
                    .get()
                    .asString()
                    .startsWith("text/plain");
            assertThat(m.body())
                    .contains("streamforge_records_written_total{kind=\"candle\"} 42.0");
        }
    }
}
