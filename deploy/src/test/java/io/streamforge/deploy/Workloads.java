package io.streamforge.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Pod specs of a rendering: Deployments plus the worker Job templates inside the ConfigMap. */
final class Workloads {
    private Workloads() {}

    static Map<String, Job> jobTemplates(List<HasMetadata> objects) {
        ConfigMap cm =
                Chart.ofType(objects, ConfigMap.class).stream()
                        .filter(c -> c.getMetadata().getName().endsWith("-worker-templates"))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no worker-templates ConfigMap"));
        Map<String, Job> jobs = new LinkedHashMap<>();
        cm.getData()
                .forEach(
                        (file, yaml) -> {
                            Object parsed = Serialization.unmarshal(yaml);
                            if (!(parsed instanceof Job job)) {
                                throw new AssertionError(file + " is not a batch/v1 Job");
                            }
                            jobs.put(file.replace(".yaml", ""), job);
                        });
        return jobs;
    }

    /** name -> pod spec, for every Deployment and every worker Job template. */
    static Map<String, PodSpec> podSpecs(List<HasMetadata> objects) {
        Map<String, PodSpec> specs = new LinkedHashMap<>();
        for (Deployment d : Chart.ofType(objects, Deployment.class)) {
            specs.put(
                    "deployment/" + d.getMetadata().getName(), d.getSpec().getTemplate().getSpec());
        }
        jobTemplates(objects)
                .forEach(
                        (name, job) ->
                                specs.put("job/" + name, job.getSpec().getTemplate().getSpec()));
        return specs;
    }
}
