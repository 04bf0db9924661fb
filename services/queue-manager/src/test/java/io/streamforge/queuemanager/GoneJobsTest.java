package io.streamforge.queuemanager;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The grace period before a job without a result is judged gone, on an injected clock. */
class GoneJobsTest {
    static final long GRACE_MS = 5_000;
    final RecordingJobLauncher launcher = new RecordingJobLauncher();
    final AtomicLong nowUs = new AtomicLong(1_000_000_000L);
    final AtomicBoolean current = new AtomicBoolean(true);
    GoneJobs gone;

    @BeforeEach
    void setUp() {
        gone = new GoneJobs(launcher, nowUs::get, GRACE_MS);
        gone.telemetryCurrent(current::get);
    }

    void advanceMs(long ms) {
        nowUs.addAndGet(ms * 1_000);
    }

    @Test
    void aRunningJobIsNeverGone() {
        launcher.launch(RecordingJobLauncher.job("job-1"));
        assertThat(gone.goneLongEnough("job-1")).isFalse();
        advanceMs(10 * GRACE_MS);
        assertThat(gone.goneLongEnough("job-1")).isFalse();
    }

    @Test
    void anAbsentJobIsGoneOnlyAfterTheWholeGracePeriod() {
        assertThat(gone.goneLongEnough("job-1"))
                .as("first seen absent: the clock starts")
                .isFalse();
        advanceMs(GRACE_MS - 1);
        assertThat(gone.goneLongEnough("job-1")).isFalse();
        advanceMs(1);
        assertThat(gone.goneLongEnough("job-1")).isTrue();
    }

    @Test
    void aJobSeenRunningAgainStartsItsGraceAnew() {
        assertThat(gone.goneLongEnough("job-1")).isFalse();
        advanceMs(GRACE_MS - 1);
        launcher.launch(RecordingJobLauncher.job("job-1")); // e.g. the API server answered late
        assertThat(gone.goneLongEnough("job-1")).isFalse();
        launcher.end("job-1");
        assertThat(gone.goneLongEnough("job-1")).isFalse();
        advanceMs(GRACE_MS - 1);
        assertThat(gone.goneLongEnough("job-1")).isFalse();
        advanceMs(1);
        assertThat(gone.goneLongEnough("job-1")).isTrue();
    }

    @Test
    void nothingIsJudgedWhileTelemetryIsNotCurrentAndTheGraceRestartsAfterwards() {
        assertThat(gone.goneLongEnough("job-1")).isFalse();
        advanceMs(GRACE_MS);
        current.set(false); // Kafka down: the job's result may be waiting unread
        assertThat(gone.goneLongEnough("job-1")).isFalse();
        advanceMs(GRACE_MS);
        assertThat(gone.goneLongEnough("job-1")).isFalse();
        current.set(true);
        assertThat(gone.goneLongEnough("job-1")).as("caught up: a fresh grace period").isFalse();
        advanceMs(GRACE_MS);
        assertThat(gone.goneLongEnough("job-1")).isTrue();
    }

    @Test
    void aForgottenJobStartsFromZeroAndJobsAreTimedApart() {
        assertThat(gone.goneLongEnough("job-1")).isFalse();
        advanceMs(GRACE_MS / 2);
        assertThat(gone.goneLongEnough("job-2")).isFalse();
        advanceMs(GRACE_MS / 2);
        assertThat(gone.goneLongEnough("job-1")).isTrue();
        assertThat(gone.goneLongEnough("job-2")).isFalse();
        gone.forget("job-1");
        assertThat(gone.goneLongEnough("job-1")).isFalse();
    }
}
