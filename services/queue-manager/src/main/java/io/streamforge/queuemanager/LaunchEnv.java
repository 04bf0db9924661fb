package io.streamforge.queuemanager;

import io.streamforge.registry.EnvVar;
import io.streamforge.registry.ServiceDescriptor;
import io.streamforge.registry.ServiceRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The environment a step's job gets from the queue-manager: of everything the planner offers (queue
 * identity, symbols, topic, time range, step fields and params), exactly the variables the target's
 * descriptor in the service registry declares. The registry's {@link EnvVar.Need#LAUNCH} variables
 * must be among {@link #PLANNED}: {@link #check} runs when the class loads, so a descriptor that
 * expects a variable the planner never sets stops the queue-manager (and every test) at once.
 */
final class LaunchEnv {
    /** The variables the planner sets from the request and the queue (before step fields). */
    static final Set<String> PLANNED =
            Set.of(
                    "QUEUE_ID",
                    "TELEMETRY_ID",
                    "TYPE",
                    "SYMBOLS",
                    "KAFKA_TOPIC",
                    "TIME_RANGE",
                    "INTERVAL",
                    "COLLECTION_NAME",
                    "EXPECTED_PRODUCERS");

    static {
        check(ServiceRegistry.targets());
    }

    private LaunchEnv() {}

    /** Throws when a target expects at launch a variable the planner does not set. */
    static void check(List<ServiceDescriptor> targets) {
        for (ServiceDescriptor d : targets) {
            for (EnvVar v : d.env()) {
                if (v.need() == EnvVar.Need.LAUNCH && !PLANNED.contains(v.name())) {
                    throw new IllegalStateException(
                            d.name()
                                    + " expects "
                                    + v.name()
                                    + " from the queue-manager at launch, which the planner"
                                    + " does not set");
                }
            }
        }
    }

    /** Whether {@code target} cannot run without {@code variable} from the queue-manager. */
    static boolean requires(String target, String variable) {
        return ServiceRegistry.of(target)
                .variable(variable)
                .filter(v -> v.need() == EnvVar.Need.LAUNCH && v.when() == null)
                .isPresent();
    }

    /** The offered variables {@code target} declares (null values dropped). */
    static Map<String, String> of(ServiceDescriptor target, Map<String, String> offered) {
        Map<String, String> env = new LinkedHashMap<>();
        offered.forEach(
                (name, value) -> {
                    if (value != null && target.variable(name).isPresent()) {
                        env.put(name, value);
                    }
                });
        return env;
    }
}
