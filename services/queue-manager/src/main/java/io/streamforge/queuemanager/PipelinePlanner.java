package io.streamforge.queuemanager;

import io.streamforge.domain.Ids;
import io.streamforge.domain.Micros;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.port.TimeSource;
import io.streamforge.domain.queue.JobSpec;
import io.streamforge.domain.queue.QueueRecord;
import io.streamforge.domain.queue.QueueStatus;
import io.streamforge.domain.queue.StepRecord;
import io.streamforge.domain.queue.StepStatus;
import io.streamforge.kafka.Topics;
import io.streamforge.registry.ServiceRegistry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Turns a validated request into a queue record, its steps and their job specs (the seed's id
 * rules).
 */
public final class PipelinePlanner {
    /** A planned pipeline: what to persist and what to launch per telemetry id. */
    public record Plan(QueueRecord queue, Map<String, JobSpec> jobs) {
        /** The queue whose planned steps carry their job specs: what the store persists. */
        public QueueRecord queueWithJobs() {
            return queue.withSteps(
                    queue.steps().stream()
                            .map(
                                    s ->
                                            jobs.containsKey(s.telemetryId())
                                                    ? s.withJob(jobs.get(s.telemetryId()))
                                                    : s)
                            .toList());
        }
    }

    private final TimeSource time;
    private final Supplier<String> shortIds;
    private final Map<String, String> images;

    public PipelinePlanner(TimeSource time, Supplier<String> shortIds, Map<String, String> images) {
        this.time = time;
        this.shortIds = shortIds;
        this.images = Map.copyOf(images);
    }

    public Plan plan(PipelineRequest req, String specJson) {
        String shortId = shortIds.get();
        String firstType =
                req.steps().stream()
                        .filter(s -> Targets.isLoader(s.target()))
                        .map(StepSpec::type)
                        .findFirst()
                        .orElse(req.steps().get(0).type());
        String symbolPart = req.symbols().size() == 1 ? req.symbols().get(0).value() : "multi";
        LocalDate first =
                req.timeRange() != null ? req.timeRange().firstDay() : Micros.toDate(time.nowUs());
        String queueId = Ids.queueId(symbolPart, firstType, first, shortId);
        String topic = Topics.data(queueId);
        List<String> telemetryIds = telemetryIds(req.steps(), shortId);
        String loaders = loaderIds(req.steps(), telemetryIds);
        Set<String> present =
                req.steps().stream().map(StepSpec::target).collect(Collectors.toSet());
        String symbols = req.symbols().stream().map(Symbol::value).collect(Collectors.joining(","));
        long now = time.nowUs();
        List<StepRecord> steps = new ArrayList<>();
        Map<String, JobSpec> jobs = new LinkedHashMap<>();
        for (int i = 0; i < req.steps().size(); i++) {
            StepSpec s = req.steps().get(i);
            String tid = telemetryIds.get(i);
            String jobName =
                    Ids.k8sName(
                            queueId + "-" + s.target() + (tid.endsWith("_" + i) ? "-" + i : ""));
            List<String> deps =
                    s.dependsOn() != null
                            ? s.dependsOn()
                            : Targets.defaultDependsOn(s.target(), present);
            steps.add(
                    new StepRecord(
                            queueId,
                            s.target(),
                            s.type(),
                            tid,
                            jobName,
                            deps,
                            StepStatus.PENDING,
                            0,
                            "",
                            now));
            Map<String, String> offered = new LinkedHashMap<>(s.extraEnv());
            offered.put("QUEUE_ID", queueId);
            offered.put("TELEMETRY_ID", tid);
            offered.put("TYPE", s.type());
            offered.put("SYMBOLS", symbols);
            offered.put("KAFKA_TOPIC", topic);
            if (req.timeRangeText() != null) {
                offered.put("TIME_RANGE", req.timeRangeText());
            }
            if (s.interval() != null) {
                offered.put("INTERVAL", s.interval());
            }
            offered.put(
                    "COLLECTION_NAME", s.collectionName() != null ? s.collectionName() : queueId);
            offered.put("EXPECTED_PRODUCERS", loaders);
            Map<String, String> env = LaunchEnv.of(ServiceRegistry.of(s.target()), offered);
            String image = s.image() != null ? s.image() : images.getOrDefault(s.target(), "");
            jobs.put(tid, new JobSpec(queueId, tid, s.target(), jobName, image, env));
        }
        QueueRecord q =
                new QueueRecord(
                        queueId,
                        shortId,
                        req.symbols().stream().map(Symbol::value).toList(),
                        firstType,
                        req.timeRangeText(),
                        topic,
                        queueId,
                        QueueStatus.PENDING,
                        now,
                        now,
                        specJson,
                        steps);
        return new Plan(q, jobs);
    }

    private static List<String> telemetryIds(List<StepSpec> steps, String shortId) {
        List<String> ids = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (int i = 0; i < steps.size(); i++) {
            String id = Ids.telemetryId(steps.get(i).target(), shortId);
            if (!used.add(id)) {
                id = id + "_" + i;
                used.add(id);
            }
            ids.add(id);
        }
        return ids;
    }

    private static String loaderIds(List<StepSpec> steps, List<String> telemetryIds) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            if (Targets.isLoader(steps.get(i).target())) {
                out.add(telemetryIds.get(i));
            }
        }
        return String.join(",", out);
    }
}
