package io.streamforge.app.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamforge.app.ApiClient;
import io.streamforge.app.LocalPlatform;
import io.streamforge.app.TelemetryLog;
import io.streamforge.domain.port.TimeSource;
import io.streamforge.domain.queue.StepRecord;
import io.streamforge.dummy.DummyWorker;
import io.streamforge.kafka.TelemetryEvent;
import io.streamforge.runtime.StopSignal;
import io.streamforge.runtime.WorkerRunner;
import io.streamforge.sim.SimConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Stops that stop, on the real local platform (Kafka, PostgreSQL, queue-manager, local launcher):
 * after {@code POST /queues/{id}/stop} the queue ends {@code interrupted} and no worker thread of
 * it is alive; a worker of the stopped queue started again (as Kubernetes would retry a pod) exits
 * at once with {@code interrupted} without working. The Kubernetes side (Jobs deleted with
 * background propagation after the grace period) is in the launcher contract against the fabric8
 * mock API server, since no Kubernetes API server can run here.
 */
class StopDeletesJobsIT {
    private static LocalPlatform platform;
    private static ApiClient api;

    @BeforeAll
    static void start() throws Exception {
        platform = Await.platform(SimConfig.defaults());
        api = new ApiClient(platform.apiUrl());
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void aStoppedQueueEndsInterruptedWithNoWorkerLeftAndARetriedWorkerDoesNotWork()
            throws Exception {
        var created = api.post("/queues/start-test-flow", "{\"records\":-1}");
        assertThat(created.status()).isEqualTo(201);
        String queueId = created.body().get("queue_id").asText();
        JsonNode running = Await.status(api, queueId, "running", Await.LONG);
        String job = running.get("steps").get(0).get("job_name").asText();
        Await.until(
                () ->
                        api.get("/queues/" + queueId)
                                .body()
                                .at("/steps/0/status")
                                .asText()
                                .equals("running"),
                Await.LONG,
                "the worker reported started");
        assertThat(platform.launcher().alive()).contains(job);

        assertThat(api.post("/queues/" + queueId + "/stop", "").status()).isEqualTo(202);
        JsonNode end = Await.status(api, queueId, "interrupted", Await.LONG);
        assertThat(end.at("/steps/0/status").asText()).isEqualTo("interrupted");
        Await.until(() -> !platform.launcher().alive().contains(job), Await.LONG, "thread ended");

        StepRecord step = platform.stores().queues().find(queueId).orElseThrow().steps().get(0);
        Map<String, String> env = new HashMap<>(step.env());
        env.put("KAFKA_BOOTSTRAP_SERVERS", platform.kafka().bootstrapServers());
        env.put("HTTP_PORT", "0");
        env.put("TELEMETRY_ID", step.telemetryId() + "-retry");
        int code =
                WorkerRunner.run(
                        DummyWorker.SERVICE,
                        env,
                        false,
                        DummyWorker::create,
                        new StopSignal(),
                        TimeSource.system());
        assertThat(code).isZero();
        List<TelemetryEvent> retry =
                TelemetryLog.read(platform.kafka().bootstrapServers(), queueId).stream()
                        .filter(e -> e.telemetryId().equals(step.telemetryId() + "-retry"))
                        .toList();
        assertThat(retry).extracting(TelemetryEvent::status).containsExactly("interrupted");
        assertThat(retry.get(0).message()).contains("stopped before this worker started");
    }
}
