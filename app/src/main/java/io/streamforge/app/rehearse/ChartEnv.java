package io.streamforge.app.rehearse;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.streamforge.registry.ServiceRegistry;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rendered containers' literal environment (Deployments and the worker Job templates): where
 * the rehearsal reads what the chart points at — the Kafka bootstrap, the JDBC URL, the S3
 * endpoint, the issuer — so the local parts follow the rendering, not a second copy of the values.
 */
final class ChartEnv {
    /** One rendered container: pod (deployment/NAME or job/TEMPLATE), service, literal env. */
    record Workload(String pod, String service, PodSpec spec, Map<String, String> env) {}

    private final Map<String, Workload> workloads = new LinkedHashMap<>();

    ChartEnv(RenderedChart chart) {
        for (Deployment d : chart.deployments()) {
            add("deployment/" + d.getMetadata().getName(), d.getSpec().getTemplate().getSpec());
        }
        chart.workerTemplates()
                .forEach(
                        (file, yaml) -> {
                            if (!(Serialization.unmarshal(yaml) instanceof Job job)) {
                                throw new IllegalStateException(
                                        "worker template " + file + " is not a batch/v1 Job");
                            }
                            add(
                                    "job/" + file.replace(".yaml", ""),
                                    job.getSpec().getTemplate().getSpec());
                        });
    }

    private void add(String pod, PodSpec spec) {
        Container c = spec.getContainers().get(0);
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvVar v : c.getEnv()) {
            if (v.getValue() != null) {
                env.put(v.getName(), v.getValue());
            }
        }
        workloads.put(pod, new Workload(pod, c.getName(), spec, env));
    }

    Map<String, Workload> workloads() {
        return workloads;
    }

    /** The first rendered value of {@code name}, or {@code fallback} when no container sets it. */
    String first(String name, String fallback) {
        return workloads.values().stream()
                .map(w -> w.env().get(name))
                .filter(v -> v != null)
                .findFirst()
                .orElse(fallback);
    }

    /** Every rendered value of {@code name}. */
    Set<String> values(String name) {
        Set<String> out = new LinkedHashSet<>();
        workloads
                .values()
                .forEach(
                        w -> {
                            if (w.env().containsKey(name)) {
                                out.add(w.env().get(name));
                            }
                        });
        return out;
    }

    /** The Kafka user prefix: a rendered {@code KAFKA_SASL_USERNAME} minus its service name. */
    String kafkaUserPrefix() {
        for (Workload w : workloads.values()) {
            String user = w.env().get("KAFKA_SASL_USERNAME");
            if (user != null && user.endsWith(w.service())) {
                return user.substring(0, user.length() - w.service().length());
            }
        }
        return "streamforge-";
    }

    List<String> services() {
        return workloads.values().stream().map(Workload::service).distinct().toList();
    }

    /**
     * A rehearsed container's variables against the service registry: one the chart sets that the
     * service never reads is a failure; one the queue-manager adds at launch is a note. Returns how
     * many variables were checked.
     */
    int check(ChildPod pod, boolean job, List<String> failures, List<String> notes) {
        var d = ServiceRegistry.of(pod.service());
        Set<String> fromChart = pod.rendered().keySet();
        if (job) {
            fromChart =
                    workloads.values().stream()
                            .filter(
                                    w ->
                                            w.pod().startsWith("job/")
                                                    && w.service().equals(pod.service()))
                            .findFirst()
                            .map(w -> w.env().keySet())
                            .orElse(Set.of());
        }
        for (String name : pod.rendered().keySet()) {
            if (ServiceRegistry.PLATFORM.contains(name) || d.variable(name).isPresent()) {
                continue;
            }
            if (fromChart.contains(name)) {
                failures.add(
                        pod.name()
                                + " ("
                                + pod.service()
                                + ") sets "
                                + name
                                + ", which it never reads");
            } else {
                String note =
                        "the queue-manager sets "
                                + name
                                + " on "
                                + pod.service()
                                + " Jobs, which it never reads";
                if (!notes.contains(note)) {
                    notes.add(note);
                }
            }
        }
        return pod.rendered().size();
    }
}
