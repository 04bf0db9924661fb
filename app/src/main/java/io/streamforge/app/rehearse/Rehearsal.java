package io.streamforge.app.rehearse;

import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.streamforge.app.ApiClient;
import io.streamforge.domain.Symbol;
import io.streamforge.domain.TimeRange;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The homelab rehearsal (ADR 3301): renders the chart, starts the real parts its manifests point at
 * ({@link RehearsalInfra}), runs every Deployment as a child JVM from its packaged jar with the
 * container's exact environment ({@link Pods}), lets the queue-manager launch its Jobs through its
 * Kubernetes launcher against the fabric8 mock API server where {@link ProcessKubelet} runs them,
 * drives a backfill through the API with an {@code operator} token ({@link BackfillScenario}; with
 * analytics the model in S3, {@link ModelCheck}) and a live pipeline it stops ({@link
 * LiveScenario}), scrapes every Deployment's and running Job's {@code /metrics}, stops everything,
 * checks the log records ({@link LogCheck}) and the referenced metrics ({@link MetricCheck}) and
 * reports one row per workload.
 */
public final class Rehearsal {
    /**
     * What to rehearse.
     *
     * @param root the repository (chart in {@code deploy/helm/streamforge}, jars in {@code
     *     services/<name>/target})
     * @param values a values file over the chart's defaults, or null for the defaults
     * @param days the backfill's {@code time_range}
     * @param killQueueManager SIGKILL the queue-manager's process once its Jobs run and start a new
     *     one: the pipeline must still finish exactly
     * @param identity the OIDC provider when the chart sets an issuer; null: a {@link LocalIssuer}
     * @param analytics graph-builder and gnn-trainer after the connector (their Jobs must exit 0)
     */
    public record Options(
            Path root,
            Path values,
            Path workDir,
            List<Symbol> symbols,
            String days,
            int aggTradesPerDay,
            Duration timeout,
            boolean killQueueManager,
            Identity identity,
            boolean analytics) {}

    /** One workload's line of the summary. */
    public record Row(String workload, String service, int envVars, String result, boolean ok) {}

    /**
     * The summary: rows, the host table's notes, the checks beyond the rows (logs, metrics) and
     * whether everything passed.
     */
    public record Result(
            String values,
            List<Row> rows,
            List<String> failures,
            List<String> notes,
            List<String> checks) {
        public boolean passed() {
            return failures.isEmpty() && rows.stream().allMatch(Row::ok);
        }
    }

    private final Options o;
    private final PrintStream out;
    private final Findings findings = new Findings();
    private final List<Row> rows = findings.rows;
    private final List<String> failures = findings.failures;
    private final List<String> notes = findings.notes;
    private final List<String> checks = findings.checks;
    private final Teardown teardown;
    private final Map<String, PodSpec> deployments = new LinkedHashMap<>();

    private Rehearsal(Options o, PrintStream out) {
        this.o = o;
        this.out = out;
        this.teardown = new Teardown(findings, o.root(), LocalDate.now(ZoneOffset.UTC));
    }

    /**
     * Runs the rehearsal.
     *
     * @throws IllegalArgumentException for a missing chart or values file
     * @throws IllegalStateException when a service's packaged jar is missing (names the command)
     */
    public static Result run(Options o, PrintStream out) throws InterruptedException {
        return new Rehearsal(o, out).run();
    }

    private Result run() throws InterruptedException {
        RenderedChart chart =
                RenderedChart.render(o.root().resolve("deploy/helm/streamforge"), o.values());
        ChartEnv env = new ChartEnv(chart);
        findings.chartEnv(env);
        List<String> missing = ServiceImage.missingOf(o.root(), env.services());
        if (!missing.isEmpty()) {
            throw new IllegalStateException(ServiceImage.missing(missing));
        }
        out.printf(
                "Rehearsing the chart with %s: %d Deployments, %d Job templates%n",
                chart.values(), chart.deployments().size(), chart.workerTemplates().size());
        try (RehearsalInfra infra =
                RehearsalInfra.start(
                        env, chart, o.workDir(), o.symbols(), o.aggTradesPerDay(), o.identity())) {
            Map<String, Integer> ports = Pods.servicePorts(chart, infra.hosts());
            infra.hosts().print(out);
            infra.printNotes(out);
            notes.addAll(infra.notes());
            Pods pods =
                    new Pods(
                            o.root(),
                            o.workDir(),
                            chart,
                            infra.hosts(),
                            infra,
                            infra.serviceAccountEnv());
            try (KubernetesClient client = infra.kubernetes().createClient();
                    ProcessKubelet kubelet = new ProcessKubelet(client, pods);
                    JobScrapes jobScrapes = new JobScrapes(kubelet);
                    LiveDeployments liveDeployments =
                            LiveDeployments.prepare(
                                            chart,
                                            infra,
                                            pods,
                                            o.symbols(),
                                            o.aggTradesPerDay(),
                                            TimeRange.parseDays(o.days()).startUs(),
                                            out)
                                    .orElse(null)) {
                Map<String, ChildPod> running = startDeployments(chart, pods, ports);
                if (failures.isEmpty()) {
                    scenario(infra, running, pods, kubelet);
                    live(infra, running, client, kubelet);
                }
                Map<String, Set<String>> exposed = new TreeMap<>(jobScrapes.exposed());
                jobScrapes.close();
                Map<String, String> metrics = MetricCheck.scrape(running, exposed);
                Map<String, Integer> stoppedEarly = new LinkedHashMap<>();
                if (liveDeployments != null) {
                    liveData(liveDeployments, running, stoppedEarly, infra);
                }
                teardown.stopDeployments(running, metrics, infra.logs(), stoppedEarly);
                teardown.metricCheck(running, exposed);
                kubelet.close();
                teardown.jobRows(kubelet);
            }
        }
        return findings.result(chart.values());
    }

    private Map<String, ChildPod> startDeployments(
            RenderedChart chart, Pods pods, Map<String, Integer> ports)
            throws InterruptedException {
        Map<String, ChildPod> running = new LinkedHashMap<>();
        List<Deployment> ordered = new ArrayList<>(chart.deployments());
        // the queue-manager first: the visualizer relays to it
        ordered.sort(
                (a, b) ->
                        Boolean.compare(
                                !service(a).equals("queue-manager"),
                                !service(b).equals("queue-manager")));
        for (Deployment d : ordered) {
            String name = d.getMetadata().getName();
            deployments.put(name, d.getSpec().getTemplate().getSpec());
            ChildPod pod = pods.start(name + "-0", deployments.get(name), ports.get(name));
            running.put(name, pod);
            out.printf("  started %s (%s) on port %d%n", name, pod.service(), pod.httpPort());
        }
        for (Map.Entry<String, ChildPod> e : running.entrySet()) {
            try {
                e.getValue().awaitReady(o.timeout());
                out.printf("  %s ready%n", e.getKey());
            } catch (IllegalStateException ex) {
                failures.add(ex.getMessage());
                out.println("FAILED: " + ex.getMessage());
            }
        }
        return running;
    }

    private static String service(Deployment d) {
        return d.getSpec().getTemplate().getSpec().getContainers().get(0).getName();
    }

    private void scenario(
            RehearsalInfra infra, Map<String, ChildPod> running, Pods pods, ProcessKubelet kubelet)
            throws InterruptedException {
        ChildPod qm = queueManager(running);
        if (qm == null) {
            failures.add("the chart renders no queue-manager Deployment");
            return;
        }
        BackfillScenario backfill = new BackfillScenario(o.symbols(), o.days(), o.analytics());
        ApiClient api = new ApiClient(qm.url(), infra.token(List.of("operator")));
        try {
            String queueId = backfill.start(api);
            out.printf("Backfill %s of %s started: queue %s%n", o.days(), o.symbols(), queueId);
            if (o.killQueueManager()) {
                qm = replaceQueueManager(qm, running, pods, kubelet);
                api = new ApiClient(qm.url(), infra.token(List.of("operator")));
            }
            backfill.awaitEnd(api, queueId, o.timeout());
            long[] counted = {0};
            List<String> problems = backfill.compare(qm.env(), infra.simulator().model(), counted);
            failures.addAll(problems);
            out.printf(
                    "Backfill finished: %,d records in the store, %s%n",
                    counted[0],
                    problems.isEmpty()
                            ? "exactly the simulator's"
                            : "NOT the simulator's: " + problems);
            if (o.analytics()) {
                String model = ModelCheck.of(kubelet, queueId);
                checks.add(model);
                out.println(model);
            }
        } catch (IllegalStateException e) {
            failures.add("backfill: " + e.getMessage());
            out.println("FAILED: backfill: " + e.getMessage());
        }
    }

    private static ChildPod queueManager(Map<String, ChildPod> running) {
        return running.values().stream()
                .filter(p -> p.service().equals("queue-manager"))
                .findFirst()
                .orElse(null);
    }

    /** The live pipeline, started and stopped through the API ({@link LiveScenario}). */
    private void live(
            RehearsalInfra infra,
            Map<String, ChildPod> running,
            KubernetesClient client,
            ProcessKubelet kubelet)
            throws InterruptedException {
        ChildPod qm = queueManager(running);
        if (qm == null || !failures.isEmpty()) {
            return;
        }
        ApiClient api = new ApiClient(qm.url(), infra.token(List.of("operator")));
        try {
            String line =
                    new LiveScenario(o.symbols(), o.days(), o.timeout())
                            .run(api, client, kubelet, infra.kafka());
            checks.add(line);
            out.println(line);
        } catch (IllegalStateException e) {
            failures.add("live: " + e.getMessage());
            out.println("FAILED: live: " + e.getMessage());
        }
    }

    /**
     * Once the queue-manager has created Jobs, SIGKILL its process (no shutdown hook) and start a
     * new pod of the same Deployment on the same Service port, as the ReplicaSet would.
     */
    private ChildPod replaceQueueManager(
            ChildPod qm, Map<String, ChildPod> running, Pods pods, ProcessKubelet kubelet)
            throws InterruptedException {
        long end = System.nanoTime() + o.timeout().toNanos();
        while (kubelet.runs().isEmpty() && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        if (kubelet.runs().isEmpty()) {
            throw new IllegalStateException("the queue-manager created no Job");
        }
        qm.process().destroyForcibly();
        qm.process().waitFor();
        String deployment = qm.name().substring(0, qm.name().lastIndexOf('-'));
        out.printf(
                "  %s killed (SIGKILL) with %d Job(s) running; starting a new pod%n",
                qm.name(), kubelet.runs().size());
        rows.add(
                new Row(
                        "deployment/" + deployment + " (first pod)",
                        qm.service(),
                        findings.checkEnv(qm, false),
                        "SIGKILL mid-backfill, replaced",
                        true));
        ChildPod next = pods.start(deployment + "-1", deployments.get(deployment), qm.httpPort());
        running.put(deployment, next);
        next.awaitReady(o.timeout());
        return next;
    }

    /**
     * The live Deployments ({@link LiveDeployments}): KEDA's scaling, then their data in the store;
     * a row per replica KEDA's stand-in started.
     */
    private void liveData(
            LiveDeployments live,
            Map<String, ChildPod> running,
            Map<String, Integer> stoppedEarly,
            RehearsalInfra infra)
            throws InterruptedException {
        try {
            if (failures.isEmpty()) {
                live.awaitScaling(o.timeout());
                failures.addAll(live.checkData(running, stoppedEarly, infra, o.timeout()));
            }
        } catch (IllegalStateException e) {
            failures.add("live deployments: " + e.getMessage());
            out.println("FAILED: live deployments: " + e.getMessage());
        }
        live.lines().forEach(out::println);
        checks.addAll(live.lines());
        teardown.replicaRows(live.stopReplicas());
    }
}
