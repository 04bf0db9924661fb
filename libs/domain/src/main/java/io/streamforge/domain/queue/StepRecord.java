package io.streamforge.domain.queue;

import java.util.List;
import java.util.Objects;

/** One step (worker) of a queue, as persisted. */
public record StepRecord(
        String queueId,
        String target,
        String type,
        String telemetryId,
        String jobName,
        List<String> dependsOn,
        StepStatus status,
        long recordsWritten,
        String message,
        long updatedAtUs) {
    public StepRecord {
        Objects.requireNonNull(queueId, "queue_id");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(telemetryId, "telemetry_id");
        dependsOn = List.copyOf(dependsOn);
        message = message == null ? "" : message;
    }
}
