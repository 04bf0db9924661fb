package io.streamforge.app.rehearse;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.util.HashMap;

/**
 * What stands in for Kubernetes where no cluster can run (the rehearsal and the control-plane
 * tests): the fabric8 mock API server in CRUD mode, and the kubelet's write of a Job's end.
 */
public final class KubeStandIns {
    private KubeStandIns() {}

    /** A started fabric8 mock API server that stores what it is sent (CRUD mode). */
    public static KubernetesMockServer apiServer() {
        KubernetesMockServer server =
                new KubernetesMockServer(
                        new Context(),
                        new MockWebServer(),
                        new HashMap<>(),
                        new KubernetesCrudDispatcher(),
                        false);
        server.init();
        return server;
    }

    /**
     * Writes Job {@code name}'s {@code Complete} (ok) or {@code Failed} condition, if it exists.
     */
    public static void finishJob(
            KubernetesClient client, String namespace, String name, boolean ok) {
        Job job = client.batch().v1().jobs().inNamespace(namespace).withName(name).get();
        if (job == null) {
            return;
        }
        job.setStatus(
                new JobStatusBuilder()
                        .withConditions(
                                new JobConditionBuilder()
                                        .withType(ok ? "Complete" : "Failed")
                                        .withStatus("True")
                                        .build())
                        .build());
        client.batch().v1().jobs().inNamespace(namespace).resource(job).updateStatus();
    }
}
