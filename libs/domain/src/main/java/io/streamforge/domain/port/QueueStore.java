package io.streamforge.domain.port;

import io.streamforge.domain.queue.QueueRecord;
import io.streamforge.domain.queue.QueueStatus;
import io.streamforge.domain.queue.StepStatus;
import java.util.List;
import java.util.Optional;

/**
 * Persistence of pipelines (queues) and their steps — everything the orchestrator needs to go on
 * after a restart: step states, launch state per attempt, last telemetry applied, job specs.
 */
public interface QueueStore {
    /** Inserts a new queue with its steps; fails if the queue id exists. */
    void create(QueueRecord queue);

    Optional<QueueRecord> find(String queueId);

    /** All queues, newest first. */
    List<QueueRecord> list();

    /**
     * The queues with work left — the queue or one of its steps not terminal ({@code
     * pending|running}) — newest first: what the orchestrator's reconcile reads each tick, so its
     * cost does not grow with the history.
     */
    List<QueueRecord> listUnfinished();

    /**
     * Claims the launch of {@code attempt} of a step: sets its launch state to {@code launching}
     * and its attempt, only if the step is not terminal and its current attempt is lower. Returns
     * whether this caller won the claim — the only one that may call the launcher for that attempt.
     */
    boolean claimLaunch(String queueId, String telemetryId, int attempt, long atUs);

    /** Marks the claimed {@code attempt} as launched; false when the step is on another attempt. */
    boolean markLaunched(String queueId, String telemetryId, int attempt, long atUs);

    /**
     * Records that the job of a step's current attempt is being stopped (launch state {@code
     * stopping}); only for a non-terminal step that was claimed or launched.
     */
    boolean markStopping(String queueId, String telemetryId, long atUs);

    /**
     * Applies a telemetry event to a step: like {@link #updateStep}, and also ignored (false) when
     * an event with a later timestamp was already applied — replayed events change nothing.
     */
    boolean applyTelemetry(
            String queueId,
            String telemetryId,
            StepStatus status,
            long recordsWritten,
            String message,
            long eventUs,
            long atUs);

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

    /**
     * Reopens an ended queue for a resume, atomically: only when the queue is {@code interrupted}
     * or {@code failed} and none of its steps is {@code pending|running}, the queue goes back to
     * {@code running} and every step that did not finish to {@code pending} with launch state
     * {@code none}, no records and no message; its {@code attempt} stays, so the next {@link
     * #claimLaunch} (attempt + 1) starts a new attempt under a new job name. Finished steps keep
     * their state. Returns whether it reopened the queue.
     */
    boolean resetForResume(String queueId, long atUs);
}
