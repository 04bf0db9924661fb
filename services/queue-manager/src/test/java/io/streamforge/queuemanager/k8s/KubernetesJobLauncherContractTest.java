package io.streamforge.queuemanager.k8s;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.streamforge.domain.port.JobLauncher;
import io.streamforge.testkit.JobLauncherContract;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;

/**
 * The Kubernetes launcher under the shared launcher contract, against the fabric8 mock API server
 * in CRUD mode: no Kubernetes API server can run on this machine, so "running" means a Job object
 * without a Complete/Failed condition (no pods are scheduled) and "removed" means the Job object is
 * gone from the API (deleted with propagation Background).
 */
@EnableKubernetesMockClient(crud = true)
class KubernetesJobLauncherContractTest extends JobLauncherContract {
    private static final String NS = "streamforge";

    KubernetesClient client;
    private KubernetesJobLauncher k8s;

    @Override
    protected JobLauncher newLauncher() {
        k8s =
                new KubernetesJobLauncher(
                        client,
                        new KubernetesLauncherSettings(
                                NS, null, "sf-worker", Map.of(), null, null, 200));
        return k8s;
    }

    @Override
    protected int started(String jobName) {
        return leftOver(jobName) ? 1 : 0; // the API holds at most one Job per name
    }

    @Override
    protected boolean leftOver(String jobName) {
        return client.batch().v1().jobs().inNamespace(NS).withName(jobName).get() != null;
    }

    @AfterEach
    void closeLauncher() {
        k8s.close();
    }
}
