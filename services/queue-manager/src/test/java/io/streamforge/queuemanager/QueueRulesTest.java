package io.streamforge.queuemanager;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamforge.domain.queue.LaunchState;
import io.streamforge.domain.queue.QueueRecord;
import io.streamforge.domain.queue.QueueStatus;
import io.streamforge.domain.queue.StepRecord;
import io.streamforge.domain.queue.StepStatus;
import io.streamforge.kafka.TelemetryEvent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The orchestrator's pure rules, case by case. */
class QueueRulesTest {

    static StepRecord step(String target, StepStatus status, int attempt, String... deps) {
        return new StepRecord(
                "q1",
                target,
                "candles",
                target + "__q1",
                "q1-" + target,
                List.of(deps),
                status,
                0,
                "",
                0,
                attempt,
                attempt == 0 ? LaunchState.NONE : LaunchState.LAUNCHED,
                0,
                "",
                Map.of());
    }

    static QueueRecord queue(StepRecord... steps) {
        return new QueueRecord(
                "q1",
                "q1",
                List.of("BTCUSDT"),
                "candles",
                "2024-01-01:2024-01-02",
                "q1",
                "q1",
                QueueStatus.RUNNING,
                0,
                0,
                "{}",
                List.of(steps));
    }

    static TelemetryEvent event(String telemetryId, Map<String, Object> extra) {
        return new TelemetryEvent(
                1,
                "q1",
                telemetryId,
                "loader-api-candles",
                null,
                "candles",
                "finished",
                "",
                5,
                true,
                1,
                null,
                extra);
    }

    @Test
    void telemetryStatusesMapToStepStatusesAndProgressToNothing() {
        assertThat(QueueRules.stepStatus("started")).isEqualTo(StepStatus.RUNNING);
        assertThat(QueueRules.stepStatus("loading")).isEqualTo(StepStatus.RUNNING);
        assertThat(QueueRules.stepStatus("finished")).isEqualTo(StepStatus.FINISHED);
        assertThat(QueueRules.stepStatus("error")).isEqualTo(StepStatus.FAILED);
        assertThat(QueueRules.stepStatus("interrupted")).isEqualTo(StepStatus.INTERRUPTED);
        assertThat(QueueRules.stepStatus("progress")).isNull();
        assertThat(QueueRules.stepStatus("pong")).isNull();
        assertThat(QueueRules.stepStatus("FINISHED")).as("wire statuses are lower case").isNull();
    }

    @Test
    void aQueueEndsFailedBeforeInterruptedBeforeFinished() {
        var done = step("a", StepStatus.FINISHED, 1);
        var stopped = step("b", StepStatus.INTERRUPTED, 1);
        var failed = step("c", StepStatus.FAILED, 1);
        assertThat(QueueRules.endStatus(List.of(done, done))).isEqualTo(QueueStatus.FINISHED);
        assertThat(QueueRules.endStatus(List.of(done, stopped))).isEqualTo(QueueStatus.INTERRUPTED);
        assertThat(QueueRules.endStatus(List.of(stopped, failed, done)))
                .isEqualTo(QueueStatus.FAILED);
    }

    @Test
    void aStepIsReadyOnlyWhenEveryDependencyFinished() {
        var loader = step("loader-api-candles", StepStatus.FINISHED, 1);
        var connector = step("arango-connector", StepStatus.RUNNING, 1);
        var graph =
                step(
                        "graph-builder",
                        StepStatus.PENDING,
                        0,
                        "loader-api-candles",
                        "arango-connector");
        var free = step("dummy-service", StepStatus.PENDING, 0);
        assertThat(QueueRules.depsFinished(queue(loader, connector, graph), graph)).isFalse();
        assertThat(QueueRules.depsFinished(queue(loader, connector, graph), free)).isTrue();
        var connectorDone = step("arango-connector", StepStatus.FINISHED, 1);
        assertThat(QueueRules.depsFinished(queue(loader, connectorDone, graph), graph)).isTrue();
        var connectorFailed = step("arango-connector", StepStatus.FAILED, 1);
        assertThat(QueueRules.depsFinished(queue(loader, connectorFailed, graph), graph))
                .as("a failed dependency never makes a step ready")
                .isFalse();
    }

    @Test
    void onlyAnEventNamingAnOlderAttemptOfItsStepIsStale() {
        var resumed = step("loader-api-candles", StepStatus.RUNNING, 2);
        Optional<QueueRecord> q = Optional.of(queue(resumed));
        String id = resumed.telemetryId();
        assertThat(QueueRules.ofEarlierAttempt(q, event(id, Map.of("attempt", 1)))).isTrue();
        assertThat(QueueRules.ofEarlierAttempt(q, event(id, Map.of("attempt", 2)))).isFalse();
        assertThat(QueueRules.ofEarlierAttempt(q, event(id, Map.of("attempt", 3)))).isFalse();
        assertThat(QueueRules.ofEarlierAttempt(q, event(id, null)))
                .as("events of workers that do not send an attempt apply as before")
                .isFalse();
        assertThat(QueueRules.ofEarlierAttempt(q, event(id, Map.of("attempt", "1"))))
                .as("an attempt that is not a number is not trusted to discard an event")
                .isFalse();
        assertThat(QueueRules.ofEarlierAttempt(q, event("other__q1", Map.of("attempt", 1))))
                .isFalse();
        assertThat(QueueRules.ofEarlierAttempt(Optional.empty(), event(id, Map.of("attempt", 1))))
                .isFalse();
    }
}
