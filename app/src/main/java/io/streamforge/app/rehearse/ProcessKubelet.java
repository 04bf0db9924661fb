package io.streamforge.app.rehearse;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Stands in for the kubelet next to the fabric8 mock API server (no Kubernetes can run here): it
 * polls the Jobs the queue-manager creates, runs each one's pod template as a child JVM through
 * {@link Pods} (the same image command, environment and volumes as a Deployment), writes the Job's
 * {@code Complete}/{@code Failed} condition when the process exits, and stops the process (SIGTERM)
 * when the Job is deleted. Each Job runs once.
 */
final class ProcessKubelet implements AutoCloseable {
    /** A Job's pod and how it ended (null while it runs). */
    record JobRun(String job, ChildPod pod, Integer exitCode, boolean deleted) {}

    private final KubernetesClient client;
    private final Pods pods;
    private final Map<String, JobRun> runs = new ConcurrentHashMap<>();
    private final List<String> errors = new ArrayList<>();
    private final Thread poller;
    private volatile boolean running = true;

    ProcessKubelet(KubernetesClient client, Pods pods) {
        this.client = client;
        this.pods = pods;
        this.poller = new Thread(this::poll, "rehearsal-kubelet");
        this.poller.setDaemon(true);
        this.poller.start();
    }

    private void poll() {
        while (running) {
            try {
                List<Job> jobs =
                        client.batch()
                                .v1()
                                .jobs()
                                .inNamespace(RenderedChart.NAMESPACE)
                                .list()
                                .getItems();
                Set<String> present =
                        jobs.stream()
                                .map(j -> j.getMetadata().getName())
                                .collect(Collectors.toSet());
                for (Job job : jobs) {
                    runs.computeIfAbsent(job.getMetadata().getName(), n -> start(job));
                }
                runs.replaceAll((name, run) -> observe(run, present.contains(name)));
                Thread.sleep(300);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                synchronized (errors) {
                    if (running && !errors.contains(e.toString())) {
                        errors.add(e.toString());
                    }
                }
            }
        }
    }

    private JobRun start(Job job) {
        String name = job.getMetadata().getName();
        try {
            ChildPod pod = pods.start(name, job.getSpec().getTemplate().getSpec());
            return new JobRun(name, pod, null, false);
        } catch (RuntimeException e) {
            synchronized (errors) {
                errors.add("Job " + name + ": " + e.getMessage());
            }
            finish(name, false);
            return new JobRun(name, null, -1, false);
        }
    }

    private JobRun observe(JobRun run, boolean present) throws RuntimeException {
        if (run.pod() == null || run.exitCode() != null) {
            return run;
        }
        if (!present) {
            try {
                return new JobRun(run.job(), run.pod(), run.pod().stop(30_000), true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return run;
            }
        }
        if (!run.pod().process().isAlive()) {
            int code = run.pod().process().exitValue();
            finish(run.job(), code == 0);
            return new JobRun(run.job(), run.pod(), code, false);
        }
        return run;
    }

    private void finish(String name, boolean ok) {
        KubeStandIns.finishJob(client, RenderedChart.NAMESPACE, name, ok);
    }

    /** Every Job seen so far. */
    List<JobRun> runs() {
        return new ArrayList<>(runs.values());
    }

    /** Problems starting pods or talking to the API server. */
    List<String> errors() {
        synchronized (errors) {
            return List.copyOf(errors);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        poller.interrupt();
        poller.join(10_000);
        for (JobRun run : runs.values()) {
            if (run.pod() != null && run.pod().process().isAlive()) {
                run.pod().stop(15_000);
            }
        }
    }
}
