package io.streamforge.app.controlplane;

import io.streamforge.app.LocalPlatform;
import org.junit.jupiter.api.Test;

/**
 * The embedded PostgreSQL (a real server process) is stopped mid-pipeline for at least 10 s and
 * started again on the same port and data folder: the connector and the queue-manager retry their
 * writes; the pipeline ends with exactly the simulator's records; readiness went DOWN and back UP.
 */
class PostgresRestartIT extends OutageScenario {
    @Override
    void stop(LocalPlatform platform) {
        platform.postgres().stopForRestart();
    }

    @Override
    void start(LocalPlatform platform) {
        platform.postgres().restart();
    }

    @Test
    void aDatabaseOutageMidPipelineLosesNothingAndReadinessRecovers() throws Exception {
        pipelineSurvivesTheOutageExactly();
    }
}
