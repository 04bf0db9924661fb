package io.streamforge.queuemanager;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamforge.domain.queue.JobSpec;
import io.streamforge.domain.queue.LaunchState;
import io.streamforge.domain.queue.QueueRecord;
import io.streamforge.domain.queue.StepRecord;
import io.streamforge.domain.queue.StepStatus;
import io.streamforge.testkit.InMemoryQueueStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Claim before launch, ATTEMPT in the job, the resumed-job adjustment, launcher failures. */
class StepLauncherTest {
    final InMemoryQueueStore store = new InMemoryQueueStore();
    final RecordingJobLauncher launcher = new RecordingJobLauncher();
    final List<String> errors = new ArrayList<>();
    StepLauncher steps;

    @BeforeEach
    void setUp() {
        steps = new StepLauncher(store, launcher, () -> 42L, errors::add);
        StepRecord planned =
                QueueRulesTest.step("loader-api-candles", StepStatus.PENDING, 0)
                        .withJob(
                                new JobSpec(
                                        "q1",
                                        "loader-api-candles__q1",
                                        "loader-api-candles",
                                        "q1-candles",
                                        "img:1",
                                        Map.of("SYMBOLS", "BTCUSDT")));
        QueueRecord q = QueueRulesTest.queue(planned);
        store.create(q);
    }

    StepRecord stored() {
        return store.find("q1").orElseThrow().steps().get(0);
    }

    @Test
    void theFirstLaunchClaimsAttemptOneAndTheJobCarriesIt() {
        assertThat(steps.launch(stored(), true)).isTrue();
        assertThat(launcher.launches()).hasSize(1);
        JobSpec job = launcher.launches().get(0);
        assertThat(job.jobName()).isEqualTo("q1-candles");
        assertThat(job.env()).containsEntry("ATTEMPT", "1").containsEntry("SYMBOLS", "BTCUSDT");
        assertThat(stored().attempt()).isEqualTo(1);
        assertThat(stored().launch()).isEqualTo(LaunchState.LAUNCHED);
        assertThat(errors).isEmpty();
    }

    @Test
    void anAttemptClaimedElsewhereIsNotLaunchedAgain() {
        StepRecord before = stored();
        assertThat(store.claimLaunch("q1", before.telemetryId(), 1, 1)).isTrue(); // a rival
        assertThat(steps.launch(before, true)).isFalse();
        assertThat(launcher.launches()).isEmpty();
    }

    @Test
    void aResumedAttemptIsAdjustedAndRenamedTheFirstIsNot() {
        Map<String, Integer> adjusted = new HashMap<>();
        steps.resumedJobs(
                job -> {
                    adjusted.merge(job.jobName(), 1, Integer::sum);
                    Map<String, String> env = new HashMap<>(job.env());
                    env.put("LOAD_RANGES", "BTCUSDT=");
                    return new JobSpec(
                            job.queueId(),
                            job.telemetryId(),
                            job.target(),
                            job.jobName(),
                            job.image(),
                            env);
                });
        steps.launch(stored(), true);
        assertThat(adjusted).isEmpty();
        steps.launch(stored(), true); // attempt 2, as after a resume
        assertThat(launcher.launches()).hasSize(2);
        JobSpec second = launcher.launches().get(1);
        assertThat(second.jobName()).isEqualTo("q1-candles-r2");
        assertThat(second.env())
                .containsEntry("ATTEMPT", "2")
                .containsEntry("LOAD_RANGES", "BTCUSDT=");
        assertThat(adjusted).containsExactly(Map.entry("q1-candles-r2", 1));
    }

    @Test
    void aLauncherFailureIsCountedAndLeavesTheStepLaunchingForReconcile() {
        launcher.failNextLaunch(new IllegalStateException("API server down"));
        assertThat(steps.launch(stored(), true)).as("the claim changed the step").isTrue();
        assertThat(errors).containsExactly("launch");
        assertThat(stored().launch()).isEqualTo(LaunchState.LAUNCHING);
        assertThat(stored().attempt()).isEqualTo(1);

        assertThat(steps.launch(stored(), false)).isTrue(); // reconcile: same attempt, no claim
        assertThat(launcher.launches()).extracting(JobSpec::jobName).containsExactly("q1-candles");
        assertThat(launcher.launches().get(0).env()).containsEntry("ATTEMPT", "1");
        assertThat(stored().launch()).isEqualTo(LaunchState.LAUNCHED);
    }
}
