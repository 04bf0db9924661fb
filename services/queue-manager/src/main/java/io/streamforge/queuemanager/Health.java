package io.streamforge.queuemanager;

import io.streamforge.kafka.KafkaClients;
import io.streamforge.kafka.KafkaSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Readiness and liveness of the queue-manager. Ready = Kafka answered a cluster probe within {@code
 * staleMs}, the last reconcile (which reads the store) succeeded within {@code staleMs}, and the
 * telemetry loop completed a pass within {@code stallMs}. Live = the telemetry loop thread exists
 * (only a JVM error can end it; then only a restart helps).
 */
public final class Health implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Health.class);

    private final long staleMs;
    private final long stallMs;
    private final LongSupplier clockMs;
    private volatile long kafkaOkMs;
    private volatile long dbOkMs;
    private volatile long progressMs;
    private volatile BooleanSupplier loopAlive = () -> true;
    private ScheduledExecutorService prober;
    private Admin admin;

    public Health(long staleMs, long stallMs, LongSupplier clockMs) {
        this.staleMs = staleMs;
        this.stallMs = stallMs;
        this.clockMs = clockMs;
        long now = clockMs.getAsLong();
        this.progressMs = now;
    }

    /** Probes the Kafka cluster every {@code periodMs} (describeCluster, bounded wait). */
    public Health probeKafka(KafkaSettings kafka, long periodMs) {
        admin = KafkaClients.admin(kafka);
        prober =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "health-kafka-probe");
                            t.setDaemon(true);
                            return t;
                        });
        prober.scheduleWithFixedDelay(this::probe, 0, periodMs, TimeUnit.MILLISECONDS);
        return this;
    }

    private void probe() {
        try {
            admin.describeCluster().nodes().get(Math.max(500, staleMs / 2), TimeUnit.MILLISECONDS);
            kafkaOk();
        } catch (Exception e) {
            LOG.debug("Kafka probe failed: {}", e.toString());
        }
    }

    /** The liveness source: the telemetry loop thread. */
    public void watchLoop(BooleanSupplier alive) {
        this.loopAlive = alive;
    }

    public void kafkaOk() {
        kafkaOkMs = clockMs.getAsLong();
    }

    /** A reconcile pass ended; {@code ok} = it could read the store. */
    public void reconciled(boolean ok) {
        if (ok) {
            dbOkMs = clockMs.getAsLong();
        } else {
            dbOkMs = 0;
        }
    }

    /** The telemetry loop completed a pass. */
    public void progressed() {
        progressMs = clockMs.getAsLong();
    }

    /** The last Kafka cluster probe succeeded within {@code staleMs}. */
    public boolean kafkaUp() {
        return clockMs.getAsLong() - kafkaOkMs <= staleMs;
    }

    public boolean ready() {
        long now = clockMs.getAsLong();
        return now - kafkaOkMs <= staleMs && now - dbOkMs <= staleMs && now - progressMs <= stallMs;
    }

    public boolean live() {
        return loopAlive.getAsBoolean();
    }

    /** Per-check view for the health endpoints. */
    public Map<String, Object> details() {
        long now = clockMs.getAsLong();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", ready() ? "UP" : "DOWN");
        m.put("kafka", now - kafkaOkMs <= staleMs ? "UP" : "DOWN");
        m.put("database", now - dbOkMs <= staleMs ? "UP" : "DOWN");
        m.put("telemetry_loop", now - progressMs <= stallMs ? "UP" : "DOWN");
        m.put("last_loop_pass_ms_ago", now - progressMs);
        return m;
    }

    @Override
    public void close() {
        if (prober != null) {
            prober.shutdownNow();
        }
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(2));
        }
    }
}
