package io.streamforge.app.rehearse;

import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * A Deployment's pods beyond its first, as the ReplicaSet would add and remove them when KEDA
 * scales it: a new pod runs the same pod spec through {@link Pods} on its own port (pods share
 * loopback here); scaling down SIGTERMs the newest pods first, each with the pod's grace period.
 * The first pod is the rehearsal's and is never stopped here.
 */
final class DeploymentReplicas implements KedaStandIn.Target {
    /** A pod that ran, with its exit code once stopped (null while running). */
    record Replica(ChildPod pod, Integer exitCode) {}

    private static final long GRACE_MS = 30_000;

    private final Pods pods;
    private final String deployment;
    private final PodSpec spec;
    private final List<ChildPod> running = new ArrayList<>();
    private final List<Replica> ended = new ArrayList<>();
    private int started;

    DeploymentReplicas(Pods pods, String deployment, PodSpec spec) {
        this.pods = pods;
        this.deployment = deployment;
        this.spec = spec;
    }

    @Override
    public synchronized int replicas() {
        return 1 + running.size();
    }

    @Override
    public synchronized void scaleTo(int replicas) {
        while (replicas() < replicas) {
            started++;
            running.add(pods.start(deployment + "-r" + started, spec));
        }
        while (replicas() > Math.max(1, replicas)) {
            stop(running.remove(running.size() - 1));
        }
    }

    private void stop(ChildPod pod) {
        try {
            ended.add(new Replica(pod, pod.stop(GRACE_MS)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ended.add(new Replica(pod, null));
        }
    }

    /** Stops the pods still running beyond the first; returns every replica that ran. */
    synchronized List<Replica> stopAll() {
        scaleTo(1);
        return List.copyOf(ended);
    }
}
