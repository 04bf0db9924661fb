package io.streamforge.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.streamforge.domain.port.JobLauncher;
import io.streamforge.domain.queue.JobSpec;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Behaviour every {@link JobLauncher} must show. A subclass returns a fresh launcher whose stop
 * grace period is short (well under a second) and whose jobs of target {@link #STUBBORN} run until
 * they are removed — they ignore the stop command, as a hung worker would — and says how many
 * instances of a job were started and whether anything of it is left ({@link #leftOver}).
 */
public abstract class JobLauncherContract {
    /** The target of the test jobs: runs until removed. */
    public static final String STUBBORN = "dummy-service";

    /** Generous: the machine may be loaded. */
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    protected JobLauncher launcher;

    /** A launcher with no jobs; its stop grace period is short. */
    protected abstract JobLauncher newLauncher();

    /** How many times the job of this name was started (created / run). */
    protected abstract int started(String jobName);

    /** Whether anything of the job is left (a Job object, a live worker thread). */
    protected abstract boolean leftOver(String jobName);

    @BeforeEach
    void freshLauncher() {
        launcher = newLauncher();
    }

    protected static JobSpec spec(String queueId, String jobName) {
        return new JobSpec(
                queueId,
                STUBBORN + "__" + jobName,
                STUBBORN,
                jobName,
                "streamforge/dummy-service:test",
                Map.of("QUEUE_ID", queueId, "TELEMETRY_ID", STUBBORN + "__" + jobName));
    }

    @Test
    void aLaunchedJobRunsAndExists() {
        launcher.launch(spec("q-run", "q-run-job"));
        assertThat(launcher.isRunning("q-run-job")).isTrue();
        assertThat(launcher.exists("q-run-job")).isTrue();
        assertThat(started("q-run-job")).isEqualTo(1);
    }

    @Test
    void launchIsIdempotentPerJobName() {
        launcher.launch(spec("q-twice", "q-twice-job"));
        launcher.launch(spec("q-twice", "q-twice-job"));
        assertThat(started("q-twice-job")).isEqualTo(1);
        assertThat(launcher.isRunning("q-twice-job")).isTrue();
    }

    @Test
    void stopRemovesAJobThatIgnoresTheStopCommandAfterTheGracePeriod() {
        launcher.launch(spec("q-stop", "q-stop-a"));
        launcher.launch(spec("q-stop", "q-stop-b"));
        launcher.stop("q-stop-a");
        awaitTrue(() -> !leftOver("q-stop-a"), "job q-stop-a removed after its grace period");
        assertThat(launcher.isRunning("q-stop-a")).isFalse();
        assertThat(leftOver("q-stop-b")).as("the other job is untouched").isTrue();
        assertThat(launcher.isRunning("q-stop-b")).isTrue();
    }

    @Test
    void deleteRemovesAJob() {
        launcher.launch(spec("q-del", "q-del-job"));
        launcher.delete("q-del-job");
        awaitTrue(() -> !launcher.isRunning("q-del-job"), "job q-del-job no longer running");
    }

    @Test
    void unknownJobsAreIgnored() {
        assertThat(launcher.isRunning("q-none-job")).isFalse();
        assertThat(launcher.exists("q-none-job")).isFalse();
        assertThatCode(() -> launcher.stop("q-none-job")).doesNotThrowAnyException();
        assertThatCode(() -> launcher.delete("q-none-job")).doesNotThrowAnyException();
        assertThat(started("q-none-job")).isZero();
    }

    /** Polls {@code condition} until it holds or the generous deadline passes. */
    protected static void awaitTrue(BooleanSupplier condition, String what) {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + DEADLINE + ": " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }
}
