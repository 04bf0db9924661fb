package io.streamforge.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamforge.domain.port.QueueStore;
import io.streamforge.domain.queue.LaunchState;
import io.streamforge.domain.queue.QueueRecord;
import io.streamforge.domain.queue.QueueStatus;
import io.streamforge.domain.queue.StepRecord;
import io.streamforge.domain.queue.StepStatus;
import org.junit.jupiter.api.Test;

/**
 * Behaviour every {@link QueueStore} must show. Subclass it and return a new, empty store from
 * {@link #newStore()} (called before each test). The cases here are the state changes: step and
 * queue updates under the terminal rules, launch claims, stopping, replayed telemetry and resume;
 * the inherited {@link QueueStoreRecordsContract} holds what {@code create} keeps and refuses and
 * what the reads return, so a subclass runs both.
 */
public abstract class QueueStoreContract extends QueueStoreRecordsContract {

    @Test
    void stepUpdatesAreStored() {
        store.create(Fixtures.queue("q-steps", T_US));
        assertThat(
                        store.updateStep(
                                "q-steps",
                                "q-steps-loader",
                                StepStatus.RUNNING,
                                10,
                                "started",
                                T_US + 1))
                .isTrue();
        assertThat(
                        store.updateStep(
                                "q-steps",
                                "q-steps-loader",
                                StepStatus.RUNNING,
                                500,
                                "half",
                                T_US + 2))
                .isTrue();
        StepRecord s = step("q-steps", "q-steps-loader");
        assertThat(s.status()).isEqualTo(StepStatus.RUNNING);
        assertThat(s.recordsWritten()).isEqualTo(500);
        assertThat(s.message()).isEqualTo("half");
        assertThat(s.updatedAtUs()).isEqualTo(T_US + 2);
        StepRecord other = step("q-steps", "q-steps-graph");
        assertThat(other.status()).isEqualTo(StepStatus.PENDING);
        assertThat(other.dependsOn()).containsExactly("q-steps-loader");
    }

    @Test
    void unknownStepsAndQueuesAreNotChanged() {
        store.create(Fixtures.queue("q-known", T_US));
        assertThat(store.updateStep("q-known", "nope", StepStatus.RUNNING, 1, "", T_US)).isFalse();
        assertThat(store.updateStep("nope", "q-known-loader", StepStatus.RUNNING, 1, "", T_US))
                .isFalse();
        assertThat(store.updateQueue("nope", QueueStatus.RUNNING, T_US)).isFalse();
        assertThat(store.find("nope")).isEmpty();
    }

    @Test
    void aTerminalStepStateIsNeverLeft() {
        store.create(Fixtures.queue("q-term", T_US));
        String id = "q-term-loader";
        assertThat(store.updateStep("q-term", id, StepStatus.FINISHED, 1000, "done", T_US + 5))
                .isTrue();
        assertThat(store.updateStep("q-term", id, StepStatus.RUNNING, 900, "late", T_US + 6))
                .isFalse();
        assertThat(store.updateStep("q-term", id, StepStatus.FAILED, 900, "late", T_US + 7))
                .isFalse();
        StepRecord s = step("q-term", id);
        assertThat(s.status()).isEqualTo(StepStatus.FINISHED);
        assertThat(s.recordsWritten()).isEqualTo(1000);
        assertThat(s.message()).isEqualTo("done");
        assertThat(s.updatedAtUs()).isEqualTo(T_US + 5);
    }

    @Test
    void aNullStepMessageIsStoredAsEmpty() {
        store.create(Fixtures.queue("q-msg", T_US));
        assertThat(store.updateStep("q-msg", "q-msg-graph", StepStatus.FAILED, 0, null, T_US + 1))
                .isTrue();
        assertThat(step("q-msg", "q-msg-graph").message()).isEmpty();
    }

    @Test
    void queueStatusFollowsTheTerminalRule() {
        store.create(Fixtures.queue("q-state", T_US));
        assertThat(store.updateQueue("q-state", QueueStatus.RUNNING, T_US + 1)).isTrue();
        assertThat(store.find("q-state").orElseThrow().status()).isEqualTo(QueueStatus.RUNNING);
        assertThat(store.updateQueue("q-state", QueueStatus.INTERRUPTED, T_US + 2)).isTrue();
        assertThat(store.updateQueue("q-state", QueueStatus.RUNNING, T_US + 3)).isFalse();
        assertThat(store.updateQueue("q-state", QueueStatus.FINISHED, T_US + 4)).isFalse();
        QueueRecord q = store.find("q-state").orElseThrow();
        assertThat(q.status()).isEqualTo(QueueStatus.INTERRUPTED);
        assertThat(q.updatedAtUs()).isEqualTo(T_US + 2);
        assertThat(q.createdAtUs()).isEqualTo(T_US);
    }

    @Test
    void anAttemptIsClaimedOnceAndThenMarkedLaunched() {
        store.create(Fixtures.queue("q-claim", T_US));
        String id = "q-claim-loader";
        assertThat(step("q-claim", id).attempt()).isZero();
        assertThat(step("q-claim", id).launch()).isEqualTo(LaunchState.NONE);
        assertThat(store.claimLaunch("q-claim", id, 1, T_US + 1)).isTrue();
        assertThat(store.claimLaunch("q-claim", id, 1, T_US + 2)).isFalse();
        StepRecord claimed = step("q-claim", id);
        assertThat(claimed.attempt()).isEqualTo(1);
        assertThat(claimed.launch()).isEqualTo(LaunchState.LAUNCHING);
        assertThat(claimed.status()).isEqualTo(StepStatus.PENDING);
        assertThat(store.markLaunched("q-claim", id, 2, T_US + 3)).isFalse();
        assertThat(store.markLaunched("q-claim", id, 1, T_US + 3)).isTrue();
        assertThat(store.markLaunched("q-claim", id, 1, T_US + 4)).isFalse();
        assertThat(step("q-claim", id).launch()).isEqualTo(LaunchState.LAUNCHED);
        assertThat(store.claimLaunch("q-claim", id, 2, T_US + 5)).isTrue();
        StepRecord second = step("q-claim", id);
        assertThat(second.attempt()).isEqualTo(2);
        assertThat(second.currentJobName()).isEqualTo("job-q-claim-loader-r2");
        assertThat(second.env()).containsEntry("TELEMETRY_ID", id);
        assertThat(second.image()).isEqualTo("streamforge/loader-api-candles:test");
        assertThat(store.claimLaunch("q-claim", "nope", 1, T_US)).isFalse();
        assertThat(store.claimLaunch("nope", id, 3, T_US)).isFalse();
    }

    @Test
    void aTerminalStepIsNotClaimed() {
        store.create(Fixtures.queue("q-ended", T_US));
        store.updateStep("q-ended", "q-ended-graph", StepStatus.INTERRUPTED, 0, "stop", T_US + 1);
        assertThat(store.claimLaunch("q-ended", "q-ended-graph", 1, T_US + 2)).isFalse();
        assertThat(step("q-ended", "q-ended-graph").launch()).isEqualTo(LaunchState.NONE);
    }

    @Test
    void onlyAClaimedOrLaunchedStepIsMarkedStopping() {
        store.create(Fixtures.queue("q-stop", T_US));
        assertThat(store.markStopping("q-stop", "q-stop-loader", T_US + 1)).isFalse();
        store.claimLaunch("q-stop", "q-stop-loader", 1, T_US + 2);
        assertThat(store.markStopping("q-stop", "q-stop-loader", T_US + 3)).isTrue();
        StepRecord s = step("q-stop", "q-stop-loader");
        assertThat(s.launch()).isEqualTo(LaunchState.STOPPING);
        assertThat(s.attempt()).isEqualTo(1);
        assertThat(store.markLaunched("q-stop", "q-stop-loader", 1, T_US + 4)).isFalse();
        assertThat(step("q-stop", "q-stop-loader").launch()).isEqualTo(LaunchState.STOPPING);
    }

    @Test
    void replayedTelemetryChangesNothing() {
        store.create(Fixtures.queue("q-tel", T_US));
        String id = "q-tel-loader";
        assertThat(store.applyTelemetry("q-tel", id, StepStatus.RUNNING, 50, "a", 100, T_US + 1))
                .isTrue();
        assertThat(store.applyTelemetry("q-tel", id, StepStatus.RUNNING, 90, "b", 200, T_US + 2))
                .isTrue();
        assertThat(store.applyTelemetry("q-tel", id, StepStatus.RUNNING, 50, "a", 100, T_US + 3))
                .isFalse();
        StepRecord s = step("q-tel", id);
        assertThat(s.recordsWritten()).isEqualTo(90);
        assertThat(s.lastEventUs()).isEqualTo(200);
        assertThat(store.applyTelemetry("q-tel", id, StepStatus.FINISHED, 99, "c", 200, T_US + 4))
                .isTrue();
        assertThat(store.applyTelemetry("q-tel", id, StepStatus.RUNNING, 1, "d", 300, T_US + 5))
                .isFalse();
        assertThat(step("q-tel", id).status()).isEqualTo(StepStatus.FINISHED);
        assertThat(step("q-tel", id).recordsWritten()).isEqualTo(99);
    }

    @Test
    void anEndedQueueIsReopenedForANewAttemptOfItsUnfinishedSteps() {
        store.create(Fixtures.queue("q-res", T_US));
        String loader = "q-res-loader";
        String graph = "q-res-graph";
        assertThat(store.resetForResume("q-res", T_US + 1)).as("pending queue").isFalse();
        store.updateQueue("q-res", QueueStatus.RUNNING, T_US + 1);
        store.claimLaunch("q-res", loader, 1, T_US + 2);
        store.markLaunched("q-res", loader, 1, T_US + 2);
        store.applyTelemetry("q-res", loader, StepStatus.FINISHED, 40, "done", 10, T_US + 3);
        store.claimLaunch("q-res", graph, 1, T_US + 4);
        store.markLaunched("q-res", graph, 1, T_US + 4);
        store.applyTelemetry("q-res", graph, StepStatus.RUNNING, 7, "loading", 20, T_US + 5);
        store.updateQueue("q-res", QueueStatus.INTERRUPTED, T_US + 6);
        assertThat(store.resetForResume("q-res", T_US + 7)).as("a step still running").isFalse();
        store.applyTelemetry("q-res", graph, StepStatus.INTERRUPTED, 9, "stopped", 30, T_US + 8);
        assertThat(store.resetForResume("nope", T_US + 9)).isFalse();
        assertThat(store.resetForResume("q-res", T_US + 9)).isTrue();
        QueueRecord q = store.find("q-res").orElseThrow();
        assertThat(q.status()).isEqualTo(QueueStatus.RUNNING);
        StepRecord done = step("q-res", loader);
        assertThat(done.status()).isEqualTo(StepStatus.FINISHED);
        assertThat(done.recordsWritten()).isEqualTo(40);
        assertThat(done.launch()).isEqualTo(LaunchState.LAUNCHED);
        StepRecord reopened = step("q-res", graph);
        assertThat(reopened.status()).isEqualTo(StepStatus.PENDING);
        assertThat(reopened.launch()).isEqualTo(LaunchState.NONE);
        assertThat(reopened.attempt()).isEqualTo(1);
        assertThat(reopened.message()).isEmpty();
        assertThat(reopened.recordsWritten()).isZero();
        assertThat(store.listUnfinished()).extracting(QueueRecord::queueId).contains("q-res");
        assertThat(store.resetForResume("q-res", T_US + 10)).as("running again").isFalse();
        assertThat(store.claimLaunch("q-res", graph, 2, T_US + 11)).isTrue();
        assertThat(step("q-res", graph).currentJobName()).endsWith("-r2");
        store.applyTelemetry("q-res", graph, StepStatus.FINISHED, 9, "done", 40, T_US + 12);
        store.updateQueue("q-res", QueueStatus.FINISHED, T_US + 13);
        assertThat(store.resetForResume("q-res", T_US + 14)).as("finished").isFalse();
    }
}
