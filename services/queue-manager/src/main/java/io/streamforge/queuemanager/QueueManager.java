package io.streamforge.queuemanager;

import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.streamforge.domain.Ids;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.port.CoverageLedger;
import io.streamforge.domain.port.JobLauncher;
import io.streamforge.domain.port.QueueStore;
import io.streamforge.domain.port.TimeSource;
import io.streamforge.domain.queue.JobSpec;
import io.streamforge.domain.queue.QueueRecord;
import io.streamforge.kafka.Json;
import io.streamforge.kafka.KafkaSettings;
import io.streamforge.kafka.TelemetryEvent;
import io.streamforge.queuemanager.coverage.ResumeRanges;
import io.streamforge.runtime.auth.HttpAuth;
import io.streamforge.runtime.auth.OidcSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/** The queue-manager wired together: API, orchestrator, telemetry consumer, Kafka messaging. */
public final class QueueManager implements ApiServer.Backend, AutoCloseable {
    /**
     * Settings of the manager itself (the store and launcher are passed in). {@code readyStaleMs}:
     * readiness is DOWN when Kafka or the store did not answer for this long; {@code loopStallMs}:
     * DOWN when the telemetry loop made no pass for this long; {@code sseClientBuffer}: events
     * buffered per SSE client before it is dropped; {@code sseReplayEvents}: events kept for {@code
     * Last-Event-ID} resumes.
     */
    public record Settings(
            KafkaSettings kafka,
            String host,
            int port,
            int partitions,
            Map<String, String> images,
            long graceMs,
            long readyStaleMs,
            long loopStallMs,
            int sseClientBuffer,
            int sseReplayEvents) {

        /** With the default health and SSE limits. */
        public Settings(
                KafkaSettings kafka,
                String host,
                int port,
                int partitions,
                Map<String, String> images,
                long graceMs) {
            this(
                    kafka,
                    host,
                    port,
                    partitions,
                    images,
                    graceMs,
                    ControlPlaneLimits.DEFAULTS.readyStaleMs(),
                    ControlPlaneLimits.DEFAULTS.loopStallMs(),
                    ControlPlaneLimits.DEFAULTS.sseClientBuffer(),
                    ControlPlaneLimits.DEFAULTS.sseReplayEvents());
        }
    }

    /**
     * Who may call the API ({@link HttpAuth}) and the image each target's job template runs (a
     * request may name that image and no other).
     */
    public record Access(HttpAuth auth, Function<String, Optional<String>> templateImages) {
        /** No issuer: allowed on a loopback host only (else a ConfigException); no images. */
        public static Access local(String host) {
            return new Access(
                    HttpAuth.forBind(OidcSettings.DISABLED, host, "queue-manager"),
                    target -> Optional.empty());
        }
    }

    private final KafkaMessaging messaging;
    private final PrometheusMeterRegistry registry =
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Orchestrator orchestrator;
    private final PipelinePlanner planner;
    private final Predicate<Symbol> knownSymbols;
    private final Function<String, Optional<String>> templateImages;
    private final ApiServer api;
    private final TelemetryConsumer consumer;
    private final Health health;

    public QueueManager(
            Settings s,
            QueueStore store,
            JobLauncher launcher,
            Predicate<Symbol> knownSymbols,
            TimeSource time) {
        this(s, store, null, launcher, knownSymbols, time);
    }

    /** With a coverage ledger, {@code GET /queues/{id}/coverage} is served. */
    public QueueManager(
            Settings s,
            QueueStore store,
            CoverageLedger coverage,
            JobLauncher launcher,
            Predicate<Symbol> knownSymbols,
            TimeSource time) {
        this(s, store, coverage, launcher, knownSymbols, time, Access.local(s.host()));
    }

    /** With access control (OIDC) and the job templates' images. */
    public QueueManager(
            Settings s,
            QueueStore store,
            CoverageLedger coverage,
            JobLauncher launcher,
            Predicate<Symbol> knownSymbols,
            TimeSource time,
            Access access) {
        registry.config().commonTags("service", "queue-manager");
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        this.knownSymbols = knownSymbols;
        this.templateImages = access.templateImages();
        this.messaging = new KafkaMessaging(s.kafka(), time, s.partitions());
        messaging.ensureControlTopics();
        this.planner = new PipelinePlanner(time, Ids::shortId, s.images());
        ApiServer[] apiRef = new ApiServer[1];
        this.orchestrator =
                new Orchestrator(
                        store,
                        launcher,
                        messaging,
                        time,
                        e -> publish(apiRef[0], e),
                        s.graceMs(),
                        this::error);
        if (coverage != null) { // a resumed loader fetches only what the ledger lacks
            orchestrator.resumedJobs(new ResumeRanges(coverage, time));
        }
        this.health =
                new Health(s.readyStaleMs(), s.loopStallMs(), System::currentTimeMillis)
                        .probeKafka(s.kafka(), Math.max(250, s.readyStaleMs() / 4));
        EventHub hub = new EventHub(s.sseClientBuffer(), s.sseReplayEvents(), time.nowUs());
        registry.gauge("streamforge_queue_manager_sse_clients", hub, EventHub::clients);
        registry.more()
                .counter(
                        "streamforge_queue_manager_sse_dropped_clients",
                        List.of(),
                        hub,
                        EventHub::droppedClients);
        this.api =
                new ApiServer(
                        s.host(), s.port(), this, store, registry, coverage, hub, access.auth());
        apiRef[0] = api;
        for (String stage : List.of("handle", "reconcile", "commit", "poll", "launch", "stop")) {
            errorCounter(stage); // every stage visible at 0
        }
        this.consumer =
                new TelemetryConsumer(
                        s.kafka(),
                        orchestrator::onTelemetry,
                        orchestrator::reconcile,
                        health,
                        this::error);
        health.watchLoop(consumer::alive);
        // the consumer's lag is only fresh while Kafka answers: both, or no job is judged gone
        orchestrator.telemetryCurrent(() -> health.kafkaUp() && consumer.caughtUpWithin(3_000));
        consumer.start();
    }

    private io.micrometer.core.instrument.Counter errorCounter(String stage) {
        return registry.counter("streamforge_queue_manager_errors_total", "stage", stage);
    }

    private void error(String stage) {
        errorCounter(stage).increment();
    }

    @Override
    public Map<String, Object> readiness() {
        return health.details();
    }

    @Override
    public boolean live() {
        return health.live();
    }

    public Health health() {
        return health;
    }

    private void publish(ApiServer server, TelemetryEvent e) {
        registry.counter("streamforge_queue_manager_telemetry_total", "status", e.status())
                .increment();
        if (server != null) {
            server.publish(e);
        }
    }

    @Override
    public QueueRecord startPipeline(byte[] body) {
        PipelineRequest req = PipelineRequest.parse(body, knownSymbols, templateImages);
        return orchestrator.start(planner.plan(req, new String(body, StandardCharsets.UTF_8)));
    }

    /**
     * A pipeline of one dummy-service step: {@code {"symbol"?, "records"?, "ms_per_record"?,
     * "fail_after"?}}.
     */
    @Override
    public QueueRecord startTestFlow(byte[] body) {
        Map<String, Object> in = new LinkedHashMap<>();
        try {
            if (body.length > 0) {
                in.putAll(Json.MAPPER.readValue(body, Map.class));
            }
        } catch (IOException e) {
            throw new ProblemException(
                    400, "body", "malformed JSON: " + e.getMessage().split("\n")[0]);
        }
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("target", Targets.DUMMY);
        step.put("type", "test");
        Map<String, Object> req = new LinkedHashMap<>();
        req.put("symbol", in.getOrDefault("symbol", "BTCUSDT"));
        req.put("microservices", List.of(step));
        try {
            byte[] pipeline = Json.MAPPER.writeValueAsBytes(req);
            PipelineRequest parsed = PipelineRequest.parse(pipeline, s -> true);
            PipelinePlanner.Plan plan =
                    planner.plan(parsed, new String(pipeline, StandardCharsets.UTF_8));
            var job = plan.jobs().values().iterator().next();
            Map<String, String> env = new LinkedHashMap<>(job.env());
            env.put("SIMULATE_RECORDS", String.valueOf(in.getOrDefault("records", 100)));
            env.put("SIMULATE_MS_PER_RECORD", String.valueOf(in.getOrDefault("ms_per_record", 10)));
            env.put("SIMULATE_FAIL_AFTER", String.valueOf(in.getOrDefault("fail_after", -1)));
            var withEnv =
                    new JobSpec(
                            job.queueId(),
                            job.telemetryId(),
                            job.target(),
                            job.jobName(),
                            job.image(),
                            env);
            return orchestrator.start(
                    new PipelinePlanner.Plan(plan.queue(), Map.of(job.telemetryId(), withEnv)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean stop(String queueId) {
        return orchestrator.stop(queueId);
    }

    @Override
    public QueueRecord resume(String queueId) {
        return orchestrator.resume(queueId);
    }

    /**
     * Platform shutdown: new pipelines get 503, open queues end interrupted with {@code reason}.
     */
    public List<String> interruptAll(String reason) {
        return orchestrator.interruptAll(reason);
    }

    public int port() {
        return api.port();
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        consumer.close();
        api.close();
        health.close();
        messaging.close();
    }
}
