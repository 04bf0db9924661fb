package io.streamforge.queuemanager.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.streamforge.domain.PermanentException;
import io.streamforge.domain.queue.JobSpec;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The launcher against the fabric8 mock API server in CRUD mode: there is no Kubernetes API server
 * on this machine, so this checks the requests and the stored objects, not scheduling or pods.
 */
@EnableKubernetesMockClient(crud = true)
class KubernetesJobLauncherTest {
    private static final String NS = "streamforge";
    private static final String QUEUE = "loader-btcusdt-api-candles-1m-2024-01-01-abc123";

    KubernetesClient client;
    private KubernetesJobLauncher launcher;

    @BeforeEach
    void setUp() {
        launcher =
                new KubernetesJobLauncher(
                        client,
                        new KubernetesLauncherSettings(
                                NS,
                                null,
                                "sf-worker",
                                Map.of("dummy-service", "reg/dummy:1"),
                                null,
                                null,
                                30_000));
    }

    @AfterEach
    void tearDown() {
        launcher.close();
    }

    private Job stored(String name) {
        return client.batch().v1().jobs().inNamespace(NS).withName(name).get();
    }

    private JobSpec spec(String queue, String name) {
        return Jobs.spec(queue, "dummy-service", name, Map.of("SYMBOLS", "BTCUSDT"));
    }

    private void setStatus(String name, JobStatus status) {
        Job job = stored(name);
        job.setStatus(status);
        client.batch().v1().jobs().inNamespace(NS).resource(job).updateStatus();
    }

    @Test
    void launchCreatesTheJobWithLabelsImageAndEnv() {
        launcher.launch(spec(QUEUE, "q1-dummy-service"));

        Job job = stored("q1-dummy-service");
        assertThat(job).isNotNull();
        assertThat(job.getMetadata().getName()).hasSizeLessThanOrEqualTo(63);
        assertThat(job.getMetadata().getLabels())
                .containsEntry("app.kubernetes.io/name", "dummy-service")
                .containsEntry("app.kubernetes.io/instance", "q1-dummy-service")
                .containsEntry("app.kubernetes.io/component", "worker")
                .containsEntry("app.kubernetes.io/part-of", "streamforge")
                .containsEntry("app.kubernetes.io/managed-by", "queue-manager")
                .containsEntry("streamforge.io/queue-id", QUEUE);
        assertThat(Jobs.container(job).getImage()).isEqualTo("reg/dummy:1");
        assertThat(Jobs.env(job))
                .containsEntry("SYMBOLS", "BTCUSDT")
                .containsEntry("QUEUE_ID", QUEUE);
        assertThat(job.getSpec().getTemplate().getSpec().getServiceAccountName())
                .isEqualTo("sf-worker");
    }

    @Test
    void launchingTheSameJobTwiceKeepsOneUnchangedJob() {
        launcher.launch(spec(QUEUE, "q1-dummy-service"));
        String uid = stored("q1-dummy-service").getMetadata().getUid();

        launcher.launch(spec(QUEUE, "q1-dummy-service"));

        assertThat(client.batch().v1().jobs().inNamespace(NS).list().getItems()).hasSize(1);
        assertThat(stored("q1-dummy-service").getMetadata().getUid()).isEqualTo(uid);
    }

    @Test
    void secretValueIsRefusedAndNothingIsCreated() {
        JobSpec bad = Jobs.spec(QUEUE, "dummy-service", "q1-bad", Map.of("ARANGO_PASSWORD", "pw"));

        assertThatThrownBy(() -> launcher.launch(bad))
                .isInstanceOf(PermanentException.class)
                .hasMessageContaining("ARANGO_PASSWORD_FILE");
        assertThat(client.batch().v1().jobs().inNamespace(NS).list().getItems()).isEmpty();
    }

    @Test
    void isRunningFollowsTheJobStatus() {
        assertThat(launcher.isRunning("q1-dummy-service")).isFalse();
        launcher.launch(spec(QUEUE, "q1-dummy-service"));
        assertThat(launcher.isRunning("q1-dummy-service")).as("created, no status").isTrue();

        setStatus("q1-dummy-service", new JobStatusBuilder().withActive(1).build());
        assertThat(launcher.isRunning("q1-dummy-service")).as("active").isTrue();

        setStatus(
                "q1-dummy-service",
                new JobStatusBuilder()
                        .withActive(0)
                        .withSucceeded(1)
                        .withConditions(
                                new JobConditionBuilder()
                                        .withType("Complete")
                                        .withStatus("True")
                                        .build())
                        .build());
        assertThat(launcher.isRunning("q1-dummy-service")).as("complete").isFalse();
    }

    @Test
    void failedJobIsNotRunningButAFalseConditionIsIgnored() {
        launcher.launch(spec(QUEUE, "q1-dummy-service"));
        setStatus("q1-dummy-service", failed("False"));
        assertThat(launcher.isRunning("q1-dummy-service")).isTrue();

        setStatus("q1-dummy-service", failed("True"));
        assertThat(launcher.isRunning("q1-dummy-service")).isFalse();
    }

    private static JobStatus failed(String conditionStatus) {
        return new JobStatusBuilder()
                .withFailed(1)
                .withConditions(
                        new JobConditionBuilder()
                                .withType("Failed")
                                .withStatus(conditionStatus)
                                .build())
                .build();
    }

    @Test
    void deleteRemovesTheJobAndIgnoresUnknownNames() {
        launcher.launch(spec(QUEUE, "q1-dummy-service"));

        launcher.delete("q1-dummy-service");
        launcher.delete("never-existed");

        assertThat(stored("q1-dummy-service")).isNull();
        assertThat(launcher.isRunning("q1-dummy-service")).isFalse();
    }

    @Test
    void deleteAfterRemovesAJobStillRunningAfterTheGrace() throws Exception {
        launcher.launch(spec(QUEUE, "q1-dummy-service"));
        setStatus("q1-dummy-service", new JobStatusBuilder().withActive(1).build());

        var pending = launcher.deleteAfter("q1-dummy-service", 200);
        assertThat(stored("q1-dummy-service")).as("still there during the grace").isNotNull();
        pending.get(5, TimeUnit.SECONDS);

        assertThat(stored("q1-dummy-service")).isNull();
        assertThat(launcher.pendingDeletes()).isEmpty();
    }

    @Test
    void deleteAfterLeavesAJobThatEndedToItsTtl() throws Exception {
        launcher.launch(spec(QUEUE, "q1-dummy-service"));
        setStatus(
                "q1-dummy-service",
                new JobStatusBuilder()
                        .withConditions(
                                new JobConditionBuilder()
                                        .withType("Complete")
                                        .withStatus("True")
                                        .build())
                        .build());

        launcher.deleteAfter("q1-dummy-service", 10).get(5, TimeUnit.SECONDS);

        assertThat(stored("q1-dummy-service")).isNotNull();
    }

    @Test
    void stopQueueSchedulesOnlyThatQueuesJobsAndCloseRunsThemNow() {
        launcher.launch(spec(QUEUE, "q1-a"));
        launcher.launch(spec(QUEUE, "q1-b"));
        launcher.launch(spec("loader-other-queue", "q2-a"));
        KubernetesJobLauncher slow =
                new KubernetesJobLauncher(
                        client,
                        new KubernetesLauncherSettings(
                                NS, null, null, Map.of(), null, null, 3_600_000));

        List<String> scheduled = slow.stopQueue(QUEUE);

        assertThat(scheduled).containsExactlyInAnyOrder("q1-a", "q1-b");
        assertThat(slow.pendingDeletes()).containsExactlyInAnyOrder("q1-a", "q1-b");
        assertThat(stored("q1-a")).isNotNull();
        slow.close();
        assertThat(stored("q1-a")).isNull();
        assertThat(stored("q1-b")).isNull();
        assertThat(stored("q2-a")).isNotNull();
    }

    @Test
    void anImmediateDeleteCancelsThePendingOne() {
        launcher.launch(spec(QUEUE, "q1-dummy-service"));
        var pending = launcher.deleteAfter("q1-dummy-service", 3_600_000);

        launcher.delete("q1-dummy-service");

        assertThat(pending.isCancelled()).isTrue();
        assertThat(launcher.pendingDeletes()).isEmpty();
    }
}
