package io.streamforge.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class MicrometerClientListenerTest {
    @Test
    void requestsRateLimitsAndWeightBecomeMetrics() {
        var registry = new SimpleMeterRegistry();
        var l = new MicrometerClientListener(registry);
        assertThat(
                        registry.get("streamforge_binance_rate_limited_total")
                                .tag("code", "418")
                                .counter()
                                .count())
                .isZero();
        l.onRequest("/api/v3/klines", 200, 42, 1_000_000);
        l.onRequest("/api/v3/klines", 200, -1, 1_000_000);
        l.onRequest("/api/v3/klines", 429, 6001, 1_000_000);
        l.onRateLimited(429, 30_000);
        l.onRetry("/api/v3/klines", 1, 500, new RuntimeException("x"));
        assertThat(
                        registry.get("streamforge_loader_requests_total")
                                .tag("status", "200")
                                .counter()
                                .count())
                .isEqualTo(2);
        assertThat(
                        registry.get("streamforge_binance_rate_limited_total")
                                .tag("code", "429")
                                .counter()
                                .count())
                .isEqualTo(1);
        assertThat(registry.get("streamforge_binance_used_weight").gauge().value()).isEqualTo(6001);
        assertThat(registry.get("streamforge_binance_retries_total").counter().count())
                .isEqualTo(1);
        assertThat(registry.get("streamforge_binance_request_seconds").timer().count())
                .isEqualTo(3);
    }
}
