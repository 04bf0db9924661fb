package io.streamforge.queuemanager.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.streamforge.domain.queue.JobSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/** Test helpers: step specs and access to a Job's container env. */
final class Jobs {
    private Jobs() {}

    static JobSpec spec(String queueId, String target, String jobName, Map<String, String> env) {
        Map<String, String> all = new LinkedHashMap<>(env);
        all.putIfAbsent("QUEUE_ID", queueId);
        all.putIfAbsent("TELEMETRY_ID", target + "__abc123");
        return new JobSpec(queueId, target + "__abc123", target, jobName, "", all);
    }

    static Container container(Job job) {
        return job.getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    /** Literal env values (valueFrom entries map to "<ref>"). */
    static Map<String, String> env(Job job) {
        Map<String, String> out = new LinkedHashMap<>();
        for (EnvVar e : container(job).getEnv()) {
            out.put(e.getName(), e.getValueFrom() != null ? "<ref>" : e.getValue());
        }
        return out;
    }
}
