package io.streamforge.domain.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The persisted step: defaults, copies, attempts and the job name of each attempt. */
class StepRecordTest {
    private static StepRecord planned() {
        return new StepRecord(
                "q1",
                "graph-builder",
                "graph-builder",
                "graph-builder__abc",
                "q1-graph-builder",
                List.of("arango-connector"),
                StepStatus.PENDING,
                0,
                null,
                10);
    }

    @Test
    void aPlannedStepIsNeverLaunchedAndHasEmptyDefaults() {
        StepRecord s = planned();
        assertThat(s.attempt()).isZero();
        assertThat(s.launch()).isEqualTo(LaunchState.NONE);
        assertThat(s.message()).isEmpty();
        assertThat(s.image()).isEmpty();
        assertThat(s.env()).isEmpty();
        assertThat(s.currentJobName()).isEqualTo("q1-graph-builder");
    }

    @Test
    void listsAndMapsAreCopiedSoTheCallerCannotChangeTheRecord() {
        List<String> deps = new ArrayList<>(List.of("a"));
        StepRecord s =
                new StepRecord("q1", "t", "t", "t__1", "job", deps, StepStatus.PENDING, 0, "", 0);
        deps.add("b");
        assertThat(s.dependsOn()).containsExactly("a");
        assertThatThrownBy(() -> s.dependsOn().add("c"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void theJobOfEachAttemptCarriesThePlannedImageAndEnvironment() {
        StepRecord s =
                planned()
                        .withJob(
                                new JobSpec(
                                        "q1",
                                        "graph-builder__abc",
                                        "graph-builder",
                                        "q1-graph-builder",
                                        "img:1",
                                        Map.of("QUEUE_ID", "q1")));
        JobSpec first = s.job(1);
        assertThat(first.jobName()).isEqualTo("q1-graph-builder");
        assertThat(first.image()).isEqualTo("img:1");
        assertThat(first.env()).containsEntry("QUEUE_ID", "q1");
        assertThat(s.job(3).jobName()).isEqualTo("q1-graph-builder-r3");
    }

    @Test
    void stateAndLaunchChangesKeepTheRestOfTheStep() {
        StepRecord launched = planned().withLaunch(2, LaunchState.LAUNCHED, 20);
        assertThat(launched.attempt()).isEqualTo(2);
        assertThat(launched.updatedAtUs()).isEqualTo(20);
        assertThat(launched.currentJobName()).isEqualTo("q1-graph-builder-r2");
        StepRecord running = launched.withState(StepStatus.RUNNING, 42, "busy", 30, 31);
        assertThat(running.status()).isEqualTo(StepStatus.RUNNING);
        assertThat(running.recordsWritten()).isEqualTo(42);
        assertThat(running.lastEventUs()).isEqualTo(30);
        assertThat(running.attempt()).isEqualTo(2);
        assertThat(running.launch()).isEqualTo(launched.launch());
        assertThat(running.dependsOn()).containsExactly("arango-connector");
    }

    @Test
    void aNegativeAttemptAndMissingIdentityAreRefused() {
        StepRecord s = planned();
        assertThatThrownBy(() -> s.withLaunch(-1, LaunchState.NONE, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("attempt < 0: -1");
        assertThatThrownBy(
                        () ->
                                new StepRecord(
                                        null,
                                        "t",
                                        "t",
                                        "id",
                                        "j",
                                        List.of(),
                                        StepStatus.PENDING,
                                        0,
                                        "",
                                        0))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("queue_id");
        assertThatThrownBy(
                        () ->
                                new StepRecord(
                                        "q",
                                        "t",
                                        "t",
                                        null,
                                        "j",
                                        List.of(),
                                        StepStatus.PENDING,
                                        0,
                                        "",
                                        0))
                .hasMessage("telemetry_id");
    }

    @Test
    void laterAttemptsGetADistinctNameWithinTheKubernetesLimit() {
        assertThat(StepRecord.jobNameFor("job", 0)).isEqualTo("job");
        assertThat(StepRecord.jobNameFor("job", 1)).isEqualTo("job");
        assertThat(StepRecord.jobNameFor("job", 2)).isEqualTo("job-r2");
        String longName = "x".repeat(63);
        assertThat(StepRecord.jobNameFor(longName, 12))
                .hasSize(63)
                .endsWith("-r12")
                .isNotEqualTo(StepRecord.jobNameFor(longName, 13));
        assertThat(StepRecord.jobNameFor("y".repeat(60), 2)).isEqualTo("y".repeat(60) + "-r2");
    }
}
