package io.streamforge.registry;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one service is: its name (also the image name and the Kubernetes container name), how it
 * runs, the environment it reads, the ports it listens on and the params a pipeline step may set.
 *
 * @param stepParams pipeline-step {@code params} keys the service understands (the queue-manager
 *     passes them as environment variables)
 */
public record ServiceDescriptor(
        String name,
        Kind kind,
        List<EnvVar> env,
        Map<String, Integer> ports,
        List<String> stepParams) {
    /** How the platform runs the service. */
    public enum Kind {
        /** A Kubernetes Job per pipeline step, launched by the queue-manager. */
        JOB,
        /** A long-running Deployment. */
        DEPLOYMENT
    }

    public ServiceDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        env = List.copyOf(env);
        ports = Map.copyOf(ports);
        stepParams = List.copyOf(stepParams);
    }

    /** The image repository name: the service name. */
    public String image() {
        return name;
    }

    /** The declaration of {@code variable}, if the service reads it. */
    public Optional<EnvVar> variable(String variable) {
        return env.stream().filter(v -> v.matches(variable)).findFirst();
    }
}
