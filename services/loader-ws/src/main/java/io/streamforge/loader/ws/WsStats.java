package io.streamforge.loader.ws;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Counters of one run: Micrometer meters plus plain totals for telemetry. */
final class WsStats {
    private final MeterRegistry registry;
    private final Counter messagesMeter;
    private final Counter backfilledMeter;
    final Timer eventLag;
    final AtomicLong messages = new AtomicLong();
    final AtomicLong records = new AtomicLong();
    final AtomicLong backfilled = new AtomicLong();
    final AtomicLong depthMessages = new AtomicLong();
    final AtomicLong reconnects = new AtomicLong();
    final AtomicLong rotations = new AtomicLong();
    final AtomicLong gaps = new AtomicLong();
    final AtomicLong resyncs = new AtomicLong();

    WsStats(MeterRegistry registry) {
        this.registry = registry;
        this.messagesMeter = registry.counter("streamforge_ws_messages_total");
        this.backfilledMeter = registry.counter("streamforge_ws_backfilled_total");
        this.eventLag =
                Timer.builder("streamforge_ws_event_lag_seconds")
                        .description("exchange event time to Kafka acknowledgement")
                        .publishPercentiles(0.5, 0.99)
                        .register(registry);
    }

    void message() {
        messages.incrementAndGet();
        messagesMeter.increment();
    }

    void record(boolean wasBackfilled) {
        records.incrementAndGet();
        if (wasBackfilled) {
            backfilled.incrementAndGet();
            backfilledMeter.increment();
        }
    }

    /** A reconnect (unplanned drop) or rotation, by reason category. */
    void reconnect(String reason, boolean planned) {
        (planned ? rotations : reconnects).incrementAndGet();
        registry.counter("streamforge_ws_reconnects_total", "reason", category(reason)).increment();
    }

    /** Bounded label values for free-text reasons. */
    static String category(String reason) {
        String r = reason == null ? "" : reason.toLowerCase(java.util.Locale.ROOT);
        if (r.contains("servershutdown")) return "server_shutdown";
        if (r.startsWith("lifetime")) return "lifetime";
        if (r.contains("idle")) return "idle_timeout";
        if (r.contains("connect") || r.contains("subscribe")) return "connect_failed";
        if (r.contains("rejected")) return "rejected";
        return "dropped";
    }

    Map<String, Object> summary() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("messages", messages.get());
        m.put("records", records.get());
        m.put("backfilled", backfilled.get());
        m.put("depth_messages", depthMessages.get());
        m.put("reconnects", reconnects.get());
        m.put("rotations", rotations.get());
        m.put("gaps", gaps.get());
        m.put("depth_resyncs", resyncs.get());
        return m;
    }
}
