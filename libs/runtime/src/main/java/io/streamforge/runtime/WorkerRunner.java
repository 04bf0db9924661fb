package io.streamforge.runtime;

import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.streamforge.domain.port.TimeSource;
import io.streamforge.kafka.KafkaClients;
import io.streamforge.registry.ServiceRegistry;
import io.streamforge.runtime.logging.FluentForwarding;
import io.streamforge.runtime.logging.LogFields;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker skeleton: validate config (exit 2 on error) → serve health/metrics → listen for
 * control commands → send {@code started} → run → {@code finished} (exit 0), {@code interrupted}
 * after a stop (exit 0) or {@code error} (exit 1). Used by every service's {@code main()} and, in
 * one JVM, by the local job launcher.
 */
public final class WorkerRunner {
    public static final int OK = 0;
    public static final int FAILED = 1;
    private static final Logger LOG = LoggerFactory.getLogger(WorkerRunner.class);

    /**
     * How long SIGTERM waits for the worker to end: within Kubernetes' default 30 s grace period.
     */
    static final long SIGTERM_WAIT_MS = 25_000;

    private WorkerRunner() {}

    /** Entry point for {@code main()}: runs, then exits the JVM with the exit code. */
    public static void main(String service, boolean symbolsRequired, Worker.Factory factory) {
        ServiceRegistry.of(service); // a deployed worker is one the registry describes
        // one worker per JVM (a pod): every thread's log lines carry its ids
        LogFields.setProcess(service, System.getenv("QUEUE_ID"), System.getenv("TELEMETRY_ID"));
        if (!ServiceMain.forwardLogs(service, System.getenv())) {
            System.exit(ConfigException.EXIT_CODE);
        }
        StopSignal stop = new StopSignal();
        // SIGTERM: the worker finishes its batch (commit, offsets, telemetry) before the JVM halts
        CountDownLatch done = ServiceMain.onSigterm(service, stop, SIGTERM_WAIT_MS);
        int code =
                run(service, System.getenv(), symbolsRequired, factory, stop, TimeSource.system());
        done.countDown();
        // during a SIGTERM shutdown this blocks until the hook returns, and the JVM halts then
        System.exit(code);
    }

    /** How a worker ended: its exit code and, for a failure, what failed. */
    public record Outcome(int code, Throwable failure) {
        static Outcome ok() {
            return new Outcome(OK, null);
        }
    }

    public static int run(
            String service,
            Map<String, String> env,
            boolean symbolsRequired,
            Worker.Factory factory,
            StopSignal stop,
            TimeSource time) {
        return outcome(service, env, symbolsRequired, factory, stop, time).code();
    }

    /** As {@link #run}, keeping the failure for callers that report it (benches, tests). */
    public static Outcome outcome(
            String service,
            Map<String, String> env,
            boolean symbolsRequired,
            Worker.Factory factory,
            StopSignal stop,
            TimeSource time) {
        // several workers in one JVM (local mode): the worker's thread carries its own ids
        try (LogFields.Scope ids =
                LogFields.open(service, env.get("QUEUE_ID"), env.get("TELEMETRY_ID"))) {
            // a service the registry knows is held to its descriptor; test doubles are not
            ConfigReader reader = new ConfigReader(env, ServiceRegistry.find(service).orElse(null));
            WorkerConfig config;
            Worker worker;
            try {
                config = WorkerConfig.read(reader, service, symbolsRequired);
                worker = factory.create(reader, config);
                reader.validate();
            } catch (ConfigException e) {
                LOG.error("{}: {}", service, e.getMessage());
                return new Outcome(ConfigException.EXIT_CODE, e);
            }
            return runValidated(config, worker, stop, time);
        }
    }

    private static Outcome runValidated(
            WorkerConfig config, Worker worker, StopSignal stop, TimeSource time) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags("service", config.service(), "queue_id", config.queueId());
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        FluentForwarding.active().ifPresent(f -> f.bindTo(registry));
        AtomicBoolean ready = new AtomicBoolean(false);
        long startMs = time.nowMs();
        try (JvmGcMetrics gc = new JvmGcMetrics();
                HealthServer health = new HealthServer(config.httpPort(), registry, ready::get);
                KafkaProducer<String, byte[]> producer =
                        KafkaClients.producer(config.kafka(), config.telemetryId() + "-telemetry");
                KafkaClientMetrics producerMetrics = new KafkaClientMetrics(producer)) {
            gc.bindTo(registry);
            producerMetrics.bindTo(registry);
            Telemetry telemetry = new Telemetry(producer, config, time, registry);
            try (ControlListener control =
                    new ControlListener(
                            config.kafka(),
                            config.queueId(),
                            config.service(),
                            startMs - 5_000,
                            cmd -> {
                                if (cmd.command().equals("stop")) {
                                    stop.stop("stop command");
                                } else if (cmd.command().equals("ping")) {
                                    telemetry.send("pong", "health port " + health.port(), 0);
                                }
                            })) {
                ready.set(true);
                return execute(
                        config, worker, new WorkerContext(config, telemetry, stop, registry, time));
            }
        } catch (RuntimeException e) {
            LOG.error("{} could not start: {}", config.service(), e.toString(), e);
            return new Outcome(FAILED, e);
        }
    }

    private static Outcome execute(WorkerConfig config, Worker worker, WorkerContext ctx) {
        if (ctx.stop().stopped()) { // e.g. a retried pod of a queue stopped before it started
            ctx.telemetry().send("interrupted", "queue stopped before this worker started", 0);
            return Outcome.ok();
        }
        ctx.telemetry().send("started", config.service() + " started", 0);
        try {
            long written = worker.run(ctx);
            if (ctx.stop().stopped()) {
                ctx.telemetry().send("interrupted", "stopped: " + ctx.stop().reason(), written);
                return Outcome.ok();
            }
            ctx.telemetry().send("finished", "done", written, null, ctx.telemetry().finishExtra());
            return Outcome.ok();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ctx.telemetry().send("interrupted", "interrupted", 0);
            return Outcome.ok();
        } catch (Exception e) {
            if (ctx.stop().stopped()) {
                ctx.telemetry().send("interrupted", "stopped: " + ctx.stop().reason(), 0);
                return Outcome.ok();
            }
            LOG.error("{} failed", config.service(), e);
            ctx.telemetry().send("error", "failed", 0, String.valueOf(e.getMessage()), null);
            return new Outcome(FAILED, e);
        }
    }
}
