package io.streamforge.queuemanager.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.streamforge.domain.PermanentException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Worker Job templates: {@code <dir>/<target>.yaml} as rendered by the Helm chart (ConfigMap {@code
 * <release>-worker-templates}), read on every launch so that a changed ConfigMap needs no restart;
 * without a folder or file, a built-in minimal template (no platform env, no secrets).
 */
public final class JobTemplates {
    private static final Logger LOG = LoggerFactory.getLogger(JobTemplates.class);
    static final int FALLBACK_BACKOFF_LIMIT = 0;
    static final int FALLBACK_TTL_SECONDS = 86_400;
    static final long FALLBACK_ACTIVE_DEADLINE_SECONDS = 86_400;

    private final Path dir;
    private final KubernetesSerialization serialization;

    public JobTemplates(Path dir, KubernetesSerialization serialization) {
        this.dir = dir;
        this.serialization = serialization;
    }

    /** A fresh, mutable template for the target. */
    public Job forTarget(String target) {
        if (dir == null) {
            return builtIn(target);
        }
        Path file = dir.resolve(target + ".yaml");
        if (!Files.isRegularFile(file)) {
            LOG.warn("no Job template {}; using the built-in minimal template", file);
            return builtIn(target);
        }
        return parse(file);
    }

    Job parse(Path file) {
        Object parsed;
        try {
            parsed = serialization.unmarshal(Files.readString(file));
        } catch (IOException | RuntimeException e) {
            throw new PermanentException("invalid Job template " + file + ": " + firstLine(e), e);
        }
        if (!(parsed instanceof Job)) {
            String kind = parsed == null ? "nothing" : parsed.getClass().getSimpleName();
            throw new PermanentException(
                    "invalid Job template " + file + ": expected kind Job, got " + kind);
        }
        Job job = (Job) parsed;
        if (job.getSpec() == null
                || job.getSpec().getTemplate() == null
                || job.getSpec().getTemplate().getSpec() == null
                || job.getSpec().getTemplate().getSpec().getContainers() == null
                || job.getSpec().getTemplate().getSpec().getContainers().isEmpty()) {
            throw new PermanentException(
                    "invalid Job template " + file + ": spec.template.spec.containers is empty");
        }
        return job;
    }

    private static String firstLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.split("\n")[0];
    }

    /** Minimal, hardened Job: one container named after the target, no platform env. */
    static Job builtIn(String target) {
        Container c =
                new ContainerBuilder()
                        .withName(target)
                        .withImagePullPolicy("IfNotPresent")
                        .addNewEnv()
                        .withName("HOME")
                        .withValue("/tmp")
                        .endEnv()
                        .addNewEnv()
                        .withName("SERVICE_NAME")
                        .withValue(target)
                        .endEnv()
                        .withNewResources()
                        .withRequests(
                                Map.of(
                                        "cpu",
                                        new Quantity("100m"),
                                        "memory",
                                        new Quantity("256Mi")))
                        .withLimits(Map.of("memory", new Quantity("1Gi")))
                        .endResources()
                        .withNewSecurityContext()
                        .withRunAsNonRoot(true)
                        .withAllowPrivilegeEscalation(false)
                        .withNewCapabilities()
                        .addToDrop("ALL")
                        .endCapabilities()
                        .endSecurityContext()
                        .build();
        return new JobBuilder()
                .withNewMetadata()
                .withName(target)
                .endMetadata()
                .withNewSpec()
                .withBackoffLimit(FALLBACK_BACKOFF_LIMIT)
                .withTtlSecondsAfterFinished(FALLBACK_TTL_SECONDS)
                .withActiveDeadlineSeconds(FALLBACK_ACTIVE_DEADLINE_SECONDS)
                .withNewTemplate()
                .withNewMetadata()
                .endMetadata()
                .withNewSpec()
                .withRestartPolicy("Never")
                .withAutomountServiceAccountToken(false)
                .withContainers(c)
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
    }
}
