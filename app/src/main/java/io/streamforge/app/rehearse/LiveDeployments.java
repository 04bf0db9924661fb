package io.streamforge.app.rehearse;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.streamforge.app.rehearse.RenderedChart.KafkaTrigger;
import io.streamforge.app.rehearse.RenderedChart.ScaledObject;
import io.streamforge.domain.MarketRecord;
import io.streamforge.domain.Symbol;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The live Deployments (ADR 3001) in the rehearsal: before any pod starts, a backlog on a live
 * topic ({@link LiveBacklog}) and KEDA's stand-in ({@link KedaStandIn}) on the rendered
 * ScaledObject, which scales the live connector's processes by the group's real lag; after the
 * scenarios, the scale-up and the scale-back are required, the loader-ws Deployment is stopped, the
 * group must reach lag 0, and the store must hold exactly the live topics' records ({@link
 * LiveDataCheck}).
 */
final class LiveDeployments implements AutoCloseable {
    /** The rehearsal's compressed KEDA timing (printed; see {@link KedaStandIn}). */
    static final Duration POLL = Duration.ofSeconds(1);

    static final Duration SCALE_DOWN_WINDOW = Duration.ofSeconds(5);

    private final String connector;
    private final List<String> topics;
    private final String group;
    private final String loader;
    private final PrintStream out;
    private final List<String> lines = new ArrayList<>();
    private DeploymentReplicas replicas;
    private KedaStandIn keda;
    private LiveBacklog.Plan plan;
    private int backlog;

    private LiveDeployments(
            String connector, List<String> topics, String group, String loader, PrintStream out) {
        this.connector = connector;
        this.topics = topics;
        this.group = group;
        this.loader = loader;
        this.out = out;
    }

    /**
     * The live connector Deployment of the chart ({@code CONNECTOR_MODE=live}), empty when it
     * renders none; writes the backlog and starts KEDA's stand-in when a ScaledObject targets it.
     */
    static Optional<LiveDeployments> prepare(
            RenderedChart chart,
            RehearsalInfra infra,
            Pods pods,
            List<Symbol> symbols,
            int aggTradesPerDay,
            long backlogEndUs,
            PrintStream out) {
        Deployment conn = withEnv(chart, "CONNECTOR_MODE", "live");
        if (conn == null) {
            return Optional.empty();
        }
        String name = conn.getMetadata().getName();
        Deployment ws = withEnv(chart, "LOADER_MODE", "live");
        LiveDeployments live =
                new LiveDeployments(
                        name,
                        List.of(env(conn, "KAFKA_TOPICS").split(",")),
                        env(conn, "GROUP_ID"),
                        ws == null ? null : ws.getMetadata().getName(),
                        out);
        ScaledObject so =
                chart.scaledObjects().stream()
                        .filter(s -> s.deployment().equals(name))
                        .findFirst()
                        .orElse(null);
        if (so == null) {
            live.lines.add("KEDA: no ScaledObject for " + name + " in these values");
            return Optional.of(live);
        }
        live.startKeda(
                so,
                infra,
                pods,
                conn.getSpec().getTemplate().getSpec(),
                symbols,
                aggTradesPerDay,
                backlogEndUs);
        return Optional.of(live);
    }

    private void startKeda(
            ScaledObject so,
            RehearsalInfra infra,
            Pods pods,
            PodSpec spec,
            List<Symbol> symbols,
            int aggTradesPerDay,
            long backlogEndUs) {
        plan = LiveBacklog.plan(so, symbols.size(), aggTradesPerDay, backlogEndUs).orElse(null);
        if (plan != null) {
            List<MarketRecord> records =
                    LiveBacklog.records(plan, infra.simulator().model(), symbols);
            backlog = LiveBacklog.produce(infra.kafka(), plan, records);
            out.printf(
                    "  backlog: %,d records on %s (the simulator's %s), as after a connector outage%n",
                    backlog,
                    plan.trigger().topic(),
                    java.time.Instant.ofEpochMilli(plan.range().startUs() / 1000)
                            + " .. "
                            + java.time.Instant.ofEpochMilli(plan.range().endUs() / 1000));
        }
        out.printf(
                "  KEDA stand-in for %s: replicas %d..%d, lagThreshold %d; pollingInterval %d s"
                        + " run as %d s, the HPA's 300 s scale-down window as %d s%n",
                so.deployment(),
                so.min(),
                so.max(),
                so.triggers().get(0).lagThreshold(),
                so.pollingIntervalS(),
                POLL.toSeconds(),
                SCALE_DOWN_WINDOW.toSeconds());
        replicas = new DeploymentReplicas(pods, so.deployment(), spec);
        keda =
                new KedaStandIn(so, infra.kafka()::admin, replicas, POLL, SCALE_DOWN_WINDOW, out)
                        .start();
    }

    /**
     * The scaling: with a backlog, KEDA's stand-in must have scaled the connector up to the plan's
     * replicas, and back to its floor once the lag drained. Throws naming what did not happen.
     */
    void awaitScaling(Duration timeout) throws InterruptedException {
        if (keda == null || plan == null) {
            return;
        }
        int floor = Math.max(1, keda.scaledObject().min());
        keda.awaitReplicas(floor, timeout);
        List<KedaStandIn.Change> changes = keda.changes();
        boolean up = changes.stream().anyMatch(c -> c.from() < c.to() && c.to() == plan.replicas());
        if (!up) {
            throw new IllegalStateException(
                    "KEDA stand-in: "
                            + connector
                            + " never scaled to "
                            + plan.replicas()
                            + " replicas for a backlog of "
                            + backlog
                            + ": "
                            + changes);
        }
        lines.add(
                String.format(
                        "KEDA: %s scaled by its group's lag %s (backlog %,d on %s)",
                        connector, changes, backlog, plan.trigger().topic()));
    }

    /**
     * Stops the loader-ws Deployment's pod (its code goes to {@code stopped}), waits until the
     * connector's group has consumed every live topic, and compares the store with the topics.
     * Returns the problems.
     */
    List<String> checkData(
            Map<String, ChildPod> running,
            Map<String, Integer> stopped,
            RehearsalInfra infra,
            Duration timeout)
            throws InterruptedException {
        if (loader != null && running.containsKey(loader)) {
            stopped.put(loader, running.get(loader).stop(30_000));
        }
        awaitNoLag(infra, timeout);
        Map<String, MarketRecord> expected = LiveDataCheck.topicRecords(infra.kafka(), topics);
        List<String> problems =
                new ArrayList<>(LiveDataCheck.compare(running.get(connector).env(), expected));
        int fromLoader = expected.size() - backlog;
        if (loader != null && fromLoader <= 0) {
            problems.add(
                    "the live loader "
                            + loader
                            + " wrote no record to "
                            + String.join(",", topics)
                            + " (see its container.log)");
        }
        lines.add(
                String.format(
                        "live data: %,d records on %s (%,d from %s, %,d backlog), %s",
                        expected.size(),
                        String.join(",", topics),
                        fromLoader,
                        loader,
                        backlog,
                        problems.isEmpty()
                                ? "exactly in the store of " + connector
                                : "NOT in the store: " + problems));
        return problems;
    }

    private void awaitNoLag(RehearsalInfra infra, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        long lag = -1;
        while (System.nanoTime() < end) {
            lag = lag(infra);
            if (lag == 0) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(
                "live connector group "
                        + group
                        + " still has lag "
                        + lag
                        + " after "
                        + timeout.toSeconds()
                        + " s");
    }

    private long lag(RehearsalInfra infra) {
        long lag = 0;
        try (var admin = infra.kafka().admin()) {
            for (String topic : topics) {
                // KEDA's lag under offsetResetPolicy earliest, uncapped
                KafkaTrigger t = new KafkaTrigger(topic, group, 1, 0, true, true);
                lag += KedaRule.metric(t, KedaStandIn.offsets(admin, t));
            }
        }
        return lag;
    }

    /** The CHECK lines (KEDA, live data). */
    List<String> lines() {
        return List.copyOf(lines);
    }

    /** Stops KEDA's stand-in and the replicas beyond the first; returns those replicas. */
    List<DeploymentReplicas.Replica> stopReplicas() throws InterruptedException {
        if (keda == null) {
            return List.of();
        }
        keda.close();
        return replicas.stopAll();
    }

    @Override
    public void close() throws InterruptedException {
        stopReplicas();
    }

    private static Deployment withEnv(RenderedChart chart, String name, String value) {
        return chart.deployments().stream()
                .filter(d -> value.equals(env(d, name)))
                .findFirst()
                .orElse(null);
    }

    private static String env(Deployment d, String name) {
        for (EnvVar v : d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()) {
            if (v.getName().equals(name)) {
                return v.getValue();
            }
        }
        return null;
    }
}
