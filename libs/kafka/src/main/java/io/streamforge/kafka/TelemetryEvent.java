package io.streamforge.kafka;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The one telemetry shape on {@code queue-events}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TelemetryEvent(
        int v,
        String queueId,
        String telemetryId,
        String target,
        String symbol,
        String type,
        String status,
        String message,
        long recordsWritten,
        boolean finished,
        long timestampUs,
        String errorMessage,
        Map<String, Object> extra) {

    public static final Set<String> STATUSES =
            Set.of("started", "loading", "finished", "error", "interrupted", "pong", "gap");

    public TelemetryEvent {
        Objects.requireNonNull(queueId, "queue_id");
        Objects.requireNonNull(telemetryId, "telemetry_id");
        Objects.requireNonNull(status, "status");
        if (!STATUSES.contains(status)) {
            throw new IllegalArgumentException("status: not in " + STATUSES + ": " + status);
        }
        message = message == null ? "" : message;
    }

    /** Whether this status ends the worker. */
    public boolean terminal() {
        return status.equals("finished") || status.equals("error") || status.equals("interrupted");
    }
}
