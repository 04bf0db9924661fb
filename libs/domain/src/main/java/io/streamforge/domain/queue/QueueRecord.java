package io.streamforge.domain.queue;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A pipeline run. {@code specJson} keeps the request as received so it can be shown and replayed;
 * {@code kafkaTopic} is the data topic of the queue.
 */
public record QueueRecord(
        String queueId,
        String shortId,
        List<String> symbols,
        String type,
        String timeRange,
        String kafkaTopic,
        String collectionName,
        QueueStatus status,
        long createdAtUs,
        long updatedAtUs,
        String specJson,
        List<StepRecord> steps) {
    public QueueRecord {
        Objects.requireNonNull(queueId, "queue_id");
        symbols = List.copyOf(symbols);
        steps = List.copyOf(steps);
    }

    /**
     * What every {@code QueueStore} checks before it writes a new queue: each step has a status,
     * belongs to this queue and no telemetry id (the step's key within the queue) appears twice.
     * Throws {@link NullPointerException} ("step status") or {@link IllegalArgumentException}
     * naming the offending step, so every store fails alike — never as "queue … already exists".
     */
    public void requireValidSteps() {
        Set<String> telemetryIds = new HashSet<>();
        for (StepRecord s : steps) {
            Objects.requireNonNull(s.status(), "step status");
            if (!telemetryIds.add(s.telemetryId())) {
                throw new IllegalArgumentException(
                        "queue "
                                + queueId
                                + ": step telemetry id "
                                + s.telemetryId()
                                + " appears more than once");
            }
            if (!s.queueId().equals(queueId)) {
                throw new IllegalArgumentException(
                        "step "
                                + s.telemetryId()
                                + " belongs to queue "
                                + s.queueId()
                                + ", not to "
                                + queueId);
            }
        }
    }

    /** The same queue with other steps. */
    public QueueRecord withSteps(List<StepRecord> newSteps) {
        return new QueueRecord(
                queueId,
                shortId,
                symbols,
                type,
                timeRange,
                kafkaTopic,
                collectionName,
                status,
                createdAtUs,
                updatedAtUs,
                specJson,
                newSteps);
    }

    /** The same queue in another state, updated at {@code atUs}. */
    public QueueRecord withStatus(QueueStatus newStatus, long atUs) {
        return new QueueRecord(
                queueId,
                shortId,
                symbols,
                type,
                timeRange,
                kafkaTopic,
                collectionName,
                newStatus,
                createdAtUs,
                atUs,
                specJson,
                steps);
    }
}
