package io.streamforge.domain.port;

import io.streamforge.domain.queue.QueueRecord;
import io.streamforge.domain.queue.QueueStatus;
import io.streamforge.domain.queue.StepStatus;
import java.util.List;
import java.util.Optional;

/** Persistence of pipelines (queues) and their steps. */
public interface QueueStore {
    /** Inserts a new queue with its steps; fails if the queue id exists. */
    void create(QueueRecord queue);

    Optional<QueueRecord> find(String queueId);

    /** All queues, newest first. */
    List<QueueRecord> list();

    /**
     * Sets a step's state. Terminal states ({@code finished|failed|interrupted}) are never left
     * again: a late {@code running} after {@code finished} is ignored. Returns whether it changed.
     */
    boolean updateStep(
            String queueId,
            String telemetryId,
            StepStatus status,
            long recordsWritten,
            String message,
            long atUs);

    /** Sets the queue's state with the same terminal-state rule as steps. */
    boolean updateQueue(String queueId, QueueStatus status, long atUs);
}
