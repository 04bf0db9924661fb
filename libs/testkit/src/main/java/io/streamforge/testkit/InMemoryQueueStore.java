package io.streamforge.testkit;

import io.streamforge.domain.PermanentException;
import io.streamforge.domain.port.QueueStore;
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
        for (StepRecord s : queue.steps()) {
            if (!s.queueId().equals(queue.queueId())) {
                throw new IllegalArgumentException(
                        "step "
                                + s.telemetryId()
                                + " belongs to queue "
                                + s.queueId()
                                + ", not to "
                                + queue.queueId());
            }
        }
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
    public synchronized boolean updateStep(
            String queueId,
            String telemetryId,
            StepStatus status,
            long recordsWritten,
            String message,
            long atUs) {
        Objects.requireNonNull(status, "status");
        QueueRecord q = queues.get(queueId);
        if (q == null) {
            return false;
        }
        List<StepRecord> steps = new ArrayList<>(q.steps());
        for (int i = 0; i < steps.size(); i++) {
            StepRecord s = steps.get(i);
            if (s.telemetryId().equals(telemetryId)) {
                if (s.status().terminal()) {
                    return false;
                }
                steps.set(
                        i,
                        new StepRecord(
                                s.queueId(),
                                s.target(),
                                s.type(),
                                s.telemetryId(),
                                s.jobName(),
                                s.dependsOn(),
                                status,
                                recordsWritten,
                                message,
                                atUs));
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
}
