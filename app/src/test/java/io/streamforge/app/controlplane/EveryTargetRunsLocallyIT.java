package io.streamforge.app.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamforge.app.ApiClient;
import io.streamforge.app.LocalPlatform;
import io.streamforge.queuemanager.Targets;
import io.streamforge.sim.SimConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every target the API accepts runs in local mode: one pipeline through the real API with one step
 * per target, all started at once (no dependencies); each step's job is launched by the local
 * launcher, each worker reports {@code started} (the visualizer is a server, not a worker: its job
 * runs), then the stop ends every one of them.
 */
class EveryTargetRunsLocallyIT {
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
    void eachTargetStartsAndStops() throws Exception {
        List<String> steps = new ArrayList<>();
        for (String target : new TreeSet<>(Targets.ALL)) {
            steps.add("{\"target\":\"" + target + "\",\"depends_on\":[]}");
        }
        String body =
                "{\"symbols\":[\"BTCUSDT\"],\"time_range\":\"2024-01-01:2024-01-02\","
                        + "\"microservices\":["
                        + String.join(",", steps)
                        + "]}";
        var created = api.post("/queues/start-pipeline", body);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String queueId = created.body().get("queue_id").asText();

        Await.until(() -> allStarted(api.get("/queues/" + queueId).body()), Await.LONG, "started");
        JsonNode q = api.get("/queues/" + queueId).body();
        assertThat(q.get("steps")).hasSize(Targets.ALL.size());
        for (JsonNode s : q.get("steps")) {
            assertThat(platform.launcher().exists(s.get("job_name").asText()))
                    .as(s.get("target").asText())
                    .isTrue();
            assertThat(s.get("message").asText()).doesNotContain("no local entry point");
        }

        api.post("/queues/" + queueId + "/stop", "");
        Await.until(
                () -> {
                    String st = api.get("/queues/" + queueId).body().get("status").asText();
                    return !st.equals("running") && !st.equals("pending");
                },
                Await.LONG,
                "queue ended");
        Await.until(() -> platform.launcher().alive().isEmpty(), Await.LONG, "no job alive");
    }

    /** Every worker step left pending (reported started); the visualizer's job runs. */
    private boolean allStarted(JsonNode q) {
        for (JsonNode s : q.get("steps")) {
            boolean visualizer = s.get("target").asText().equals(Targets.VISUALIZER);
            boolean ok =
                    visualizer
                            ? platform.launcher().exists(s.get("job_name").asText())
                            : !s.get("status").asText().equals("pending");
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
