package io.streamforge.testkit;

import io.streamforge.domain.PermanentException;
import io.streamforge.domain.port.QueueStore;
import io.streamforge.domain.queue.LaunchState;
import io.streamforge.domain.queue.QueueRecord;
import io.streamforge.domain.queue.QueueStatus;
import io.streamforge.domain.queue.StepRecord;
import io.streamforge.domain.queue.StepStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A thread-safe {@link QueueStore} in memory that passes {@link QueueStoreContract}: terminal
 * states ({@code finished|failed|interrupted}) are never left.
 */
public final class InMemoryQueueStore implements QueueStore {
    private static final Comparator<QueueRecord> NEWEST_FIRST =
            Comparator.comparingLong(QueueRecord::createdAtUs)
                    .thenComparing(QueueRecord::queueId)
                    .reversed();

    private final Map<String, QueueRecord> queues = new HashMap<>();

    @Override
    public synchronized void create(QueueRecord queue) {
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(queue.status(), "status");
        queue.requireValidSteps();
        if (queues.containsKey(queue.queueId())) {
            throw new PermanentException("queue " + queue.queueId() + " already exists");
        }
        queues.put(queue.queueId(), queue);
    }

    @Override
    public synchronized Optional<QueueRecord> find(String queueId) {
        return Optional.ofNullable(queues.get(queueId));
    }

    @Override
    public synchronized List<QueueRecord> list() {
        return queues.values().stream().sorted(NEWEST_FIRST).toList();
    }

    @Override
    public synchronized List<QueueRecord> listUnfinished() {
        return queues.values().stream()
                .filter(
                        q ->
                                !q.status().terminal()
                                        || q.steps().stream().anyMatch(s -> !s.status().terminal()))
                .sorted(NEWEST_FIRST)
                .toList();
    }

    @Override
    public synchronized boolean updateStep(
            String queueId,
            String telemetryId,
            StepStatus status,
            long recordsWritten,
            String message,
            long atUs) {
        Objects.requireNonNull(status, "status");
        return change(
                queueId,
                telemetryId,
                s -> !s.status().terminal(),
                s -> s.withState(status, recordsWritten, message, s.lastEventUs(), atUs));
    }

    @Override
    public synchronized boolean applyTelemetry(
            String queueId,
            String telemetryId,
            StepStatus status,
            long recordsWritten,
            String message,
            long eventUs,
            long atUs) {
        Objects.requireNonNull(status, "status");
        return change(
                queueId,
                telemetryId,
                s -> !s.status().terminal() && s.lastEventUs() <= eventUs,
                s -> s.withState(status, recordsWritten, message, eventUs, atUs));
    }

    @Override
    public synchronized boolean claimLaunch(
            String queueId, String telemetryId, int attempt, long atUs) {
        return change(
                queueId,
                telemetryId,
                s -> !s.status().terminal() && s.attempt() < attempt,
                s -> s.withLaunch(attempt, LaunchState.LAUNCHING, atUs));
    }

    @Override
    public synchronized boolean markLaunched(
            String queueId, String telemetryId, int attempt, long atUs) {
        return change(
                queueId,
                telemetryId,
                s -> s.attempt() == attempt && s.launch() == LaunchState.LAUNCHING,
                s -> s.withLaunch(attempt, LaunchState.LAUNCHED, atUs));
    }

    @Override
    public synchronized boolean markStopping(String queueId, String telemetryId, long atUs) {
        return change(
                queueId,
                telemetryId,
                s ->
                        !s.status().terminal()
                                && (s.launch() == LaunchState.LAUNCHING
                                        || s.launch() == LaunchState.LAUNCHED),
                s -> s.withLaunch(s.attempt(), LaunchState.STOPPING, atUs));
    }

    private boolean change(
            String queueId,
            String telemetryId,
            Predicate<StepRecord> when,
            UnaryOperator<StepRecord> how) {
        QueueRecord q = queues.get(queueId);
        if (q == null) {
            return false;
        }
        List<StepRecord> steps = new ArrayList<>(q.steps());
        for (int i = 0; i < steps.size(); i++) {
            StepRecord s = steps.get(i);
            if (s.telemetryId().equals(telemetryId)) {
                if (!when.test(s)) {
                    return false;
                }
                steps.set(i, how.apply(s));
                queues.put(queueId, q.withSteps(steps));
                return true;
            }
        }
        return false;
    }

    @Override
    public synchronized boolean updateQueue(String queueId, QueueStatus status, long atUs) {
        Objects.requireNonNull(status, "status");
        QueueRecord q = queues.get(queueId);
        if (q == null || q.status().terminal()) {
            return false;
        }
        queues.put(queueId, q.withStatus(status, atUs));
        return true;
    }

    @Override
    public synchronized boolean resetForResume(String queueId, long atUs) {
        QueueRecord q = queues.get(queueId);
        if (q == null
                || (q.status() != QueueStatus.INTERRUPTED && q.status() != QueueStatus.FAILED)
                || q.steps().stream().anyMatch(s -> !s.status().terminal())) {
            return false;
        }
        List<StepRecord> steps = new ArrayList<>();
        for (StepRecord s : q.steps()) {
            steps.add(
                    s.status() == StepStatus.FINISHED
                            ? s
                            : s.withState(StepStatus.PENDING, 0, "", s.lastEventUs(), atUs)
                                    .withLaunch(s.attempt(), LaunchState.NONE, atUs));
        }
        queues.put(queueId, q.withSteps(steps).withStatus(QueueStatus.RUNNING, atUs));
        return true;
    }
}
