package io.streamforge.app.rehearse;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The end of a rehearsal: SIGTERM to the Deployments, the log and metric checks, and the summary's
 * rows for Deployments, KEDA replicas and Jobs, written to the rehearsal's {@link Findings}.
 */
final class Teardown {
    private final Findings f;
    private final Path root;
    private final LocalDate firstDay;

    Teardown(Findings f, Path root, LocalDate firstDay) {
        this.f = f;
        this.root = root;
        this.firstDay = firstDay;
    }

    /** A row per replica KEDA's stand-in started and stopped. */
    void replicaRows(List<DeploymentReplicas.Replica> replicas) {
        for (DeploymentReplicas.Replica r : replicas) {
            boolean ok = r.exitCode() != null && r.exitCode() != -1;
            f.rows.add(
                    new Rehearsal.Row(
                            "deployment/" + r.pod().name() + " (KEDA replica)",
                            r.pod().service(),
                            f.checkEnv(r.pod(), false),
                            ok
                                    ? "started and stopped by KEDA's stand-in, SIGTERM -> exit "
                                            + r.exitCode()
                                    : r.pod().exitMessage(),
                            ok));
        }
    }

    /** The dashboards' and rules' metrics against the scrapes ({@link MetricCheck}). */
    void metricCheck(Map<String, ChildPod> running, Map<String, Set<String>> exposed) {
        MetricCheck m = MetricCheck.of(root, running, exposed);
        f.checks.add(m.line());
        m.lines().forEach(l -> f.checks.add("  " + l));
        f.failures.addAll(m.failures());
    }

    /**
     * SIGTERM to every Deployment's pod (its log records are flushed then), the log check, and one
     * row per Deployment.
     */
    void stopDeployments(
            Map<String, ChildPod> running,
            Map<String, String> metrics,
            ForwardReceiver receiver,
            Map<String, Integer> stoppedEarly)
            throws InterruptedException {
        Map<String, Integer> codes = new LinkedHashMap<>(stoppedEarly);
        for (Map.Entry<String, ChildPod> e : running.entrySet()) {
            if (codes.containsKey(e.getKey())) {
                continue;
            }
            boolean wasAlive = e.getValue().process().isAlive();
            int code = e.getValue().stop(30_000);
            codes.put(e.getKey(), wasAlive ? code : null);
        }
        LogCheck logs = LogCheck.of(receiver, IndexNames.of(root), running, firstDay);
        f.checks.add(logs.line());
        f.failures.addAll(logs.failures());
        for (Map.Entry<String, ChildPod> e : running.entrySet()) {
            ChildPod pod = e.getValue();
            Integer code = codes.get(e.getKey());
            String log = logs.perWorkload().get(e.getKey());
            boolean ok =
                    code != null
                            && code != -1
                            && !metrics.get(e.getKey()).startsWith("no")
                            && (log == null || !log.startsWith("logs: none"));
            String result =
                    code != null
                            ? "ready, "
                                    + metrics.get(e.getKey())
                                    + (log == null ? "" : ", " + log)
                                    + ", SIGTERM -> exit "
                                    + code
                            : pod.exitMessage();
            f.rows.add(
                    new Rehearsal.Row(
                            "deployment/" + e.getKey(),
                            pod.service(),
                            f.checkEnv(pod, false),
                            result,
                            ok));
        }
    }

    void jobRows(ProcessKubelet kubelet) {
        for (ProcessKubelet.JobRun run : kubelet.runs()) {
            ChildPod pod = run.pod();
            boolean ok = run.exitCode() != null && run.exitCode() == 0;
            String result =
                    pod == null
                            ? "not started"
                            : ok
                                    ? "exit 0"
                                    : run.deleted() ? "deleted, stopped" : pod.exitMessage();
            f.rows.add(
                    new Rehearsal.Row(
                            "job/" + run.job(),
                            pod == null ? "?" : pod.service(),
                            pod == null ? 0 : f.checkEnv(pod, true),
                            result,
                            ok || run.deleted()));
        }
        kubelet.errors().forEach(e -> f.failures.add("kubelet: " + e));
    }
}
