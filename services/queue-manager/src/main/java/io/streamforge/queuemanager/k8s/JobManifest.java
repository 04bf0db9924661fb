package io.streamforge.queuemanager.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.streamforge.domain.Ids;
import io.streamforge.domain.PermanentException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns a Job template and a step's {@link io.streamforge.domain.queue.JobSpec} into the Job the
 * launcher creates. Pure: no API calls, so every rule is testable on its own.
 */
public final class JobManifest {
    public static final String LABEL_NAME = "app.kubernetes.io/name";
    public static final String LABEL_INSTANCE = "app.kubernetes.io/instance";
    public static final String LABEL_COMPONENT = "app.kubernetes.io/component";
    public static final String LABEL_PART_OF = "app.kubernetes.io/part-of";
    public static final String LABEL_MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String LABEL_QUEUE_ID = "streamforge.io/queue-id";
    public static final String ANNOTATION_QUEUE_ID = "streamforge.io/queue-id";
    public static final String ANNOTATION_TELEMETRY_ID = "streamforge.io/telemetry-id";
    public static final String MANAGER = "queue-manager";

    private static final Pattern ENV_NAME = Pattern.compile("[-._a-zA-Z][-._a-zA-Z0-9]*");
    private static final List<String> SECRET_SUFFIXES =
            List.of("PASSWORD", "SECRET", "TOKEN", "KEY");

    private JobManifest() {}

    /** The Job for one step; the template is modified in place and returned. */
    public static Job build(
            Job template,
            io.streamforge.domain.queue.JobSpec spec,
            KubernetesLauncherSettings settings) {
        checkEnv(spec.env());
        Job job = template;
        ObjectMeta meta = job.getMetadata() == null ? new ObjectMeta() : job.getMetadata();
        job.setMetadata(meta);
        meta.setName(spec.jobName());
        meta.setNamespace(settings.namespace());
        meta.setResourceVersion(null);
        meta.setUid(null);
        Map<String, String> labels = labels(spec);
        meta.setLabels(merge(meta.getLabels(), labels));
        meta.setAnnotations(merge(meta.getAnnotations(), annotations(spec)));

        JobSpec js = job.getSpec();
        PodTemplateSpec pod = js.getTemplate();
        ObjectMeta podMeta = pod.getMetadata() == null ? new ObjectMeta() : pod.getMetadata();
        pod.setMetadata(podMeta);
        Map<String, String> podLabels = new LinkedHashMap<>(labels);
        String releaseInstance =
                podMeta.getLabels() == null ? null : podMeta.getLabels().get(LABEL_INSTANCE);
        if (releaseInstance != null) {
            // pods keep the release instance: the chart's NetworkPolicy and monitors select on it
            podLabels.put(LABEL_INSTANCE, releaseInstance);
        }
        podMeta.setLabels(merge(podMeta.getLabels(), podLabels));
        podMeta.setAnnotations(merge(podMeta.getAnnotations(), annotations(spec)));

        if (settings.ttlSecondsAfterFinished() != null) {
            js.setTtlSecondsAfterFinished(settings.ttlSecondsAfterFinished());
        } else if (js.getTtlSecondsAfterFinished() == null) {
            js.setTtlSecondsAfterFinished(JobTemplates.FALLBACK_TTL_SECONDS);
        }
        if (settings.backoffLimit() != null) {
            js.setBackoffLimit(settings.backoffLimit());
        } else if (js.getBackoffLimit() == null) {
            js.setBackoffLimit(JobTemplates.FALLBACK_BACKOFF_LIMIT);
        }
        PodSpec ps = pod.getSpec();
        ps.setRestartPolicy("Never");
        if (settings.serviceAccount() != null) {
            ps.setServiceAccountName(settings.serviceAccount());
        }
        Container c = container(ps, spec.target());
        c.setImage(image(spec, settings, c.getImage()));
        c.setEnv(mergeEnv(c.getEnv(), spec.env(), spec.target()));
        return job;
    }

    static Map<String, String> labels(io.streamforge.domain.queue.JobSpec spec) {
        Map<String, String> l = new LinkedHashMap<>();
        l.put(LABEL_NAME, spec.target());
        l.put(LABEL_INSTANCE, spec.jobName());
        l.put(LABEL_COMPONENT, "worker");
        l.put(LABEL_PART_OF, "streamforge");
        l.put(LABEL_MANAGED_BY, MANAGER);
        l.put(LABEL_QUEUE_ID, queueLabel(spec.queueId()));
        return l;
    }

    private static Map<String, String> annotations(io.streamforge.domain.queue.JobSpec spec) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put(ANNOTATION_QUEUE_ID, spec.queueId());
        if (spec.telemetryId() != null) {
            a.put(ANNOTATION_TELEMETRY_ID, spec.telemetryId());
        }
        return a;
    }

    /**
     * The label value of a queue id: the id itself when it is a valid label value (all ids the
     * planner makes are), else its {@link Ids#k8sName} form; the full id is also an annotation.
     */
    public static String queueLabel(String queueId) {
        return Ids.k8sName(queueId);
    }

    private static Map<String, String> merge(Map<String, String> base, Map<String, String> over) {
        Map<String, String> out = base == null ? new LinkedHashMap<>() : new LinkedHashMap<>(base);
        out.putAll(over);
        return out;
    }

    private static Container container(PodSpec ps, String target) {
        return ps.getContainers().stream()
                .filter(c -> target.equals(c.getName()))
                .findFirst()
                .orElse(ps.getContainers().get(0));
    }

    private static String image(
            io.streamforge.domain.queue.JobSpec spec,
            KubernetesLauncherSettings settings,
            String templateImage) {
        if (spec.image() != null && !spec.image().isBlank()) {
            return spec.image();
        }
        String configured = settings.images().get(spec.target());
        if (configured != null) {
            return configured;
        }
        if (templateImage != null && !templateImage.isBlank()) {
            return templateImage;
        }
        throw new PermanentException(
                "no image for target "
                        + spec.target()
                        + ": set "
                        + KubernetesLauncherSettings.imageVariable(spec.target())
                        + " or the step's image");
    }

    /** Refuses names Kubernetes rejects and variables that would carry a secret value. */
    static void checkEnv(Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        for (String name : env.keySet()) {
            if (!ENV_NAME.matcher(name).matches()) {
                problems.add("invalid env name '" + name + "'");
            } else if (looksSecret(name)) {
                problems.add(
                        "env "
                                + name
                                + " would carry a secret value in the Job spec; pass "
                                + name
                                + "_FILE (a mounted file) instead");
            }
        }
        if (!problems.isEmpty()) {
            throw new PermanentException(String.join("; ", problems));
        }
    }

    static boolean looksSecret(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return !upper.endsWith("_FILE") && SECRET_SUFFIXES.stream().anyMatch(upper::endsWith);
    }

    private static List<EnvVar> mergeEnv(
            List<EnvVar> template, Map<String, String> step, String target) {
        List<EnvVar> out = template == null ? new ArrayList<>() : new ArrayList<>(template);
        step.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> put(out, e.getKey(), e.getValue(), target));
        return out;
    }

    private static void put(List<EnvVar> env, String name, String value, String target) {
        for (int i = 0; i < env.size(); i++) {
            EnvVar existing = env.get(i);
            if (name.equals(existing.getName())) {
                if (existing.getValueFrom() != null) {
                    throw new PermanentException(
                            "env "
                                    + name
                                    + " of "
                                    + target
                                    + " comes from a reference in the Job template and cannot be replaced by a step value");
                }
                env.set(i, new EnvVar(name, value, null));
                return;
            }
        }
        env.add(new EnvVar(name, value, null));
    }
}
