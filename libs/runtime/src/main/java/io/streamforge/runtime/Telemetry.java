package io.streamforge.runtime;

import io.micrometer.core.instrument.MeterRegistry;
import io.streamforge.domain.port.TimeSource;
import io.streamforge.kafka.TelemetryCodec;
import io.streamforge.kafka.TelemetryEvent;
import io.streamforge.kafka.Topics;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends this worker's telemetry to {@code queue-events}, keyed by queue id; {@code started}, {@code
 * finished}, {@code interrupted} and {@code error} carry {@code extra.attempt} (ATTEMPT).
 */
public final class Telemetry {
    private static final Logger LOG = LoggerFactory.getLogger(Telemetry.class);

    /** The events that carry {@code extra.attempt}. */
    static final Set<String> LIFECYCLE = Set.of("started", "finished", "interrupted", "error");

    private final Producer<String, byte[]> producer;
    private final WorkerConfig config;
    private final TimeSource time;
    private final MeterRegistry registry;
    private volatile Map<String, Object> finishExtra;

    public Telemetry(
            Producer<String, byte[]> producer,
            WorkerConfig config,
            TimeSource time,
            MeterRegistry registry) {
        this.producer = producer;
        this.config = config;
        this.time = time;
        this.registry = registry;
        for (var symbol : config.symbols()) { // exported as zero per symbol until the first gap
            gapCounter(symbol.value());
        }
    }

    /** {@code streamforge_coverage_gaps_total{symbol}}: the alert and dashboard group by symbol. */
    private io.micrometer.core.instrument.Counter gapCounter(String symbol) {
        return registry.counter("streamforge_coverage_gaps_total", "symbol", symbol);
    }

    /**
     * Details (metrics, URIs) to attach as {@code extra} to the worker's final {@code finished}
     * event.
     */
    public void setFinishExtra(Map<String, Object> extra) {
        this.finishExtra = extra == null ? null : Map.copyOf(extra);
    }

    Map<String, Object> finishExtra() {
        return finishExtra;
    }

    public void send(String status, String message, long recordsWritten) {
        send(status, message, recordsWritten, null, null);
    }

    /** Sends an event and waits (bounded) for the broker's acknowledgement. */
    public void send(
            String status,
            String message,
            long recordsWritten,
            String error,
            Map<String, Object> extra) {
        String symbol = config.symbols().size() == 1 ? config.symbols().get(0).value() : null;
        if (LIFECYCLE.contains(status)) { // which attempt of the step started or ended
            Map<String, Object> withAttempt = new LinkedHashMap<>(extra == null ? Map.of() : extra);
            withAttempt.put("attempt", config.attempt());
            extra = withAttempt;
        }
        var event =
                new TelemetryEvent(
                        1,
                        config.queueId(),
                        config.telemetryId(),
                        config.service(),
                        symbol,
                        config.type(),
                        status,
                        message,
                        recordsWritten,
                        status.equals("finished"),
                        time.nowUs(),
                        error,
                        extra);
        registry.counter("streamforge_telemetry_events_total", "status", status).increment();
        if (status.equals("gap")) {
            Object gapSymbol = extra == null ? null : extra.get("symbol");
            gapCounter(gapSymbol != null ? gapSymbol.toString() : symbol == null ? "" : symbol)
                    .increment();
        }
        try {
            producer.send(
                            new ProducerRecord<>(
                                    Topics.EVENTS, config.queueId(), TelemetryCodec.encode(event)))
                    .get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("interrupted while sending telemetry {}", status);
        } catch (ExecutionException | TimeoutException e) {
            LOG.error("telemetry {} not delivered: {}", status, e.toString());
        }
    }
}
