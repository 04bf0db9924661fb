package io.streamforge.registry;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one service is: its name (also the image name and the Kubernetes container name), how it
 * runs, the environment it reads, the ports it listens on and the params a pipeline step may set.
 *
 * @param stepTarget whether a pipeline step may run it (the queue-manager's targets)
 * @param stepParams the {@code params} a pipeline step may set (the queue-manager's allowlist; it
 *     passes each as the environment variable {@link StepParam#envName()}, which {@code env}
 *     declares)
 */
public record ServiceDescriptor(
        String name,
        Kind kind,
        List<EnvVar> env,
        Map<String, Integer> ports,
        boolean stepTarget,
        List<StepParam> stepParams) {
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
        for (StepParam p : stepParams) {
            if (env.stream().noneMatch(v -> v.matches(p.envName()))) {
                throw new IllegalArgumentException(
                        name
                                + ": step param "
                                + p.name()
                                + " sets "
                                + p.envName()
                                + ", which the service does not read");
            }
        }
        if (!stepTarget && !stepParams.isEmpty()) {
            throw new IllegalArgumentException(name + ": step params but no step target");
        }
    }

    /** The image repository name: the service name. */
    public String image() {
        return name;
    }

    /** The declaration of {@code variable}, if the service reads it. */
    public Optional<EnvVar> variable(String variable) {
        return env.stream().filter(v -> v.matches(variable)).findFirst();
    }

    /** The declaration of the step param {@code name}, if a step may set it. */
    public Optional<StepParam> stepParam(String name) {
        return stepParams.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
