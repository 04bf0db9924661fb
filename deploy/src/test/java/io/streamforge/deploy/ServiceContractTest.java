package io.streamforge.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.streamforge.registry.EnvVar.Need;
import io.streamforge.registry.ServiceDescriptor;
import io.streamforge.registry.ServiceRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every container the chart renders (Deployments and the queue-manager's Job templates; default and
 * homelab values, real Helm through helm-java) against its service's descriptor in the service
 * registry ({@code libs/registry}): every variable the chart sets is one the service reads (or a
 * process-level one, {@link ServiceRegistry#PLATFORM}); every required variable is set — directly,
 * or by the queue-manager at launch for a Job template; a conditional one when its condition holds
 * for the rendered values — and every secret file a {@code *_FILE} variable names is an object of
 * the pod's SecretProviderClass (Vault provider).
 */
class ServiceContractTest {
    private static final String MOUNT = "/var/run/secrets/streamforge/";
    private static final Pattern OBJECT_NAME = Pattern.compile("objectName:\\s*\"?([^\"\\s]+)\"?");

    @ParameterizedTest
    @ValueSource(strings = {"default", "values-homelab.yaml"})
    void everyContainerMatchesItsServiceDescriptor(String values) {
        List<HasMetadata> objects = Chart.objects(values.equals("default") ? null : values);
        Map<String, Set<String>> secretObjects = secretProviderObjects(objects);
        List<String> problems = new ArrayList<>();
        Workloads.podSpecs(objects)
                .forEach(
                        (pod, spec) -> {
                            for (Container c : spec.getContainers()) {
                                problems.addAll(check(pod, spec, c, secretObjects));
                            }
                        });
        assertThat(problems).as("chart %s vs the service registry", values).isEmpty();
    }

    static List<String> check(
            String pod, PodSpec spec, Container c, Map<String, Set<String>> secretObjects) {
        ServiceDescriptor d = ServiceRegistry.of(c.getName());
        boolean job = pod.startsWith("job/");
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvVar e : c.getEnv()) {
            env.put(e.getName(), e.getValue() == null ? "<from a reference>" : e.getValue());
        }
        List<String> problems = new ArrayList<>();
        String where = pod + " (" + d.name() + ")";
        env.keySet().stream()
                .filter(n -> !ServiceRegistry.PLATFORM.contains(n) && d.variable(n).isEmpty())
                .forEach(n -> problems.add(where + " sets " + n + ", which it never reads"));
        for (io.streamforge.registry.EnvVar v : d.env()) {
            boolean required =
                    v.need() == Need.REQUIRED
                            || (v.need() == Need.LAUNCH && !job && v.conditionHolds(env, d))
                            || (v.need() == Need.REQUIRED_WHEN && v.conditionHolds(env, d));
            if (required && !v.name().endsWith("*") && !env.containsKey(v.name())) {
                problems.add(where + " lacks " + v.name() + ", which it requires");
            }
        }
        Set<String> objects = secretObjects.get(secretProviderClass(spec));
        env.forEach(
                (name, value) -> {
                    if (name.endsWith("_FILE") && value.startsWith(MOUNT) && objects != null) {
                        String file = value.substring(MOUNT.length());
                        if (!objects.contains(file)) {
                            problems.add(
                                    where
                                            + " reads "
                                            + name
                                            + "="
                                            + value
                                            + ", not an object of its SecretProviderClass");
                        }
                    }
                });
        return problems;
    }

    private static String secretProviderClass(PodSpec spec) {
        for (Volume v : spec.getVolumes()) {
            if (v.getCsi() != null && v.getCsi().getVolumeAttributes() != null) {
                return v.getCsi().getVolumeAttributes().get("secretProviderClass");
            }
        }
        return null;
    }

    /** SecretProviderClass name → the file (object) names it mounts. */
    private static Map<String, Set<String>> secretProviderObjects(List<HasMetadata> objects) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (HasMetadata o : objects) {
            if (o instanceof GenericKubernetesResource r
                    && "SecretProviderClass".equals(r.getKind())) {
                Object params =
                        ((Map<?, ?>) r.getAdditionalProperties().get("spec")).get("parameters");
                String list = String.valueOf(((Map<?, ?>) params).get("objects"));
                Set<String> names = new TreeSet<>();
                Matcher m = OBJECT_NAME.matcher(list);
                while (m.find()) {
                    names.add(m.group(1));
                }
                out.put(r.getMetadata().getName(), names);
            }
        }
        return out;
    }
}
