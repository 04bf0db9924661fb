package io.streamforge.app.controlplane;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.streamforge.app.rehearse.KubeStandIns;
import io.streamforge.queuemanager.LocalJobLauncher;
import io.streamforge.runtime.StopSignal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands in for the kubelet next to the fabric8 mock API server (no Kubernetes can run here): it
 * watches the Jobs the queue-manager creates, runs each one's worker in this JVM (the target from
 * the Job's {@code app.kubernetes.io/name} label, the env from its container overlaid on the
 * platform env) and writes the Job's {@code Complete}/{@code Failed} condition when the worker
 * exits. It counts how often each Job name was run, so a double launch is visible.
 */
final class MockKubelet implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MockKubelet.class);

    private final KubernetesClient client;
    private final String namespace;
    private final Map<String, String> platformEnv;
    private final Map<String, LocalJobLauncher.Entry> entries;
    private final Map<String, Integer> runs = new ConcurrentHashMap<>();
    private final List<StopSignal> stops = new CopyOnWriteArrayList<>();
    private final List<Thread> workers = new CopyOnWriteArrayList<>();
    private final Thread poller;
    private volatile boolean running = true;

    MockKubelet(
            KubernetesClient client,
            String namespace,
            Map<String, String> platformEnv,
            Map<String, LocalJobLauncher.Entry> entries) {
        this.client = client;
        this.namespace = namespace;
        this.platformEnv = Map.copyOf(platformEnv);
        this.entries = Map.copyOf(entries);
        this.poller = new Thread(this::poll, "mock-kubelet");
        this.poller.setDaemon(true);
        this.poller.start();
    }

    /** How many times each Job name was run. */
    Map<String, Integer> runs() {
        return Map.copyOf(runs);
    }

    private void poll() {
        while (running) {
            try {
                for (Job job :
                        client.batch().v1().jobs().inNamespace(namespace).list().getItems()) {
                    String name = job.getMetadata().getName();
                    if (!runs.containsKey(name)) {
                        runs.merge(name, 1, Integer::sum);
                        start(job);
                    }
                }
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("mock kubelet poll failed: {}", e.toString());
            }
        }
    }

    private void start(Job job) {
        String name = job.getMetadata().getName();
        String target = job.getMetadata().getLabels().get("app.kubernetes.io/name");
        Map<String, String> env = new HashMap<>(platformEnv);
        for (EnvVar v : job.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()) {
            if (v.getValue() != null) {
                env.put(v.getName(), v.getValue());
            }
        }
        env.put("HTTP_PORT", "0");
        StopSignal stop = new StopSignal();
        stops.add(stop);
        Thread t =
                new Thread(
                        () -> {
                            int code = entries.get(target).run(env, stop);
                            LOG.info("mock kubelet: Job {} exited with {}", name, code);
                            finish(name, code == 0);
                        },
                        "pod-" + name);
        workers.add(t);
        t.start();
    }

    private void finish(String name, boolean ok) {
        try {
            KubeStandIns.finishJob(client, namespace, name, ok);
        } catch (RuntimeException e) {
            LOG.warn("mock kubelet: status of Job {} not written: {}", name, e.toString());
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        poller.interrupt();
        stops.forEach(s -> s.stop("test ends"));
        for (Thread t : workers) {
            t.join(15_000);
        }
    }
}
