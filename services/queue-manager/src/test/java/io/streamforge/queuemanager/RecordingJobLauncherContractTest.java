package io.streamforge.queuemanager;

import io.streamforge.domain.port.JobLauncher;
import io.streamforge.testkit.JobLauncherContract;

/**
 * The tests' {@link RecordingJobLauncher} under the shared launcher contract, so the fake the
 * orchestrator's tests run against behaves as the real launchers do (idempotent launch, stop and
 * delete remove the job, unknown jobs ignored). Its stop has no grace period: the job is removed at
 * once, within the contract's "after the grace period".
 */
class RecordingJobLauncherContractTest extends JobLauncherContract {
    private RecordingJobLauncher recording;

    @Override
    protected JobLauncher newLauncher() {
        recording = new RecordingJobLauncher();
        return recording;
    }

    @Override
    protected int started(String jobName) {
        return recording.started(jobName);
    }

    @Override
    protected boolean leftOver(String jobName) {
        return recording.exists(jobName);
    }
}
