package io.streamforge.app.controlplane;

import io.streamforge.app.LocalPlatform;
import org.junit.jupiter.api.Test;

/**
 * The embedded Kafka broker (real, in-process KRaft) is shut down mid-pipeline for at least 10 s
 * and started again on the same port and log folder: loaders, connector and queue-manager ride it
 * out; the pipeline ends with exactly the simulator's records; readiness went DOWN and back UP.
 */
class BrokerRestartIT extends OutageScenario {
    @Override
    void stop(LocalPlatform platform) {
        platform.kafka().stopForRestart();
    }

    @Override
    void start(LocalPlatform platform) {
        platform.kafka().restart();
    }

    @Test
    void aBrokerOutageMidPipelineLosesNothingAndReadinessRecovers() throws Exception {
        pipelineSurvivesTheOutageExactly();
    }
}
