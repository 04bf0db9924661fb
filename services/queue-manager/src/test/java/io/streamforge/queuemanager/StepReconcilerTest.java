package io.streamforge.queuemanager;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamforge.domain.queue.LaunchState;
import io.streamforge.domain.queue.QueueRecord;
import io.streamforge.domain.queue.StepRecord;
import io.streamforge.domain.queue.StepStatus;
import io.streamforge.testkit.Fixtures;
import io.streamforge.testkit.InMemoryQueueStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One step's reconcile, per launch state, against the in-memory store and the tests' {@link
 * RecordingJobLauncher} on an injected clock (the grace period is counted on it, never waited for).
 */
class StepReconcilerTest {
    static final long GRACE_MS = 5_000;
    static final String Q = "q-rec";
    static final String STEP = "q-rec-loader";

    final InMemoryQueueStore store = new InMemoryQueueStore();
    final RecordingJobLauncher launcher = new RecordingJobLauncher();
    final AtomicLong nowUs = new AtomicLong(Fixtures.T0_US);
    final List<String> errors = new ArrayList<>();
    final List<String> failedQueues = new ArrayList<>();
    StepReconciler reconciler;

    @BeforeEach
    void setUp() {
        GoneJobs gone = new GoneJobs(launcher, nowUs::get, GRACE_MS);
        StepLauncher steps = new StepLauncher(store, launcher, nowUs::get, errors::add);
        reconciler =
                new StepReconciler(
                        store,
                        launcher,
                        steps,
                        gone,
                        nowUs::get,
                        errors::add,
                        (queueId, why) -> failedQueues.add(queueId + " " + why));
        store.create(Fixtures.queue(Q, Fixtures.T0_US));
    }

    StepRecord step() {
        QueueRecord q = store.find(Q).orElseThrow();
        return q.steps().stream()
                .filter(s -> s.telemetryId().equals(STEP))
                .findFirst()
                .orElseThrow();
    }

    boolean reconcile() {
        return reconciler.reconcile(store.find(Q).orElseThrow(), step());
    }

    void advanceMs(long ms) {
        nowUs.addAndGet(ms * 1_000);
    }

    /** Attempt 1 claimed, its job started by the launcher and marked launched. */
    String launched() {
        store.claimLaunch(Q, STEP, 1, nowUs.get());
        launcher.launch(step().job(1));
        store.markLaunched(Q, STEP, 1, nowUs.get());
        return step().currentJobName();
    }

    @Test
    void aStepNeverLaunchedIsLeftToAdvance() {
        assertThat(reconcile()).isFalse();
        assertThat(launcher.launches()).isEmpty();
        assertThat(step().launch()).isEqualTo(LaunchState.NONE);
    }

    @Test
    void aClaimTheLauncherNeverGotIsLaunchedOnceUnderItsAttempt() {
        store.claimLaunch(Q, STEP, 1, nowUs.get());
        assertThat(reconcile()).isTrue();
        assertThat(launcher.launches())
                .singleElement()
                .satisfies(
                        j -> {
                            assertThat(j.jobName()).isEqualTo(step().currentJobName());
                            assertThat(j.env()).containsEntry("ATTEMPT", "1");
                        });
        assertThat(step().launch()).isEqualTo(LaunchState.LAUNCHED);
        assertThat(step().attempt()).isEqualTo(1);
        assertThat(reconcile()).as("launched and running: nothing to do").isFalse();
        assertThat(launcher.launches()).hasSize(1);
    }

    @Test
    void aClaimWhoseJobRunsIsMarkedLaunchedWithoutLaunchingAgain() {
        store.claimLaunch(Q, STEP, 1, nowUs.get());
        launcher.launch(step().job(1)); // the old manager died between launch and mark
        assertThat(reconcile()).isTrue();
        assertThat(step().launch()).isEqualTo(LaunchState.LAUNCHED);
        assertThat(launcher.launches()).hasSize(1);
    }

    @Test
    void aLaunchedJobGoneForTheWholeGracePeriodFailsItsStepAndItsQueue() {
        String job = launched();
        launcher.end(job);
        assertThat(reconcile()).as("first seen gone: the grace period starts").isFalse();
        advanceMs(GRACE_MS - 1);
        assertThat(reconcile()).isFalse();
        assertThat(failedQueues).isEmpty();
        advanceMs(1);
        assertThat(reconcile()).isTrue();
        assertThat(step().status()).isEqualTo(StepStatus.FAILED);
        assertThat(step().message()).isEqualTo("job ended without reporting a result");
        assertThat(failedQueues)
                .containsExactly(Q + " " + STEP + ": job ended without reporting a result");
    }

    @Test
    void aClaimedJobThatEndedWithoutAResultIsJudgedGoneToo() {
        store.claimLaunch(Q, STEP, 1, nowUs.get());
        launcher.launch(step().job(1));
        launcher.end(step().currentJobName()); // known to the launcher, no longer running
        assertThat(reconcile()).isFalse();
        advanceMs(GRACE_MS);
        assertThat(reconcile()).isTrue();
        assertThat(step().status()).isEqualTo(StepStatus.FAILED);
        assertThat(launcher.launches()).as("never launched again").hasSize(1);
    }

    @Test
    void aStepThatEndedMeanwhileIsNotEndedAgainNorItsQueueFailed() {
        String job = launched();
        launcher.end(job);
        reconcile();
        advanceMs(GRACE_MS);
        StepRecord stale = step();
        store.applyTelemetry(Q, STEP, StepStatus.FINISHED, 10, "done", 1, nowUs.get());
        assertThat(reconciler.reconcile(store.find(Q).orElseThrow(), stale)).isFalse();
        assertThat(step().status()).isEqualTo(StepStatus.FINISHED);
        assertThat(failedQueues).isEmpty();
    }

    @Test
    void aStoppingJobIsAskedAgainUntilGoneThenItsStepEndsInterrupted() {
        String job = launched();
        store.markStopping(Q, STEP, nowUs.get());
        assertThat(reconcile()).isFalse();
        assertThat(launcher.stopped()).containsExactly(job);
        assertThat(reconcile()).as("gone now: the grace period starts").isFalse();
        assertThat(launcher.stopped()).as("asked again: a new manager re-arms it").hasSize(2);
        advanceMs(GRACE_MS);
        assertThat(reconcile()).isTrue();
        assertThat(step().status()).isEqualTo(StepStatus.INTERRUPTED);
        assertThat(step().message()).isEqualTo("stopped; job removed");
        assertThat(failedQueues).as("a stopped step does not fail its queue").isEmpty();
        assertThat(errors).isEmpty();
    }
}
