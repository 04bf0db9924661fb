package io.streamforge.domain.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A persisted queue: copies its lists, changes status or steps without touching the rest. */
class QueueRecordTest {
    private static StepRecord step(String target) {
        return new StepRecord(
                "q1",
                target,
                target,
                target + "__s",
                "q1-" + target,
                List.of(),
                StepStatus.PENDING,
                0,
                "",
                1);
    }

    private static QueueRecord queue(List<String> symbols, List<StepRecord> steps) {
        return new QueueRecord(
                "q1",
                "s",
                symbols,
                "candles",
                "2024-01-01:2024-01-02",
                "q1",
                "q1",
                QueueStatus.PENDING,
                1,
                1,
                "{}",
                steps);
    }

    @Test
    void listsAreCopiedAndUnmodifiable() {
        List<String> symbols = new ArrayList<>(List.of("BTCUSDT"));
        List<StepRecord> steps = new ArrayList<>(List.of(step("loader-api-candles")));
        QueueRecord q = queue(symbols, steps);
        symbols.add("ETHUSDT");
        steps.clear();
        assertThat(q.symbols()).containsExactly("BTCUSDT");
        assertThat(q.steps()).hasSize(1);
        assertThatThrownBy(() -> q.steps().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aStatusChangeStampsTheTimeAndKeepsTheSteps() {
        QueueRecord q = queue(List.of("BTCUSDT"), List.of(step("dummy-service")));
        QueueRecord running = q.withStatus(QueueStatus.RUNNING, 99);
        assertThat(running.status()).isEqualTo(QueueStatus.RUNNING);
        assertThat(running.updatedAtUs()).isEqualTo(99);
        assertThat(running.createdAtUs()).isEqualTo(1);
        assertThat(running.steps()).isEqualTo(q.steps());
        assertThat(q.status()).isEqualTo(QueueStatus.PENDING);
    }

    @Test
    void newStepsReplaceTheOldOnesAndNothingElse() {
        QueueRecord q = queue(List.of("BTCUSDT"), List.of(step("dummy-service")));
        QueueRecord next = q.withSteps(List.of(step("graph-builder"), step("gnn-trainer")));
        assertThat(next.steps())
                .extracting(StepRecord::target)
                .containsExactly("graph-builder", "gnn-trainer");
        assertThat(next.withSteps(q.steps())).isEqualTo(q);
    }

    @Test
    void aQueueNeedsAnId() {
        assertThatThrownBy(
                        () ->
                                new QueueRecord(
                                        null,
                                        "s",
                                        List.of(),
                                        "t",
                                        null,
                                        "k",
                                        "c",
                                        QueueStatus.PENDING,
                                        0,
                                        0,
                                        "{}",
                                        List.of()))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("queue_id");
    }

    @Test
    void validStepsPassAndBadOnesAreNamed() {
        queue(List.of(), List.of(step("loader-api-candles"), step("arango-connector")))
                .requireValidSteps();
        queue(List.of(), List.of()).requireValidSteps();
        QueueRecord twice = queue(List.of(), List.of(step("dummy-service"), step("dummy-service")));
        assertThatThrownBy(twice::requireValidSteps)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("queue q1: step telemetry id dummy-service__s appears more than once");
        StepRecord foreign =
                new StepRecord(
                        "q2",
                        "graph-builder",
                        "g",
                        "g__s",
                        "q2-g",
                        List.of(),
                        StepStatus.PENDING,
                        0,
                        "",
                        1);
        assertThatThrownBy(() -> queue(List.of(), List.of(foreign)).requireValidSteps())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("step g__s belongs to queue q2, not to q1");
    }
}
