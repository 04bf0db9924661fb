package io.streamforge.queuemanager;

import io.streamforge.domain.queue.QueueRecord;
import io.streamforge.domain.queue.QueueStatus;
import io.streamforge.domain.queue.StepRecord;
import io.streamforge.domain.queue.StepStatus;
import io.streamforge.kafka.TelemetryEvent;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The pure rules {@link Orchestrator} applies to queue records and telemetry events. */
final class QueueRules {
    private QueueRules() {}

    /** The step status a telemetry status means; null for progress-only statuses. */
    static StepStatus stepStatus(String telemetry) {
        return switch (telemetry) {
            case "started", "loading" -> StepStatus.RUNNING;
            case "finished" -> StepStatus.FINISHED;
            case "error" -> StepStatus.FAILED;
            case "interrupted" -> StepStatus.INTERRUPTED;
            default -> null;
        };
    }

    /**
     * An event of an earlier attempt than its step's (a late report of a job stopped before a
     * resume) must not change the new attempt; events without an attempt are applied as before.
     */
    static boolean ofEarlierAttempt(Optional<QueueRecord> queue, TelemetryEvent e) {
        if (e.extra() == null || !(e.extra().get("attempt") instanceof Number n)) {
            return false;
        }
        return queue.stream()
                .flatMap(q -> q.steps().stream())
                .anyMatch(
                        s -> s.telemetryId().equals(e.telemetryId()) && s.attempt() > n.intValue());
    }

    /** Whether every step {@code step} depends on has finished. */
    static boolean depsFinished(QueueRecord q, StepRecord step) {
        Set<String> deps = new HashSet<>(step.dependsOn());
        return q.steps().stream()
                .filter(s -> deps.contains(s.target()))
                .allMatch(s -> s.status() == StepStatus.FINISHED);
    }

    /** The end of a queue whose steps all ended: failed > interrupted > finished. */
    static QueueStatus endStatus(List<StepRecord> steps) {
        if (steps.stream().anyMatch(s -> s.status() == StepStatus.FAILED)) {
            return QueueStatus.FAILED;
        }
        return steps.stream().anyMatch(s -> s.status() == StepStatus.INTERRUPTED)
                ? QueueStatus.INTERRUPTED
                : QueueStatus.FINISHED;
    }
}
