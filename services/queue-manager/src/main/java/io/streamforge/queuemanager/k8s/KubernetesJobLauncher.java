package io.streamforge.queuemanager.k8s;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.batch.v1.JobList;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.ScalableResource;
import io.streamforge.domain.PermanentException;
import io.streamforge.domain.TransientException;
import io.streamforge.domain.port.JobLauncher;
import io.streamforge.domain.queue.JobSpec;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each pipeline step as a Kubernetes Job (fabric8): the chart's Job template for the target,
 * plus name, labels, image and the step's env ({@link JobManifest}). Launch is idempotent (an
 * existing Job of the same name counts as launched); stop = the orchestrator's control command,
 * then {@link #deleteAfter} removes a Job still running after the grace period.
 */
public final class KubernetesJobLauncher implements JobLauncher, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KubernetesJobLauncher.class);

    private final KubernetesClient client;
    private final KubernetesLauncherSettings settings;
    private final JobTemplates templates;
    private final ScheduledExecutorService scheduler;
    private final Map<String, ScheduledFuture<?>> pendingDeletes = new ConcurrentHashMap<>();

    /** The client stays owned by the caller. */
    public KubernetesJobLauncher(KubernetesClient client, KubernetesLauncherSettings settings) {
        this.client = client;
        this.settings = settings;
        this.templates =
                new JobTemplates(settings.templateDir(), client.getKubernetesSerialization());
        this.scheduler =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "k8s-job-deleter");
                            t.setDaemon(true);
                            return t;
                        });
    }

    /** The Job that {@link #launch} would create (no API call). */
    public Job manifest(JobSpec spec) {
        return JobManifest.build(templates.forTarget(spec.target()), spec, settings);
    }

    @Override
    public void launch(JobSpec spec) {
        Job job = manifest(spec);
        try {
            jobs().resource(job).create();
            LOG.info(
                    "created Job {}/{} ({}, image {})",
                    settings.namespace(),
                    spec.jobName(),
                    spec.target(),
                    job.getSpec().getTemplate().getSpec().getContainers().get(0).getImage());
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409) {
                LOG.info("Job {} already exists; launch is a no-op", spec.jobName());
                return;
            }
            throw translate("create Job " + spec.jobName(), e);
        }
    }

    /** Deletes the Job now (propagation Background: its pods go too); unknown names are ignored. */
    @Override
    public void delete(String jobName) {
        cancelPending(jobName);
        deleteJob(jobName);
    }

    private void deleteJob(String jobName) {
        try {
            jobs().withName(jobName).withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
            LOG.info("deleted Job {}", jobName);
        } catch (KubernetesClientException e) {
            if (e.getCode() != 404) {
                throw translate("delete Job " + jobName, e);
            }
        }
    }

    /**
     * Running = the Job exists and has neither a Complete nor a Failed condition (a created Job
     * without status yet counts as running). API errors answer true: a blip must not fail a step.
     */
    @Override
    public boolean isRunning(String jobName) {
        try {
            return running(jobs().withName(jobName).get());
        } catch (KubernetesClientException e) {
            LOG.warn("cannot read Job {} ({}); assuming it still runs", jobName, e.getMessage());
            return true;
        }
    }

    /** Whether the Job exists, running or ended (API errors answer true: never relaunch blind). */
    @Override
    public boolean exists(String jobName) {
        try {
            return jobs().withName(jobName).get() != null;
        } catch (KubernetesClientException e) {
            LOG.warn("cannot read Job {} ({}); assuming it exists", jobName, e.getMessage());
            return true;
        }
    }

    static boolean running(Job job) {
        if (job == null) {
            return false;
        }
        JobStatus status = job.getStatus();
        if (status == null) {
            return true;
        }
        List<JobCondition> conditions = status.getConditions();
        boolean ended =
                conditions != null
                        && conditions.stream()
                                .anyMatch(
                                        c ->
                                                ("Complete".equals(c.getType())
                                                                || "Failed".equals(c.getType()))
                                                        && "True".equals(c.getStatus()));
        return !ended;
    }

    /**
     * Deletes the Job once the stop grace period has passed (the worker had its chance to end):
     * propagation Background, so its pods go too, and a {@code backoffLimit} retry cannot start. A
     * Job that ended by itself is left to {@code ttlSecondsAfterFinished}.
     */
    @Override
    public void stop(String jobName) {
        deleteAfter(jobName, settings.stopGraceMs());
    }

    public ScheduledFuture<?> deleteAfter(String jobName, long graceMs) {
        // under the map's lock: with a grace of 0 the task may start before put() returned, and its
        // own remove() must then see (and take) this future, not leave it for delete() to cancel
        synchronized (pendingDeletes) {
            java.util.concurrent.atomic.AtomicReference<ScheduledFuture<?>> self =
                    new java.util.concurrent.atomic.AtomicReference<>();
            ScheduledFuture<?> f =
                    scheduler.schedule(
                            () -> deleteIfRunning(jobName, self.get()),
                            graceMs,
                            TimeUnit.MILLISECONDS);
            self.set(f);
            ScheduledFuture<?> previous = pendingDeletes.put(jobName, f);
            if (previous != null) {
                previous.cancel(false);
            }
            return f;
        }
    }

    /** {@link #deleteAfter} with the configured stop grace period for every Job of a queue. */
    public List<String> stopQueue(String queueId) {
        List<String> names =
                jobs()
                        .withLabel(JobManifest.LABEL_QUEUE_ID, JobManifest.queueLabel(queueId))
                        .list()
                        .getItems()
                        .stream()
                        .map(j -> j.getMetadata().getName())
                        .toList();
        names.forEach(n -> deleteAfter(n, settings.stopGraceMs()));
        return names;
    }

    /**
     * The task of {@code own} (null: every pending one, at close). It removes only its own future
     * and does not cancel a newer pending deletion of the same Job (that one finds it gone), so a
     * caller waiting on the newer future never sees it cancelled by an older task.
     */
    private void deleteIfRunning(String jobName, ScheduledFuture<?> own) {
        synchronized (pendingDeletes) {
            if (own == null) {
                pendingDeletes.remove(jobName);
            } else {
                pendingDeletes.remove(jobName, own);
            }
        }
        try {
            if (running(jobs().withName(jobName).get())) {
                LOG.warn("Job {} still runs after its stop grace period; deleting it", jobName);
                deleteJob(jobName);
            }
        } catch (RuntimeException e) {
            LOG.error("could not delete Job {} after its grace period", jobName, e);
        }
    }

    private void cancelPending(String jobName) {
        ScheduledFuture<?> f;
        synchronized (pendingDeletes) {
            f = pendingDeletes.remove(jobName);
        }
        if (f != null) {
            f.cancel(false);
        }
    }

    /** Job names whose grace-period deletion is still pending. */
    public List<String> pendingDeletes() {
        return List.copyOf(pendingDeletes.keySet());
    }

    /**
     * Stops the scheduler; pending deletions run now rather than being lost (their workers were
     * already told to stop).
     */
    @Override
    public void close() {
        scheduler.shutdownNow();
        for (String name : List.copyOf(pendingDeletes.keySet())) {
            deleteIfRunning(name, null);
        }
    }

    private NonNamespaceOperation<Job, JobList, ScalableResource<Job>> jobs() {
        return client.batch().v1().jobs().inNamespace(settings.namespace());
    }

    private static RuntimeException translate(String what, KubernetesClientException e) {
        int code = e.getCode();
        String msg = "cannot " + what + ": HTTP " + code + " " + e.getMessage();
        if (code == 0 || code == 429 || code >= 500) {
            return new TransientException(msg, e);
        }
        return new PermanentException(msg, e);
    }
}
