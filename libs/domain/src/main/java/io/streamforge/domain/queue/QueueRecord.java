package io.streamforge.domain.queue;

import java.util.List;
import java.util.Objects;

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
