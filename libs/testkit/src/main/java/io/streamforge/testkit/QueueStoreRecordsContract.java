package io.streamforge.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamforge.domain.PermanentException;
import io.streamforge.domain.port.QueueStore;
import io.streamforge.domain.queue.QueueRecord;
import io.streamforge.domain.queue.QueueStatus;
import io.streamforge.domain.queue.StepRecord;
import io.streamforge.domain.queue.StepStatus;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The first half of the {@link QueueStore} contract, by theme: what {@code create} keeps and
 * refuses, and what {@code find}, {@code list} and {@code listUnfinished} read back. Adapters
 * subclass {@link QueueStoreContract}, which adds the state changes (step and queue updates, launch
 * claims, telemetry, resume) and so runs every case of both halves.
 */
public abstract class QueueStoreRecordsContract {
    static final long T_US = Fixtures.T0_US;

    protected QueueStore store;

    /** A store with no queues in it. */
    protected abstract QueueStore newStore();

    @BeforeEach
    void freshStore() {
        store = newStore();
    }

    @Test
    void createdQueueIsFoundWithAllItsFields() {
        QueueRecord q = Fixtures.queue("q-alpha", T_US);
        store.create(q);
        assertThat(store.find("q-alpha")).contains(q);
        assertThat(store.find("q-unknown")).isEmpty();
    }

    @Test
    void optionalFieldsMayBeNull() {
        QueueRecord q =
                new QueueRecord(
                        "q-bare",
                        null,
                        List.of(),
                        null,
                        null,
                        null,
                        null,
                        QueueStatus.PENDING,
                        T_US,
                        T_US,
                        null,
                        List.of());
        store.create(q);
        assertThat(store.find("q-bare")).contains(q);
    }

    @Test
    void listIsNewestFirst() {
        store.create(Fixtures.queue("q-middle", T_US + 10));
        store.create(Fixtures.queue("q-old", T_US));
        store.create(Fixtures.queue("q-new", T_US + 20));
        assertThat(store.list())
                .extracting(QueueRecord::queueId)
                .containsExactly("q-new", "q-middle", "q-old");
        assertThat(store.list().get(0)).isEqualTo(Fixtures.queue("q-new", T_US + 20));
    }

    @Test
    void aDuplicateQueueIdIsRejected() {
        store.create(Fixtures.queue("q-dup", T_US));
        QueueRecord again = Fixtures.queue("q-dup", T_US + 5);
        assertThatThrownBy(() -> store.create(again))
                .isInstanceOf(PermanentException.class)
                .hasMessageContaining("q-dup");
        assertThat(store.find("q-dup")).contains(Fixtures.queue("q-dup", T_US));
        assertThat(store.list()).hasSize(1);
    }

    @Test
    void aStepOfAnotherQueueIsRejected() {
        QueueRecord q = Fixtures.queue("q-own", T_US);
        StepRecord foreign = Fixtures.step("q-other", "loader", "q-other-loader", List.of());
        QueueRecord bad = q.withSteps(List.of(foreign));
        assertThatThrownBy(() -> store.create(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("q-other");
        assertThat(store.find("q-own")).isEmpty();
    }

    @Test
    void twoStepsWithOneTelemetryIdAreBadInputNotAnExistingQueue() {
        QueueRecord q =
                Fixtures.queue("q-twice", T_US)
                        .withSteps(
                                List.of(
                                        Fixtures.step(
                                                "q-twice", "loader-ws", "q-twice-ws", List.of()),
                                        Fixtures.step(
                                                "q-twice",
                                                "arango-connector",
                                                "q-twice-ws",
                                                List.of())));
        assertThatThrownBy(() -> store.create(q))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("queue q-twice: step telemetry id q-twice-ws appears more than once");
        assertThat(store.find("q-twice")).isEmpty();
        assertThat(store.list()).isEmpty();
        store.create(Fixtures.queue("q-twice", T_US));
        assertThat(store.find("q-twice")).as("nothing of the refused queue was left").isPresent();
    }

    @Test
    void aStepWithoutAStatusIsRejected() {
        StepRecord loader =
                Fixtures.step("q-nostat", "loader-api-candles", "q-nostat-l", List.of());
        StepRecord bare =
                new StepRecord(
                        "q-nostat",
                        "arango-connector",
                        "candles",
                        "q-nostat-c",
                        "job-q-nostat-c",
                        List.of(),
                        null,
                        0,
                        "",
                        T_US);
        QueueRecord q = Fixtures.queue("q-nostat", T_US).withSteps(List.of(loader, bare));
        assertThatThrownBy(() -> store.create(q))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("step status");
        assertThat(store.find("q-nostat")).isEmpty();
        assertThat(store.listUnfinished()).isEmpty();
    }

    @Test
    void stepsKeepTheirOrder() {
        QueueRecord q = Fixtures.queue("q-order", T_US);
        List<StepRecord> steps =
                List.of(
                        Fixtures.step("q-order", "z-last", "q-order-z", List.of()),
                        Fixtures.step("q-order", "a-first", "q-order-a", List.of("q-order-z")),
                        Fixtures.step(
                                "q-order",
                                "m-mid",
                                "q-order-m",
                                List.of("q-order-a", "q-order-z")));
        store.create(q.withSteps(steps));
        assertThat(store.find("q-order").orElseThrow().steps()).isEqualTo(steps);
    }

    @Test
    void unfinishedQueuesAreTheNonTerminalOnesNewestFirst() {
        store.create(Fixtures.queue("q-done", T_US + 30));
        store.create(Fixtures.queue("q-pending", T_US + 10));
        store.create(Fixtures.queue("q-running", T_US + 20));
        store.create(Fixtures.queue("q-failed", T_US + 40));
        store.updateQueue("q-running", QueueStatus.RUNNING, T_US + 21);
        store.updateQueue("q-done", QueueStatus.FINISHED, T_US + 31);
        store.updateQueue("q-failed", QueueStatus.FAILED, T_US + 41);
        store.updateStep("q-done", "q-done-loader", StepStatus.FINISHED, 1, "", T_US + 32);
        store.updateStep("q-done", "q-done-graph", StepStatus.FINISHED, 1, "", T_US + 33);
        store.updateStep("q-failed", "q-failed-loader", StepStatus.FAILED, 1, "", T_US + 42);
        assertThat(store.listUnfinished())
                .as("a failed queue whose other step still runs has work left")
                .extracting(QueueRecord::queueId)
                .containsExactly("q-failed", "q-running", "q-pending");
        store.updateStep("q-failed", "q-failed-graph", StepStatus.INTERRUPTED, 1, "", T_US + 43);
        assertThat(store.listUnfinished())
                .extracting(QueueRecord::queueId)
                .containsExactly("q-running", "q-pending");
        assertThat(store.listUnfinished().get(0).steps()).hasSize(2);
    }

    /** The step {@code telemetryId} of queue {@code queueId} as stored. */
    protected final StepRecord step(String queueId, String telemetryId) {
        return store.find(queueId).orElseThrow().steps().stream()
                .filter(s -> s.telemetryId().equals(telemetryId))
                .findFirst()
                .orElseThrow();
    }
}
