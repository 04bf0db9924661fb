package io.streamforge.binance;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bridges {@link ClientListener} to Micrometer: {@code streamforge_loader_requests_total{endpoint,
 * status}}, {@code streamforge_binance_request_seconds{endpoint}}, {@code
 * streamforge_binance_rate_limited_total{code}}, {@code streamforge_binance_used_weight} (gauge of
 * the last {@code X-MBX-USED-WEIGHT-1M}), {@code streamforge_binance_budget_wait_seconds} and
 * {@code streamforge_binance_retries_total{endpoint}}.
 */
public final class MicrometerClientListener implements ClientListener {
    private final MeterRegistry registry;
    private final AtomicLong usedWeight = new AtomicLong();
    private final Timer budgetWait;

    public MicrometerClientListener(MeterRegistry registry) {
        this.registry = registry;
        registry.gauge("streamforge_binance_used_weight", usedWeight);
        this.budgetWait = registry.timer("streamforge_binance_budget_wait_seconds");
        // registered up front so alerts and dashboards see a zero, not an absent series
        Counter.builder("streamforge_binance_rate_limited_total")
                .tag("code", "429")
                .register(registry);
        Counter.builder("streamforge_binance_rate_limited_total")
                .tag("code", "418")
                .register(registry);
    }

    @Override
    public void onRequest(String endpoint, int status, long weightUsed, long latencyNs) {
        registry.counter(
                        "streamforge_loader_requests_total",
                        "endpoint",
                        endpoint,
                        "status",
                        Integer.toString(status))
                .increment();
        registry.timer("streamforge_binance_request_seconds", "endpoint", endpoint)
                .record(latencyNs, TimeUnit.NANOSECONDS);
        if (weightUsed >= 0) {
            usedWeight.set(weightUsed);
        }
    }

    @Override
    public void onRateLimited(int httpStatus, long retryAfterMs) {
        registry.counter(
                        "streamforge_binance_rate_limited_total",
                        "code",
                        Integer.toString(httpStatus))
                .increment();
    }

    @Override
    public void onBudgetWait(long waitMs) {
        budgetWait.record(waitMs, TimeUnit.MILLISECONDS);
    }

    @Override
    public void onRetry(String endpoint, int attempt, long backoffMs, RuntimeException cause) {
        registry.counter("streamforge_binance_retries_total", "endpoint", endpoint).increment();
    }
}
