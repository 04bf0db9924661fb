package io.streamforge.app.rehearse;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.streamforge.app.ApiClient;
import io.streamforge.domain.Symbol;
import io.streamforge.embedded.EmbeddedKafkaBroker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * The live pipeline through the rehearsed queue-manager: with an {@code operator} token, a
 * loader-ws step ({@code kline_1m}: the simulator pushes a kline update every 2 s per symbol, so
 * records flow without raising its trade rate); once its Job's pod runs and the queue is {@code
 * running} (the worker's {@code started} telemetry arrived) and records reached the queue's topic,
 * {@code POST /queues/{id}/stop}: the queue must end {@code interrupted}, its Job must be gone from
 * the API server and the kubelet's child process with it.
 */
final class LiveScenario {
    private final List<Symbol> symbols;
    private final String days;
    private final Duration timeout;

    LiveScenario(List<Symbol> symbols, String days, Duration timeout) {
        this.symbols = List.copyOf(symbols);
        this.days = days;
        this.timeout = timeout;
    }

    String pipeline() {
        String syms = symbols.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(","));
        return "{\"symbols\":["
                + syms
                + "],\"time_range\":\""
                + days
                + "\",\"microservices\":[{\"target\":\"loader-ws\","
                + "\"params\":{\"streams\":\"kline_1m\"}}]}";
    }

    /**
     * Runs the scenario; returns the CHECK line's text.
     *
     * @throws IllegalStateException naming the first expectation that did not hold
     */
    String run(
            ApiClient api,
            KubernetesClient client,
            ProcessKubelet kubelet,
            EmbeddedKafkaBroker kafka)
            throws InterruptedException {
        String queueId = BackfillScenario.startPipeline(api, pipeline());
        String job = jobName(api, queueId);
        await(
                () -> run(kubelet, job).map(r -> r.pod().process().isAlive()).orElse(false),
                "the pod of Job " + job + " running");
        await(() -> status(api, queueId).equals("running"), "queue " + queueId + " running");
        await(() -> records(kafka, queueId) > 0, "records of " + queueId + " in its topic");
        long records = records(kafka, queueId);
        ApiClient.Answer stop = api.post("/queues/" + queueId + "/stop", "");
        if (stop.status() != 202) {
            throw new IllegalStateException("stop answered " + stop.status() + ": " + stop.body());
        }
        await(
                () -> !status(api, queueId).equals("running"),
                "queue " + queueId + " ended after the stop");
        String ended = status(api, queueId);
        if (!ended.equals("interrupted")) {
            throw new IllegalStateException("queue " + queueId + " ended " + ended);
        }
        await(
                () -> !run(kubelet, job).orElseThrow().pod().process().isAlive(),
                "the process of Job " + job + " gone");
        String[] fate = {""};
        await(() -> !(fate[0] = fate(client, job)).isEmpty(), "Job " + job + " deleted");
        return String.format(
                "live: loader-ws queue %s running, %,d records in its topic, stopped -> interrupted,"
                        + " its process gone, Job %s %s",
                queueId, records, job, fate[0]);
    }

    /**
     * "deleted" when the Job is gone; for a Job that ended by itself on the stop command (the
     * queue-manager deletes only one still running after the grace period) the cluster's TTL
     * controller deletes it, which has no stand-in: "ended, ttlSecondsAfterFinished=N"; else "".
     */
    private static String fate(KubernetesClient client, String job) {
        Job j = client.batch().v1().jobs().inNamespace(RenderedChart.NAMESPACE).withName(job).get();
        if (j == null) {
            return "deleted";
        }
        Integer ttl = j.getSpec().getTtlSecondsAfterFinished();
        boolean ended =
                j.getStatus() != null
                        && j.getStatus().getConditions() != null
                        && j.getStatus().getConditions().stream()
                                .anyMatch(
                                        c ->
                                                Set.of("Complete", "Failed").contains(c.getType())
                                                        && "True".equals(c.getStatus()));
        return ended && ttl != null ? "ended, ttlSecondsAfterFinished=" + ttl : "";
    }

    private String jobName(ApiClient api, String queueId) throws InterruptedException {
        String[] name = {""};
        await(
                () -> {
                    JsonNode steps = api.get("/queues/" + queueId).body().path("steps");
                    name[0] = steps.isEmpty() ? "" : steps.get(0).path("job_name").asText();
                    return !name[0].isEmpty();
                },
                "the live step's job name");
        return name[0];
    }

    private static String status(ApiClient api, String queueId) {
        JsonNode q = api.get("/queues/" + queueId).body();
        return q == null ? "" : q.path("status").asText();
    }

    private static Optional<ProcessKubelet.JobRun> run(ProcessKubelet kubelet, String job) {
        return kubelet.runs().stream()
                .filter(r -> r.job().equals(job) && r.pod() != null)
                .findFirst();
    }

    /** The end offsets of the queue's topic, summed (0 while it does not exist). */
    static long records(EmbeddedKafkaBroker kafka, String topic) {
        try (Admin admin = kafka.admin()) {
            if (!admin.listTopics().names().get().contains(topic)) {
                return 0;
            }
            var partitions =
                    admin.describeTopics(List.of(topic))
                            .allTopicNames()
                            .get()
                            .get(topic)
                            .partitions();
            Map<TopicPartition, OffsetSpec> latest =
                    partitions.stream()
                            .collect(
                                    Collectors.toMap(
                                            p -> new TopicPartition(topic, p.partition()),
                                            p -> OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get().values().stream()
                    .mapToLong(o -> o.offset())
                    .sum();
        } catch (java.util.concurrent.ExecutionException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private void await(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException("not seen within " + timeout.toSeconds() + " s: " + what);
    }
}
