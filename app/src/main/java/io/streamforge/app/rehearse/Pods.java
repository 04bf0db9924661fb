package io.streamforge.app.rehearse;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a pod spec of the rendered chart as a child JVM, as the kubelet would run its container: the
 * image's command ({@link ServiceImage}), the container's exact environment after the {@link
 * HostMap}, and its volumes as folders — secret volumes (Vault CSI or a Secret) filled with the
 * files they name, ConfigMaps with their data, emptyDirs empty — whose mount paths the pod's map
 * sends to those folders. Each pod has its own network in a cluster; here they share loopback, so a
 * container's {@code HTTP_PORT} 8080 becomes a free port.
 */
public final class Pods {
    /** The content of one secret file (a Vault object or Secret key) for a service. */
    public interface Secrets {
        String content(String service, String file);
    }

    private final Path root;
    private final Path workDir;
    private final RenderedChart chart;
    private final HostMap hosts;
    private final Secrets secrets;
    private final Map<String, String> serviceAccountEnv;

    public Pods(
            Path root,
            Path workDir,
            RenderedChart chart,
            HostMap hosts,
            Secrets secrets,
            Map<String, String> serviceAccountEnv) {
        this.root = root;
        this.workDir = workDir;
        this.chart = chart;
        this.hosts = hosts;
        this.secrets = secrets;
        this.serviceAccountEnv = Map.copyOf(serviceAccountEnv);
    }

    /** Starts pod {@code name}'s first container on a free port. */
    public ChildPod start(String name, PodSpec spec) {
        return start(name, spec, ChildPod.freePort());
    }

    /** Starts pod {@code name}'s first container; its HTTP port 8080 becomes {@code port}. */
    public ChildPod start(String name, PodSpec spec, int port) {
        Container c = spec.getContainers().get(0);
        String service = c.getName();
        ServiceImage image = ServiceImage.of(root, service);
        Path dir = workDir.resolve("pods").resolve(name);
        HostMap map = hosts.copy();
        mounts(name, service, spec, c, dir, map);
        Map<String, String> env = new LinkedHashMap<>();
        Map<String, String> rendered = new LinkedHashMap<>();
        for (EnvVar v : c.getEnv()) {
            String value = value(name, v);
            rendered.put(v.getName(), value);
            env.put(v.getName(), map.value(v.getName(), value));
        }
        if ("8080".equals(env.get("HTTP_PORT"))) {
            env.put("HTTP_PORT", String.valueOf(port));
        }
        if (Boolean.TRUE.equals(spec.getAutomountServiceAccountToken())) {
            env.putAll(serviceAccountEnv);
        }
        return ChildPod.start(name, image, env, rendered, port, dir);
    }

    private static String value(String pod, EnvVar v) {
        if (v.getValueFrom() == null) {
            return v.getValue() == null ? "" : v.getValue();
        }
        if (v.getValueFrom().getFieldRef() != null) {
            String path = v.getValueFrom().getFieldRef().getFieldPath();
            return switch (path) {
                case "metadata.namespace" -> RenderedChart.NAMESPACE;
                case "metadata.name" -> pod;
                default ->
                        throw new IllegalStateException(
                                pod
                                        + ": "
                                        + v.getName()
                                        + " reads fieldRef "
                                        + path
                                        + ", which the rehearsal does not provide");
            };
        }
        throw new IllegalStateException(
                pod + ": " + v.getName() + " has a valueFrom the rehearsal does not provide");
    }

    private void mounts(
            String pod, String service, PodSpec spec, Container c, Path dir, HostMap map) {
        Map<String, Volume> volumes = new LinkedHashMap<>();
        spec.getVolumes().forEach(v -> volumes.put(v.getName(), v));
        for (VolumeMount m : c.getVolumeMounts()) {
            Volume v = volumes.get(m.getName());
            if (v == null) {
                throw new IllegalStateException(pod + ": mount " + m.getName() + " has no volume");
            }
            Path local = dir.resolve("mounts").resolve(m.getName());
            if (v.getPersistentVolumeClaim() != null) {
                local = workDir.resolve("pvc").resolve(v.getPersistentVolumeClaim().getClaimName());
            }
            fill(pod, service, v, local);
            map.add(m.getMountPath(), local.toString(), "mount " + m.getName() + " of " + pod);
        }
    }

    private void fill(String pod, String service, Volume v, Path local) {
        Map<String, String> files = new LinkedHashMap<>();
        if (v.getCsi() != null) {
            String spc = v.getCsi().getVolumeAttributes().get("secretProviderClass");
            List<String> objects = chart.secretProviderObjects().get(spc);
            if (objects == null) {
                throw new IllegalStateException(
                        pod + ": SecretProviderClass " + spc + " not rendered");
            }
            objects.forEach(o -> files.put(o, secrets.content(service, o)));
        } else if (v.getSecret() != null) {
            List<String> keys = new ArrayList<>();
            v.getSecret().getItems().forEach(i -> keys.add(i.getPath()));
            keys.forEach(k -> files.put(k, secrets.content(service, k)));
        } else if (v.getConfigMap() != null) {
            Map<String, String> data = chart.configMap(v.getConfigMap().getName());
            if (data == null) {
                throw new IllegalStateException(
                        pod + ": ConfigMap " + v.getConfigMap().getName() + " not rendered");
            }
            files.putAll(data);
        }
        try {
            Files.createDirectories(local);
            for (var f : files.entrySet()) {
                if (f.getValue() != null) {
                    Files.writeString(local.resolve(f.getKey()), f.getValue());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each Deployment's Service name (and its cluster DNS forms) → the port its pod will use. */
    static Map<String, Integer> servicePorts(RenderedChart chart, HostMap hosts) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (Deployment d : chart.deployments()) {
            String name = d.getMetadata().getName();
            int port = ChildPod.freePort();
            ports.put(name, port);
            String svc = name + "." + RenderedChart.NAMESPACE + ".svc";
            for (String host :
                    List.of(
                            name,
                            name + "." + RenderedChart.NAMESPACE,
                            svc,
                            svc + ".cluster.local")) {
                hosts.add(
                        host + ":8080",
                        "127.0.0.1:" + port,
                        "Service " + name + " -> its pod's port");
            }
        }
        return ports;
    }
}
